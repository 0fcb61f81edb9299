import { Alert, Button, Group, List, MultiSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { rfiReplyInput } from "../../core/coordination/threat-inputs";
import type { RfiDetailView } from "../../core/coordination/views";
import { FactList } from "../border/FactList";
import { useSectors } from "../border/use-sectors";
import { PageHeader } from "../components/PageHeader";
import { ProblemAlert } from "../components/ProblemAlert";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { formatDate, formatDateTime } from "../format";
import { sectorLabel } from "./labels";
import { PRECEDENCE_TONE } from "./RfisPage";
import { Section } from "./Section";
import { SideBadge } from "./SideBadge";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useFormCheck } from "./use-form-check";
import { useCloseRfi, useIntelReports, useReplyRfi, useRfi } from "./use-intel";
import { useThreatActors } from "./use-threats";

/** Either side replies, linking reports of the request's space. */
function ReplyForm({ rfi }: { rfi: RfiDetailView }) {
  const { t } = useTranslation();
  const reply = useReplyRfi(rfi.id);
  const reports = useIntelReports({ space: rfi.space });
  const [text, setText] = useState("");
  const [reportIds, setReportIds] = useState<string[]>([]);
  const { errors, check, reset } = useFormCheck(rfiReplyInput, { text: text.trim(), reportIds });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data)
      reply.mutate(data, {
        onSuccess: () => {
          setText("");
          setReportIds([]);
          reset();
        },
      });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.rfis.reply")}>
      <Stack gap="sm">
        <Textarea
          label={t("coordination.rfis.replyText")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          required
          autosize
          minRows={3}
        />
        <MultiSelect
          label={t("coordination.rfis.linkReports")}
          description={t("coordination.rfis.linkReportsHelp")}
          data={(reports.data ?? []).map((r) => ({ value: r.id, label: r.summary }))}
          value={reportIds}
          onChange={setReportIds}
          searchable
        />
        <ProblemAlert error={reply.error} />
        <Button type="submit" loading={reply.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.rfis.reply")}
        </Button>
      </Stack>
    </form>
  );
}

function CloseForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const close = useCloseRfi(id);
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    close.mutate(reason.trim());
  };
  return (
    <form onSubmit={submit} aria-label={t("coordination.rfis.close")}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("coordination.common.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: 1 }}
          miw={240}
        />
        <Button type="submit" variant="light" loading={close.isPending}>
          {t("coordination.rfis.close")}
        </Button>
      </Group>
      <ProblemAlert error={close.error} />
    </form>
  );
}

/** One request for information with its replies, the reply form, and its asker's close. */
export function RfiPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const rfi = useRfi(id);
  const sectors = useSectors();
  const actors = useThreatActors();
  const me = useMyNode();
  const canManage = useCanCoordinate("rfi.manage");
  return (
    <QueryState query={rfi}>
      {(r) => (
        <Stack gap="lg">
          <PageHeader title={r.question} subtitle={<RouterLink href="/coordination/rfis">{t("coordination.rfis.back")}</RouterLink>} />
          {r.status === "closed" && (
            <Alert color="gray" title={t("coordination.rfis.statuses.closed")}>
              {r.closeReason || t("coordination.meetings.noReason")}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Section id="rfi-facts" title={t("coordination.rfis.facts")}>
              <FactList
                facts={[
                  [t("coordination.rfis.askedBy"), <SideBadge key="o" node={r.ownerNode} />],
                  [t("coordination.rfis.addressedTo"), r.addressedTo.map((n) => n.toUpperCase()).join(", ") || "—"],
                  [
                    t("coordination.rfis.precedence"),
                    <StatusBadge
                      key="p"
                      tone={PRECEDENCE_TONE[r.precedence] ?? "gray"}
                      label={t(`coordination.precedence.${r.precedence}`)}
                    />,
                  ],
                  [t("coordination.rfis.dueDate"), formatDate(r.dueDate, i18n.language)],
                  [
                    t("coordination.links.sectorIds"),
                    r.sectorIds
                      .map((s) => {
                        const x = sectors.data?.find((y) => y.id === s);
                        return x ? sectorLabel(x) : s;
                      })
                      .join("; ") || "—",
                  ],
                  [
                    t("coordination.links.threatActorIds"),
                    r.threatActorIds.length === 0
                      ? "—"
                      : r.threatActorIds.map((a, i) => (
                          <span key={a}>
                            {i > 0 && "; "}
                            <RouterLink size="sm" href={`/coordination/threats/groups/${a}`}>
                              {actors.data?.find((x) => x.id === a)?.name ?? a}
                            </RouterLink>
                          </span>
                        )),
                  ],
                  [t("coordination.rfis.asked"), formatDateTime(r.createdAt, i18n.language)],
                ]}
              />
            </Section>
            <Section id="rfi-context" title={t("coordination.rfis.context")}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={r.context ? undefined : "dimmed"}>
                {r.context || t("coordination.rfis.noContext")}
              </Text>
            </Section>
          </SimpleGrid>
          <Section id="rfi-replies" title={t("coordination.rfis.repliesHeading", { count: r.replies.length })}>
            <Stack gap="md">
              {r.replies.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("coordination.rfis.noReplies")}
                </Text>
              ) : (
                <List listStyleType="none" spacing="sm" p={0} aria-label={t("coordination.rfis.replies")}>
                  {r.replies.map((x) => (
                    <List.Item key={x.id} style={{ borderLeft: "3px solid var(--mantine-color-gray-4)", paddingLeft: 10 }}>
                      <Group gap="xs">
                        <SideBadge node={x.node} />
                        <Text size="xs" c="dimmed">{`${x.actor} · ${formatDateTime(x.at, i18n.language)}`}</Text>
                      </Group>
                      <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                        {x.text}
                      </Text>
                      {x.reports.map((rep) => (
                        <RouterLink key={rep.id} href={`/coordination/intel/${rep.id}`} size="sm" display="block">
                          {t("coordination.rfis.linkedReport", { summary: rep.summary ?? rep.id })}
                        </RouterLink>
                      ))}
                    </List.Item>
                  ))}
                </List>
              )}
              {canManage && r.status === "open" && <ReplyForm rfi={r} />}
            </Stack>
          </Section>
          {canManage && r.status === "open" && r.ownerNode === me && (
            <Section id="rfi-close" title={t("coordination.rfis.closeHeading")}>
              <CloseForm id={r.id} />
            </Section>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
