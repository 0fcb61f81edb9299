import { Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Confidence } from "../../core/border/schema";
import { StatusBadge } from "../components/StatusBadge";

/** Admiralty confidence as analysts write it ("B2"), with both gradings spelled out. */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  const code = `${confidence.reliability}${confidence.credibility}`;
  const words = `${t(`incidents.reliabilityLevel.${confidence.reliability}`)} · ${t(`incidents.credibilityLevel.${confidence.credibility}`)}`;
  return (
    <Tooltip label={words} withArrow>
      <StatusBadge tone="indigo" label={code} aria-label={t("coordination.common.confidenceAria", { code, words })} tabIndex={0} />
    </Tooltip>
  );
}
