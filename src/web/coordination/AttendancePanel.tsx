import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { attendanceInput } from "../../core/coordination/inputs";
import { ATTENDANCE_STATUSES } from "../../core/coordination/schema";
import type { MeetingDetailView } from "../../core/coordination/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { StatusBadge, type Tone } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { SideBadge } from "./SideBadge";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useFormCheck } from "./use-form-check";
import { useConfirmAttendance } from "./use-unit-meetings";

const TONE: Record<string, Tone> = { attending: "green", tentative: "yellow", declined: "red", none: "gray" };

/** This side confirms (or declines) attendance for one of its own units in the meeting. */
function AttendanceForm({ meeting }: { meeting: MeetingDetailView }) {
  const { t } = useTranslation();
  const me = useMyNode();
  const confirm = useConfirmAttendance(meeting.id);
  const ours = meeting.attendance.filter((a) => a.unit.node === me);
  const [unitId, setUnitId] = useState<string | null>(ours.find((a) => a.status === "none")?.unit.id ?? ours[0]?.unit.id ?? null);
  const [status, setStatus] = useState<string>("attending");
  const [delegation, setDelegation] = useState("");
  const [note, setNote] = useState("");
  const { errors, check } = useFormCheck(attendanceInput, {
    ...(unitId ? { unitId } : {}),
    status,
    delegation: delegation.trim(),
    note: note.trim(),
  });
  if (ours.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data) confirm.mutate(data);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.attendance.confirm")}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t("coordination.attendance.formHeading", { side: me.toUpperCase() })}
        </Title>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("coordination.attendance.unit")}
            data={ours.map((a) => ({ value: a.unit.id, label: a.unit.name ?? a.unit.id }))}
            value={unitId}
            onChange={setUnitId}
            allowDeselect={false}
            error={errors.unitId}
            w={300}
          />
          <Select
            label={t("coordination.attendance.answer")}
            data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`coordination.attendance.status.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v)}
            allowDeselect={false}
            w={180}
          />
          <TextInput
            label={t("coordination.attendance.delegation")}
            description={t("coordination.attendance.delegationHelp")}
            value={delegation}
            onChange={(e) => setDelegation(e.currentTarget.value)}
            error={errors.delegation}
            style={{ flex: 1 }}
            miw={240}
          />
        </Group>
        <TextInput
          label={t("coordination.attendance.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <ProblemAlert error={confirm.error} />
        {confirm.isSuccess && (
          <Text size="sm" c="green.9" role="status">
            {t("coordination.attendance.saved")}
          </Text>
        )}
        <Button type="submit" loading={confirm.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.attendance.confirm")}
        </Button>
      </Stack>
    </form>
  );
}

/** Attendance per unit of the meeting, each side's latest answer for its own units, and this side's form. */
export function AttendancePanel({ meeting }: { meeting: MeetingDetailView }) {
  const { t, i18n } = useTranslation();
  const canAttend = useCanCoordinate("meeting.attend");
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t("coordination.attendance.heading")} verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("coordination.attendance.unit")}</Table.Th>
              <Table.Th scope="col">{t("coordination.common.side")}</Table.Th>
              <Table.Th scope="col">{t("coordination.attendance.role")}</Table.Th>
              <Table.Th scope="col">{t("coordination.attendance.answer")}</Table.Th>
              <Table.Th scope="col">{t("coordination.attendance.delegation")}</Table.Th>
              <Table.Th scope="col">{t("coordination.attendance.confirmedBy")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meeting.attendance.map((a) => (
              <Table.Tr key={a.unit.id}>
                <Table.Th scope="row" fw={500}>
                  {a.unit.name ?? a.unit.id}
                </Table.Th>
                <Table.Td>
                  <SideBadge node={a.unit.node} />
                </Table.Td>
                <Table.Td>{t(`coordination.attendance.roles.${a.role}`)}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={TONE[a.status] ?? "gray"} label={t(`coordination.attendance.status.${a.status}`)} />
                </Table.Td>
                <Table.Td>
                  {a.delegation || "—"}
                  {a.note && (
                    <Text size="xs" c="dimmed">
                      {a.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {a.confirmedBy ? (
                    <Text size="sm">
                      {a.confirmedBy}
                      <Text span size="xs" c="dimmed" display="block">
                        {formatDateTime(a.confirmedAt, i18n.language)}
                      </Text>
                    </Text>
                  ) : (
                    "—"
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canAttend && meeting.status === "scheduled" && <AttendanceForm meeting={meeting} />}
    </Stack>
  );
}
