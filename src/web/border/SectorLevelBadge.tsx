import { useTranslation } from "react-i18next";
import type { SectorLevel } from "../../core/border/schema";
import { StatusBadge } from "../components/StatusBadge";
import { SECTOR_LEVEL_TONE } from "./tones";

/** A sector's level (or a crossing's risk) on the low…critical scale; "not assessed" when null. */
export function SectorLevelBadge({ level }: { level: SectorLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <StatusBadge tone="gray" label={t("sectors.level.none")} />;
  return <StatusBadge tone={SECTOR_LEVEL_TONE[level]} label={t(`sectors.level.${level}`)} />;
}
