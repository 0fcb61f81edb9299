import { Button, Group, Radio, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { outcomeInput } from "../../core/coordination/inputs";
import { OUTCOME_KINDS } from "../../core/coordination/schema";
import type { MeetingDetailView } from "../../core/coordination/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { unitLabel } from "./labels";
import { useFormCheck } from "./use-form-check";
import { useRecordOutcome } from "./use-unit-meetings";

type Kind = (typeof OUTCOME_KINDS)[number];

/**
 * The host records an outcome: information, a decision, or an action item that becomes an
 * activity of the commitments pages, owned by a unit of the meeting and due on a date.
 */
export function OutcomeForm({ meeting, onDone }: { meeting: MeetingDetailView; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordOutcome(meeting.id);
  const [kind, setKind] = useState<Kind>("decision");
  const [text, setText] = useState("");
  const [agendaItemId, setAgendaItem] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [title, setTitle] = useState("");
  const units = [meeting.hostUnit, ...meeting.invitedUnits];

  const action =
    kind === "action"
      ? { dueDate, ...(unitId ? { unitId } : { node: meeting.ownerNode }), ...(title.trim() ? { title: title.trim() } : {}) }
      : undefined;
  const { errors, check } = useFormCheck(outcomeInput, {
    kind,
    text: text.trim(),
    ...(agendaItemId ? { agendaItemId } : {}),
    ...(action ? { action } : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data) record.mutate(data, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.outcomes.record")}>
      <Stack gap="sm">
        <Radio.Group label={t("coordination.outcomes.kind")} value={kind} onChange={(v) => setKind(v as Kind)}>
          <Group gap="lg" mt={4}>
            {OUTCOME_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`coordination.outcomes.kinds.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t("coordination.outcomes.text")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.text}
          required
        />
        {meeting.agenda.length > 0 && (
          <Select
            label={t("coordination.outcomes.agendaItem")}
            placeholder={t("coordination.outcomes.noAgendaItem")}
            data={meeting.agenda.map((a, i) => ({ value: a.id, label: `${i + 1}. ${a.title}` }))}
            value={agendaItemId}
            onChange={setAgendaItem}
            clearable
          />
        )}
        {kind === "action" && (
          <Stack gap="xs" p="sm" bg="gray.0" style={{ borderRadius: 4 }}>
            <Text size="sm">{t("coordination.outcomes.actionHelp")}</Text>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <Select
                label={t("coordination.outcomes.owner")}
                placeholder={t("coordination.outcomes.ownerDefault", { node: meeting.ownerNode.toUpperCase() })}
                data={units.map((u) => ({ value: u.id, label: unitLabel(u) }))}
                value={unitId}
                onChange={setUnitId}
                clearable
                error={errors["action.unitId"]}
                w={320}
              />
              <TextInput
                type="date"
                label={t("coordination.outcomes.dueDate")}
                value={dueDate}
                onChange={(e) => setDueDate(e.currentTarget.value)}
                error={errors["action.dueDate"] ?? errors.action}
                required
                w={180}
              />
            </Group>
            <TextInput
              label={t("coordination.outcomes.activityTitle")}
              description={t("coordination.outcomes.activityTitleHelp")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors["action.title"]}
            />
          </Stack>
        )}
        <ProblemAlert error={record.error} />
        <Button type="submit" loading={record.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.outcomes.record")}
        </Button>
      </Stack>
    </form>
  );
}
