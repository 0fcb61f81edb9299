import { Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Tlp } from "../../core/coordination/schema";
import { StatusBadge, type Tone } from "../components/StatusBadge";

/** FIRST's TLP 2.0 colours, as close as the console's palette gets. */
const TONE: Record<Tlp, Tone> = { clear: "gray", green: "green", amber: "orange", "amber+strict": "orange", red: "red" };

/** A TLP 2.0 label written as FIRST spells it (TLP:AMBER+STRICT), with what it allows on hover. */
export function TlpBadge({ tlp }: { tlp: Tlp }) {
  const { t } = useTranslation();
  const label = `TLP:${tlp.toUpperCase()}`;
  return (
    <Tooltip label={t(`coordination.tlp.${tlp}`)} multiline w={260} withArrow>
      <StatusBadge tone={TONE[tlp]} label={label} aria-label={`${label}: ${t(`coordination.tlp.${tlp}`)}`} tabIndex={0} />
    </Tooltip>
  );
}
