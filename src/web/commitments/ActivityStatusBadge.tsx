import { useTranslation } from "react-i18next";
import type { ActivityStatus } from "../../core/commitments/schema";
import { StatusBadge } from "../components/StatusBadge";
import { STATUS_BADGE } from "./status-colors";

/** An activity's derived status, coloured and spelled out. */
export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATUS_BADGE[status]} label={t(`status.${status}`)} />;
}
