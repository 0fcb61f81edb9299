import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SectorView } from "../../core/border/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDateTime } from "../format";
import { useAnswerLevel } from "./use-sectors";

/**
 * A level proposal awaiting an answer. The side that proposed it waits; the other side
 * accepts or rejects it, with a comment, and both answers are recorded.
 */
export function PendingProposal({
  sectorId,
  proposal: p,
  myNode,
  mayAnswer,
}: {
  sectorId: string;
  proposal: NonNullable<SectorView["pendingProposal"]>;
  myNode: string;
  mayAnswer: boolean;
}) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerLevel(sectorId);
  const [comment, setComment] = useState("");
  const mine = p.proposedBy === myNode;
  const title = t("sectors.pendingTitle", { level: t(`sectors.level.${p.level}`), side: p.proposedBy.toUpperCase() });
  return (
    <Alert color="grape" variant="light" title={title}>
      <Stack gap="xs">
        <Text size="sm">{p.reason}</Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(p.proposedAt, i18n.language)}
        </Text>
        {mine || !mayAnswer ? (
          <Text size="sm" fw={500}>
            {mine ? t("sectors.awaitingAnswer") : t("sectors.roleMayNot")}
          </Text>
        ) : (
          <>
            <Textarea
              label={t("sectors.answerComment")}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <ProblemAlert error={answer.error} />
            <Group gap="xs">
              <Button
                color="green"
                loading={answer.isPending && answer.variables?.accepted === true}
                onClick={() => answer.mutate({ proposalId: p.id, accepted: true, comment })}
              >
                {t("sectors.accept")}
              </Button>
              <Button
                color="red"
                variant="outline"
                loading={answer.isPending && answer.variables?.accepted === false}
                onClick={() => answer.mutate({ proposalId: p.id, accepted: false, comment })}
              >
                {t("sectors.reject")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Alert>
  );
}
