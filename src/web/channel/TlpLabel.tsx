import { useTranslation } from "react-i18next";
import type { Tlp } from "../../core/channel/schema";

/** TLP 2.0 label colours (FIRST, "TLP:…" in the colour on black). */
const COLOUR: Record<Tlp, string> = {
  clear: "#FFFFFF",
  green: "#33FF00",
  amber: "#FFC000",
  "amber+strict": "#FFC000",
  red: "#FF2B2B",
};

/** The marking as FIRST prints it, e.g. TLP:AMBER+STRICT. */
export const tlpText = (tlp: Tlp) => `TLP:${tlp.toUpperCase()}`;

/** A TLP 2.0 marking as its standard label; the sharing rule it stands for is its tooltip. */
export function TlpLabel({ tlp, size = "sm" }: { tlp: Tlp; size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  return (
    <span className="tlp-label" data-size={size} style={{ color: COLOUR[tlp] }} title={t(`channel.tlp.rule.${tlp}`)}>
      {tlpText(tlp)}
    </span>
  );
}
