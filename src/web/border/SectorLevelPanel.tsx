import { Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState";
import { useMe } from "../session/use-session";
import { LevelHistoryTable } from "./LevelHistoryTable";
import { LevelProposalForm } from "./LevelProposalForm";
import { PendingProposal } from "./PendingProposal";
import { SectorLevelBadge } from "./SectorLevelBadge";
import { useCan } from "./use-can";
import { useSector } from "./use-sectors";

/**
 * One sector's level: the level both sides agreed, the proposal awaiting an answer (with
 * accept/reject for the other side), a form to propose a new level, and every proposal made.
 */
export function SectorLevelPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const sector = useSector(id);
  const me = useMe();
  const myNode = me.data?.node ?? "";
  const mayAgree = useCan("sector.level");
  return (
    <QueryState query={sector}>
      {(s) => (
        <Stack gap="md" component="section" aria-labelledby="sector-level-title">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={2} size="h3" id="sector-level-title">
                {`${s.code} · ${s.name}`}
              </Title>
              {s.description && (
                <Text size="sm" c="dimmed">
                  {s.description}
                </Text>
              )}
            </Stack>
            <Group gap={6}>
              <Text size="sm">{t("sectors.agreedLevel")}</Text>
              <SectorLevelBadge level={s.level} />
            </Group>
          </Group>
          {s.space === "national" ? (
            <Text size="sm" c="dimmed">
              {t("sectors.nationalNoLevel")}
            </Text>
          ) : s.pendingProposal ? (
            <PendingProposal sectorId={s.id} proposal={s.pendingProposal} myNode={myNode} mayAnswer={mayAgree} />
          ) : mayAgree ? (
            <LevelProposalForm key={s.updatedAt} sectorId={s.id} current={s.level} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("sectors.roleMayNot")}
            </Text>
          )}
          <Title order={3} size="h4">
            {t("sectors.history")}
          </Title>
          <LevelHistoryTable proposals={s.proposals} />
        </Stack>
      )}
    </QueryState>
  );
}
