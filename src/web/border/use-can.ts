import { type BorderAction, canBorder } from "../../core/border/policy";
import { useMe } from "../session/use-session";

/** Whether the logged-in user's role may take a border action (the server checks again). */
export function useCan(action: BorderAction): boolean {
  const me = useMe();
  return me.data ? canBorder(me.data.role, action) : false;
}
