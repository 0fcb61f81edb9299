import { Group, TextInput } from "@mantine/core";

export interface TimeField {
  readonly label: string;
  readonly description: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly required?: boolean;
}

/** A start and an end as local date-times, side by side (presence: deployments, patrols). */
export function TimeRangeFields({ start, end }: { start: TimeField; end: TimeField }) {
  return (
    <Group grow gap="sm" align="flex-start">
      {[start, end].map((f) => (
        <TextInput
          key={f.label}
          type="datetime-local"
          label={f.label}
          description={f.description}
          value={f.value}
          onChange={(e) => f.onChange(e.currentTarget.value)}
          error={f.error}
          required={f.required ?? false}
        />
      ))}
    </Group>
  );
}
