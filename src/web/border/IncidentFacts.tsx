import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CrossingView, IncidentView, SectorView } from "../../core/border/views";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { FactList } from "./FactList";
import { GoodsList } from "./GoodsList";
import { ImpactBadge } from "./ImpactBadge";
import { PositionText } from "./PositionText";

/** What an incident report says: type, time, place, impact, confidence, goods, who reported it. */
export function IncidentFacts({
  incident: i,
  crossings,
  sectors,
}: {
  incident: IncidentView;
  crossings: readonly CrossingView[];
  sectors: readonly SectorView[];
}) {
  const { t, i18n } = useTranslation();
  const crossing = crossings.find((c) => c.id === i.crossingId);
  const sector = sectors.find((s) => s.id === i.sectorId);
  return (
    <FactList
      facts={[
        [t("incidents.typeLabel"), t(`incidents.type.${i.type}`)],
        [
          t("incidents.occurredAt"),
          <Group key="at" gap={6}>
            <Text size="sm">{formatDateTime(i.occurredAt, i18n.language)}</Text>
            {i.lateReport && <StatusBadge tone="orange" label={t("incidents.late")} />}
          </Group>,
        ],
        [t("incidents.position"), <PositionText key="pos" position={i.location} mgrs={i.location.mgrs} />],
        [t("incidents.crossing"), crossing?.name ?? "—"],
        [t("incidents.sector"), sector ? `${sector.code} · ${sector.name}` : "—"],
        [t("incidents.impactLabel"), <ImpactBadge key="impact" impact={i.impact} />],
        [
          t("incidents.confidence"),
          `${i.confidence.reliability}${i.confidence.credibility} · ${t(`incidents.reliabilityLevel.${i.confidence.reliability}`)}, ${t(`incidents.credibilityLevel.${i.confidence.credibility}`)}`,
        ],
        [t("incidents.goods"), <GoodsList key="goods" goods={i.goods} />],
        [t("incidents.originator"), i.originator],
        [t("incidents.owner"), i.ownerNode.toUpperCase()],
        [t("incidents.space"), i.space === "national" ? t("incidents.national") : t("incidents.shared")],
        [t("incidents.statusLabel"), i.status === "closed" ? t("incidents.status.closed") : t("incidents.status.open")],
      ]}
    />
  );
}
