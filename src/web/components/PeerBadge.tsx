import { Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PeerStatus } from "../federation/use-federation";
import { formatDateTime } from "../format";
import { StatusBadge, type Tone } from "./StatusBadge";

const COLOR: Record<PeerStatus["status"], Tone> = { connected: "green", unreachable: "red", quarantined: "orange", pending: "gray" };

/** One peer in the header: its id, state and lag, with last contact on hover. */
export function PeerBadge({ peer }: { peer: PeerStatus }) {
  const { t, i18n } = useTranslation();
  const state = t(`peer.status.${peer.status}`);
  const label = t("header.peerLabel", { node: peer.node.toUpperCase(), state, lag: peer.lagEvents });
  const contact = peer.lastContact ? formatDateTime(peer.lastContact, i18n.language) : t("peer.never");
  return (
    <Tooltip label={t("header.peerTooltip", { name: peer.name, contact })} withArrow>
      <StatusBadge component="li" tone={COLOR[peer.status]} size="lg" tabIndex={0} aria-label={label}>
        {`${peer.node.toUpperCase()} · ${state}${peer.lagEvents > 0 ? ` · ${t("peer.lagShort", { lag: peer.lagEvents })}` : ""}`}
      </StatusBadge>
    </Tooltip>
  );
}
