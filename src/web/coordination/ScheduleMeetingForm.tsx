import { Button, Checkbox, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { meetingInput, seriesInput } from "../../core/coordination/inputs";
import { useSectors } from "../border/use-sectors";
import { ProblemAlert } from "../components/ProblemAlert";
import { type AgendaDraft, AgendaEditor } from "./AgendaEditor";
import { sectorLabel, unitLabel } from "./labels";
import { localAt, meetingZones, zoneOf } from "./meeting-time";
import { DEFAULT_RECURRENCE, RecurrenceFields, toRrule } from "./RecurrenceFields";
import { useMyNode } from "./use-coordination-can";
import { useFormCheck } from "./use-form-check";
import { useCreateSeries, useScheduleMeeting } from "./use-unit-meetings";
import { useUnits } from "./use-units";

/** Reminder offsets offered, in minutes before the start. */
const REMINDERS = [10_080, 2_880, 1_440, 120, 60, 15] as const;

/**
 * Schedules a meeting hosted by one of this side's units, or a series of them: counterpart
 * units invited, an agenda, local times in the zone where it is held, and reminders.
 */
export function ScheduleMeetingForm({ onDone }: { onDone: (meetingId: string | null) => void }) {
  const { t } = useTranslation();
  const me = useMyNode();
  const units = useUnits();
  const sectors = useSectors();
  const schedule = useScheduleMeeting();
  const series = useCreateSeries();
  const [title, setTitle] = useState("");
  const [hostUnitId, setHost] = useState<string | null>(null);
  const [invited, setInvited] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState(localAt(7, 9));
  const [endsAt, setEndsAt] = useState(localAt(7, 11));
  const [timezone, setTimezone] = useState(zoneOf(me));
  const [place, setPlace] = useState("");
  const [sectorId, setSector] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const [agenda, setAgenda] = useState<AgendaDraft[]>([]);
  const [reminders, setReminders] = useState<string[]>(["1440", "60"]);
  const [recurring, setRecurring] = useState(false);
  const [recurrence, setRecurrence] = useState(DEFAULT_RECURRENCE);

  const active = (units.data ?? []).filter((u) => !u.retired);
  const own = active.filter((u) => u.ownerNode === me);
  const pickHost = (id: string | null) => {
    setHost(id);
    const host = active.find((u) => u.id === id);
    // The host's counterparts are whom it usually meets: a starting point the officer can change.
    if (host && invited.length === 0) setInvited(host.counterparts.map((c) => c.id).filter((c) => active.some((u) => u.id === c)));
    if (host && !sectorId && host.jurisdiction[0]) setSector(host.jurisdiction[0].id);
  };
  const meetingUnits = active
    .filter((u) => u.id === hostUnitId || invited.includes(u.id))
    .map((u) => ({ value: u.id, label: unitLabel(u) }));

  const body = {
    title: title.trim(),
    description,
    ...(hostUnitId ? { hostUnitId } : {}),
    invitedUnitIds: invited,
    agenda: agenda.map((a) => ({ title: a.title.trim(), detail: a.detail.trim(), unitId: a.unitId })),
    startsAt,
    endsAt,
    timezone,
    place: place.trim(),
    sectorId,
    reminders: reminders.map(Number).sort((a, b) => b - a),
    ...(recurring ? { rrule: toRrule(recurrence) } : {}),
  };
  const asSeries = useFormCheck(seriesInput, body);
  const asMeeting = useFormCheck(meetingInput, body);
  const errors = recurring ? asSeries.errors : asMeeting.errors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (recurring) {
      const data = asSeries.check();
      if (data) series.mutate(data, { onSuccess: (s) => onDone(s.meetings[0]?.id ?? null) });
      return;
    }
    const data = asMeeting.check();
    if (data) schedule.mutate(data, { onSuccess: (m) => onDone(m.id) });
  };
  const pending = schedule.isPending || series.isPending;

  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.meetings.schedule")}>
      <Stack gap="sm">
        <TextInput
          label={t("coordination.meetings.title")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("coordination.meetings.hostUnit")}
            description={t("coordination.meetings.hostUnitHelp")}
            data={own.map((u) => ({ value: u.id, label: u.name }))}
            value={hostUnitId}
            onChange={pickHost}
            searchable
            required
            error={errors.hostUnitId}
            style={{ flex: 1 }}
            miw={240}
          />
          <MultiSelect
            label={t("coordination.meetings.invitedUnits")}
            description={t("coordination.meetings.invitedHelp")}
            data={active.filter((u) => u.id !== hostUnitId).map((u) => ({ value: u.id, label: unitLabel(u) }))}
            value={invited}
            onChange={setInvited}
            searchable
            required
            error={errors.invitedUnitIds}
            style={{ flex: 2 }}
            miw={280}
          />
        </Group>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="datetime-local"
            label={t("coordination.meetings.startsAt")}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={errors.startsAt}
            required
            w={220}
          />
          <TextInput
            type="datetime-local"
            label={t("coordination.meetings.endsAt")}
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={errors.endsAt}
            required
            w={220}
          />
          <Select
            label={t("coordination.meetings.timezone")}
            data={meetingZones()}
            value={timezone}
            onChange={(v) => v && setTimezone(v)}
            allowDeselect={false}
            error={errors.timezone}
            w={200}
          />
        </Group>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t("coordination.meetings.place")}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={errors.place}
            style={{ flex: 1 }}
            miw={240}
          />
          <Select
            label={t("coordination.meetings.sector")}
            data={(sectors.data ?? []).map((s) => ({ value: s.id, label: sectorLabel(s) }))}
            value={sectorId}
            onChange={setSector}
            clearable
            searchable
            w={300}
          />
        </Group>
        <Textarea
          label={t("coordination.meetings.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.description}
        />
        <AgendaEditor value={agenda} onChange={setAgenda} units={meetingUnits} errors={errors} />
        <MultiSelect
          label={t("coordination.meetings.reminders")}
          description={t("coordination.meetings.remindersHelp")}
          data={REMINDERS.map((r) => ({ value: String(r), label: t(`coordination.reminderOffset.${r}`) }))}
          value={reminders}
          onChange={setReminders}
          error={errors.reminders}
          maxValues={5}
        />
        <Checkbox
          label={t("coordination.series.recurring")}
          description={t("coordination.series.recurringHelp")}
          checked={recurring}
          onChange={(e) => setRecurring(e.currentTarget.checked)}
        />
        {recurring && <RecurrenceFields value={recurrence} onChange={setRecurrence} error={errors.rrule} />}
        <ProblemAlert error={schedule.error ?? series.error} />
        <Button type="submit" loading={pending} style={{ alignSelf: "flex-start" }}>
          {recurring ? t("coordination.series.create") : t("coordination.meetings.schedule")}
        </Button>
      </Stack>
    </form>
  );
}
