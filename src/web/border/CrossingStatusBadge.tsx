import { useTranslation } from "react-i18next";
import type { CrossingView } from "../../core/border/views";
import { StatusBadge } from "../components/StatusBadge";
import { CROSSING_STATUS_TONE } from "./tones";

/** A crossing's status: active, monitored or closed. */
export function CrossingStatusBadge({ status }: { status: CrossingView["status"] }) {
  const { t } = useTranslation();
  return <StatusBadge tone={CROSSING_STATUS_TONE[status]} label={t(`crossings.status.${status}`)} />;
}
