import { useTranslation } from "react-i18next";
import type { Impact } from "../../core/border/schema";
import { StatusBadge } from "../components/StatusBadge";
import { IMPACT_TONE } from "./tones";

/** An incident's impact level (EUROSUR: low, medium, high, very high). */
export function ImpactBadge({ impact }: { impact: Impact }) {
  const { t } = useTranslation();
  return <StatusBadge tone={IMPACT_TONE[impact]} label={t(`incidents.impact.${impact}`)} />;
}
