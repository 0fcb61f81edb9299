import { Button, Group, Paper, SegmentedControl, Select, Stack } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { canAdmin } from "../../core/admin/policy";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { useMe } from "../session/use-session";
import { CalendarSubscribe } from "./CalendarSubscribe";
import { unitLabel } from "./labels";
import { MeetingsCalendar } from "./MeetingsCalendar";
import { MeetingsTable } from "./MeetingsTable";
import { RemindersPanel } from "./RemindersPanel";
import { ScheduleMeetingForm } from "./ScheduleMeetingForm";
import { useCanCoordinate } from "./use-coordination-can";
import { type MeetingFilter, useUnitMeetings } from "./use-unit-meetings";
import { useUnits } from "./use-units";

type View = "list" | "calendar";
type Period = "upcoming" | "past" | "all";

/** The window of start instants a view asks for; a calendar month is padded a day each side for time zones. */
function windowOf(view: View, period: Period, month: { y: number; m: number }, now: string): MeetingFilter {
  if (view === "calendar") {
    return {
      from: new Date(Date.UTC(month.y, month.m, 1) - 86_400_000).toISOString(),
      to: new Date(Date.UTC(month.y, month.m + 1, 1) + 86_400_000).toISOString(),
    };
  }
  if (period === "upcoming") return { from: now };
  if (period === "past") return { to: now };
  return {};
}

/** Meetings of the regional units (agreement 4): a list or a month calendar, and the form to schedule one. */
export function UnitMeetingsPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const canManage = useCanCoordinate("meeting.manage");
  const me = useMe();
  const canSubscribe = me.data ? canAdmin(me.data.role, "token.own") : false;
  const units = useUnits();
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<View>("list");
  const [period, setPeriod] = useState<Period>("upcoming");
  const [unitId, setUnitId] = useState<string | null>(null);
  const [month, setMonth] = useState(() => ({ y: new Date().getFullYear(), m: new Date().getMonth() }));
  const now = useMemo(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(), []);
  const filter = { ...windowOf(view, period, month, now), ...(unitId ? { unitId } : {}) };
  const meetings = useUnitMeetings(filter);
  const shift = (by: number) => setMonth(({ y, m }) => ({ y: y + Math.floor((m + by) / 12), m: (((m + by) % 12) + 12) % 12 }));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("coordination.meetings.pageTitle")}
        subtitle={t("coordination.meetings.pageSubtitle")}
        actions={
          canManage && (
            <Button variant={creating ? "default" : "filled"} onClick={() => setCreating((v) => !v)} aria-expanded={creating}>
              {creating ? t("common.cancel") : t("coordination.meetings.new")}
            </Button>
          )
        }
      />
      {creating && (
        <Paper withBorder p="md">
          <ScheduleMeetingForm
            onDone={(id) => {
              setCreating(false);
              if (id) navigate(`/coordination/meetings/${id}`);
            }}
          />
        </Paper>
      )}
      <RemindersPanel />
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t("coordination.meetings.view")}
          data={[
            { value: "list", label: t("coordination.meetings.viewList") },
            { value: "calendar", label: t("coordination.meetings.viewCalendar") },
          ]}
          value={view}
          onChange={(v) => setView(v as View)}
        />
        {view === "list" ? (
          <SegmentedControl
            aria-label={t("coordination.meetings.period")}
            data={(["upcoming", "past", "all"] as const).map((p) => ({ value: p, label: t(`coordination.meetings.periods.${p}`) }))}
            value={period}
            onChange={(v) => setPeriod(v as Period)}
          />
        ) : (
          <Group gap="xs">
            <Button variant="default" onClick={() => shift(-1)}>
              {t("coordination.meetings.prevMonth")}
            </Button>
            <Button variant="default" onClick={() => setMonth({ y: new Date().getFullYear(), m: new Date().getMonth() })}>
              {t("coordination.meetings.thisMonth")}
            </Button>
            <Button variant="default" onClick={() => shift(1)}>
              {t("coordination.meetings.nextMonth")}
            </Button>
          </Group>
        )}
        <Select
          label={t("coordination.meetings.filterUnit")}
          placeholder={t("coordination.meetings.anyUnit")}
          data={(units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }))}
          value={unitId}
          onChange={setUnitId}
          clearable
          searchable
          w={320}
        />
      </Group>
      {unitId && canSubscribe && <CalendarSubscribe key={unitId} unitId={unitId} />}
      <Paper withBorder p="md">
        <QueryState query={meetings}>
          {(list) =>
            view === "calendar" ? (
              <MeetingsCalendar year={month.y} month={month.m} meetings={list} />
            ) : (
              <MeetingsTable meetings={period === "past" ? [...list].reverse() : list} label={t("coordination.meetings.pageTitle")} />
            )
          }
        </QueryState>
      </Paper>
    </Stack>
  );
}
