import { Group, NumberInput, SegmentedControl, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A series' recurrence as the form holds it, written out as an RFC 5545 RRULE. */
export interface Recurrence {
  freq: "WEEKLY" | "MONTHLY";
  interval: number;
  end: "count" | "until";
  count: number;
  until: string;
}

/** Monthly, six meetings: the usual rhythm of regional coordination. */
export const DEFAULT_RECURRENCE: Recurrence = { freq: "MONTHLY", interval: 1, end: "count", count: 6, until: "" };

/** `FREQ=MONTHLY;INTERVAL=1;COUNT=6`, or `…;UNTIL=20270630` (the last local date). */
export function toRrule(r: Recurrence): string {
  const end = r.end === "count" ? `COUNT=${r.count}` : `UNTIL=${r.until.replaceAll("-", "")}`;
  return `FREQ=${r.freq};INTERVAL=${r.interval};${end}`;
}

/** How a series repeats: weekly or monthly, every n, ending after a count or on a date. */
export function RecurrenceFields({
  value,
  onChange,
  error,
}: {
  value: Recurrence;
  onChange: (r: Recurrence) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Recurrence>) => onChange({ ...value, ...patch });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t("coordination.series.freq")}
        data={[
          { value: "WEEKLY", label: t("coordination.series.weekly") },
          { value: "MONTHLY", label: t("coordination.series.monthly") },
        ]}
        value={value.freq}
        onChange={(v) => v && set({ freq: v as Recurrence["freq"] })}
        allowDeselect={false}
        w={150}
      />
      <NumberInput
        label={t("coordination.series.interval")}
        value={value.interval}
        onChange={(v) => set({ interval: typeof v === "number" ? v : 1 })}
        min={1}
        max={52}
        w={110}
      />
      <SegmentedControl
        aria-label={t("coordination.series.endsBy")}
        data={[
          { value: "count", label: t("coordination.series.byCount") },
          { value: "until", label: t("coordination.series.byDate") },
        ]}
        value={value.end}
        onChange={(v) => set({ end: v as Recurrence["end"] })}
      />
      {value.end === "count" ? (
        <NumberInput
          label={t("coordination.series.count")}
          value={value.count}
          onChange={(v) => set({ count: typeof v === "number" ? v : 1 })}
          min={1}
          max={200}
          w={130}
          error={error}
        />
      ) : (
        <TextInput
          type="date"
          label={t("coordination.series.until")}
          value={value.until}
          onChange={(e) => set({ until: e.currentTarget.value })}
          w={170}
          error={error}
        />
      )}
    </Group>
  );
}
