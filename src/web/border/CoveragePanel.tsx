import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CoverageShare, CoverageView } from "../../core/border/read-views";
import { PercentBar } from "../components/PercentBar";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { formatLatLon } from "./position";
import { SectorLevelBadge } from "./SectorLevelBadge";

const pct = (share: number | null) => (share === null ? 0 : share * 100);

function ShareCard({ title, share }: { title: string; share: CoverageShare }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          {t("coverage.informalCount", { count: share.crossings })}
        </Text>
        <Text size="xs">{t("coverage.last24h")}</Text>
        <PercentBar value={pct(share.share24h)} label={t("coverage.barLabel", { scope: title, window: t("coverage.last24h") })} size="sm" />
        <Text size="xs">{t("coverage.last7d")}</Text>
        <PercentBar value={pct(share.share7d)} label={t("coverage.barLabel", { scope: title, window: t("coverage.last7d") })} size="sm" />
      </Stack>
    </Paper>
  );
}

/**
 * Coverage of the informal crossings (presence by either side in the last 24 h and 7 days):
 * combined, per side, per sector, and the crossings left uncovered, longest first.
 */
export function CoveragePanel({ coverage: c }: { coverage: CoverageView }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ShareCard title={t("coverage.combined")} share={c.combined} />
        {c.sides.map((s) => (
          <ShareCard key={s.side} title={t("coverage.sideTerritory", { side: s.side.toUpperCase() })} share={s} />
        ))}
      </SimpleGrid>
      <Title order={3} size="h4">
        {t("coverage.bySector")}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t("coverage.bySector")} verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("sectors.name")}</Table.Th>
              <Table.Th scope="col">{t("coverage.informal")}</Table.Th>
              <Table.Th scope="col" w={220}>
                {t("coverage.last24h")}
              </Table.Th>
              <Table.Th scope="col" w={220}>
                {t("coverage.last7d")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.sectors.map((s) => {
              const name = s.code ? `${s.code} · ${s.name}` : t("coverage.noSector");
              return (
                <Table.Tr key={s.sectorId ?? "none"}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                  </Table.Th>
                  <Table.Td>{s.crossings}</Table.Td>
                  <Table.Td>
                    <PercentBar
                      value={pct(s.share24h)}
                      label={t("coverage.barLabel", { scope: name, window: t("coverage.last24h") })}
                      size="sm"
                    />
                  </Table.Td>
                  <Table.Td>
                    <PercentBar
                      value={pct(s.share7d)}
                      label={t("coverage.barLabel", { scope: name, window: t("coverage.last7d") })}
                      size="sm"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" align="baseline">
        <Title order={3} size="h4">
          {t("coverage.gaps", { count: c.gaps.length })}
        </Title>
        <Text size="xs" c="dimmed">
          {t("coverage.at", { at: formatDateTime(c.at, i18n.language) })}
        </Text>
      </Group>
      {c.gaps.length === 0 ? (
        <Text c="dimmed">{t("coverage.noGaps")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t("coverage.gapsLabel")} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("crossings.name")}</Table.Th>
                <Table.Th scope="col">{t("crossings.side")}</Table.Th>
                <Table.Th scope="col">{t("crossings.risk")}</Table.Th>
                <Table.Th scope="col">{t("coverage.lastPresence")}</Table.Th>
                <Table.Th scope="col">{t("crossings.position")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.gaps.map((g) => (
                <Table.Tr key={g.crossingId}>
                  <Table.Th scope="row" fw={500}>
                    {g.name}
                  </Table.Th>
                  <Table.Td>{g.side.toUpperCase()}</Table.Td>
                  <Table.Td>
                    <SectorLevelBadge level={g.risk as "low" | "medium" | "high" | "critical"} />
                  </Table.Td>
                  <Table.Td>
                    {g.lastPresenceAt ? (
                      formatDateTime(g.lastPresenceAt, i18n.language)
                    ) : (
                      <StatusBadge tone="red" label={t("coverage.never")} />
                    )}
                  </Table.Td>
                  <Table.Td>{formatLatLon(g)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
