import { StatusBadge } from "../components/StatusBadge";
import { useMyNode } from "./use-coordination-can";

/** A side of the border (the node id in capitals); this node's own side in blue, the other in grape. */
export function SideBadge({ node }: { node: string | null }) {
  const mine = useMyNode();
  if (!node) return <>—</>;
  return <StatusBadge tone={node === mine ? "blue" : "grape"} label={node.toUpperCase()} />;
}
