import { Button, Paper, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge, type Tone } from "../components/StatusBadge";
import { formatDate, formatDateTime } from "../format";
import { RfiForm } from "./RfiForm";
import { SideBadge } from "./SideBadge";
import { useCanCoordinate } from "./use-coordination-can";
import { useRfis } from "./use-intel";

/** Precedence tones, the most urgent the most alarming (ACP 121). */
export const PRECEDENCE_TONE: Record<string, Tone> = { flash: "red", immediate: "orange", priority: "yellow", routine: "gray" };

/** Requests for information between the sides: open ones first, and the form to ask one. */
export function RfisPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const canAsk = useCanCoordinate("rfi.manage");
  const [status, setStatus] = useState<"open" | "closed">("open");
  const [asking, setAsking] = useState(false);
  const rfis = useRfis(status);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("coordination.rfis.pageTitle")}
        subtitle={t("coordination.rfis.pageSubtitle")}
        actions={
          canAsk && (
            <Button variant={asking ? "default" : "filled"} onClick={() => setAsking((v) => !v)} aria-expanded={asking}>
              {asking ? t("common.cancel") : t("coordination.rfis.new")}
            </Button>
          )
        }
      />
      {asking && (
        <Paper withBorder p="md">
          <RfiForm onDone={(id) => navigate(`/coordination/rfis/${id}`)} />
        </Paper>
      )}
      <SegmentedControl
        aria-label={t("coordination.common.status")}
        data={(["open", "closed"] as const).map((s) => ({ value: s, label: t(`coordination.rfis.statuses.${s}`) }))}
        value={status}
        onChange={(v) => setStatus(v as "open" | "closed")}
        style={{ alignSelf: "flex-start" }}
      />
      <Paper withBorder p="md">
        <QueryState query={rfis}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">{t("coordination.rfis.none")}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped aria-label={t("coordination.rfis.pageTitle")} verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("coordination.rfis.question")}</Table.Th>
                      <Table.Th scope="col">{t("coordination.rfis.precedence")}</Table.Th>
                      <Table.Th scope="col">{t("coordination.rfis.askedBy")}</Table.Th>
                      <Table.Th scope="col">{t("coordination.rfis.dueDate")}</Table.Th>
                      <Table.Th scope="col">{t("coordination.rfis.replies")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Th scope="row" fw={400}>
                          <RouterLink href={`/coordination/rfis/${r.id}`} fw={600}>
                            {r.question.length > 140 ? `${r.question.slice(0, 139)}…` : r.question}
                          </RouterLink>
                          <Text size="xs" c="dimmed">
                            {formatDateTime(r.createdAt, i18n.language)}
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          <StatusBadge
                            tone={PRECEDENCE_TONE[r.precedence] ?? "gray"}
                            label={t(`coordination.precedence.${r.precedence}`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <SideBadge node={r.ownerNode} />
                        </Table.Td>
                        <Table.Td>{formatDate(r.dueDate, i18n.language)}</Table.Td>
                        <Table.Td>{r.replyCount}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
    </Stack>
  );
}
