import { type CoordinationAction, canCoordinate } from "../../core/coordination/policy";
import { useMe } from "../session/use-session";

/** Whether the logged-in user's role may take a coordination action (the server checks again). */
export function useCanCoordinate(action: CoordinationAction): boolean {
  const me = useMe();
  return me.data ? canCoordinate(me.data.role, action) : false;
}

/** The id of the node the console talks to ("co", "ve"): which side "mine" is. */
export function useMyNode(): string {
  return useMe().data?.node ?? "";
}
