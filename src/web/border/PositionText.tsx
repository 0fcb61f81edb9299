import { Text } from "@mantine/core";
import { formatLatLon, type LatLon, toMgrs } from "./position";

/** A position in both notations people use at the border: decimal degrees and MGRS. */
export function PositionText({ position, mgrs, size = "sm" }: { position: LatLon; mgrs?: string; size?: "xs" | "sm" }) {
  const ref = mgrs || toMgrs(position);
  return (
    <Text size={size} component="span" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
      {formatLatLon(position)}
      {ref && (
        <>
          <br />
          <Text span size={size} ff="monospace">
            MGRS {ref}
          </Text>
        </>
      )}
    </Text>
  );
}
