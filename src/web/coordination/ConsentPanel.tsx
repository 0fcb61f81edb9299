import { Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { consentRequestInput } from "../../core/coordination/threat-inputs";
import type { ConsentRequestView, IntelReportDetailView } from "../../core/coordination/views";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { ProblemAlert } from "../components/ProblemAlert";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge, type Tone } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useFormCheck } from "./use-form-check";
import { useAnswerConsent, useRequestConsent } from "./use-intel";
import { useSharedSpaces, useSpaceName } from "./use-space-names";

const TONE: Record<ConsentRequestView["state"], Tone> = { pending: "yellow", granted: "green", refused: "red", used: "gray" };

/** The originator grants or refuses one pending request, with a note. */
function AnswerForm({ reportId, request }: { reportId: string; request: ConsentRequestView }) {
  const { t } = useTranslation();
  const answer = useAnswerConsent(reportId);
  const [note, setNote] = useState("");
  const send = (granted: boolean) => answer.mutate({ requestId: request.id, granted, note: note.trim() });
  return (
    <Stack gap={4}>
      <TextInput size="xs" label={t("coordination.consent.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group gap="xs">
        <Button size="compact-sm" color="green" onClick={() => send(true)} loading={answer.isPending}>
          {t("coordination.consent.grant")}
        </Button>
        <Button size="compact-sm" color="red" variant="light" onClick={() => send(false)} loading={answer.isPending}>
          {t("coordination.consent.refuse")}
        </Button>
      </Group>
      <ProblemAlert error={answer.error} />
    </Stack>
  );
}

/** Asks the originator's consent to pass their material into another shared space. */
function RequestForm({ report }: { report: IntelReportDetailView }) {
  const { t } = useTranslation();
  const ask = useRequestConsent(report.id);
  const targets = useSharedSpaces().filter((s) => s.id !== report.space && s.id !== NATIONAL_SPACE);
  const [targetSpace, setTarget] = useState<string | null>(targets[0]?.id ?? null);
  const [purpose, setPurpose] = useState("");
  const { errors, check, reset } = useFormCheck(consentRequestInput, {
    ...(targetSpace ? { targetSpace } : {}),
    purpose: purpose.trim(),
  });
  if (targets.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("coordination.consent.noOtherSpace")}
      </Text>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data)
      ask.mutate(data, {
        onSuccess: () => {
          setPurpose("");
          reset();
        },
      });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.consent.ask")}>
      <Stack gap="sm">
        <Select
          label={t("coordination.consent.targetSpace")}
          data={targets.map((s) => ({ value: s.id, label: s.name }))}
          value={targetSpace}
          onChange={setTarget}
          allowDeselect={false}
          error={errors.targetSpace}
          w={340}
        />
        <Textarea
          label={t("coordination.consent.purpose")}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          error={errors.purpose}
          required
          autosize
          minRows={2}
        />
        <ProblemAlert error={ask.error} />
        <Button type="submit" loading={ask.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.consent.ask")}
        </Button>
      </Stack>
    </form>
  );
}

/** Consent for re-release: the requests made about this report, the originator's answers, and the forms. */
export function ConsentPanel({ report }: { report: IntelReportDetailView }) {
  const { t, i18n } = useTranslation();
  const me = useMyNode();
  const spaceName = useSpaceName();
  const canConsent = useCanCoordinate("intel.consent");
  const canRelease = useCanCoordinate("intel.release");
  const originator = report.originatorNode === me;
  return (
    <Stack gap="md">
      <Text size="sm">
        {originator
          ? t("coordination.consent.explainOriginator")
          : t("coordination.consent.explainOther", { node: report.originatorNode.toUpperCase() })}
      </Text>
      {report.consentRequests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("coordination.consent.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t("coordination.consent.heading")} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("coordination.consent.requester")}</Table.Th>
                <Table.Th scope="col">{t("coordination.consent.targetSpace")}</Table.Th>
                <Table.Th scope="col">{t("coordination.consent.purpose")}</Table.Th>
                <Table.Th scope="col">{t("coordination.common.status")}</Table.Th>
                <Table.Th scope="col">{t("coordination.consent.answer")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.consentRequests.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm">{c.requestedBy}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(c.requestedAt, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{spaceName(c.targetSpace)}</Table.Td>
                  <Table.Td>{c.purpose}</Table.Td>
                  <Table.Td>
                    <StatusBadge tone={TONE[c.state]} label={t(`coordination.consent.states.${c.state}`)} />
                  </Table.Td>
                  <Table.Td>
                    {c.state === "pending" && originator && canConsent ? (
                      <AnswerForm reportId={report.id} request={c} />
                    ) : (
                      <Text size="sm">
                        {c.answeredBy ? `${c.answeredBy} · ${formatDateTime(c.answeredAt, i18n.language)}` : "—"}
                        {c.note && (
                          <Text span size="xs" c="dimmed" display="block">
                            {c.note}
                          </Text>
                        )}
                        {c.copyId && (
                          <RouterLink href={`/coordination/intel/${c.copyId}`} size="xs" display="block">
                            {t("coordination.consent.copy")}
                          </RouterLink>
                        )}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!originator && canRelease && report.status === "active" && report.space !== NATIONAL_SPACE && <RequestForm report={report} />}
    </Stack>
  );
}
