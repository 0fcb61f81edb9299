import { Box, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "../../core/coordination/views";
import { RouterLink } from "../components/RouterLink";
import { localClock, meetingDay } from "./meeting-time";

const iso = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The weeks of a month, Monday first, as local dates (null outside the month). */
function weeksOf(year: number, month: number): (string | null)[][] {
  const first = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (string | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length: days }, (_, i) => iso(year, month, i + 1))];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * A month of meetings as a table (a calendar a screen reader can walk): each day lists its
 * meetings at their local start time, cancelled ones struck through.
 */
export function MeetingsCalendar({ year, month, meetings }: { year: number; month: number; meetings: MeetingView[] }) {
  const { t, i18n } = useTranslation();
  const loc = i18n.language === "en" ? "en-GB" : "es-CO";
  const long = new Intl.DateTimeFormat(loc, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month, 1)));
  const title = long.charAt(0).toUpperCase() + long.slice(1);
  const weekday = new Intl.DateTimeFormat(loc, { weekday: "short", timeZone: "UTC" });
  const weekdayLong = new Intl.DateTimeFormat(loc, { weekday: "long", timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  const names = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));
  const byDay = new Map<string, MeetingView[]>();
  for (const m of meetings) byDay.set(meetingDay(m), [...(byDay.get(meetingDay(m)) ?? []), m]);
  const today = iso(new Date().getFullYear(), new Date().getMonth(), new Date().getDate());
  return (
    <Box
      component="table"
      w="100%"
      style={{ borderCollapse: "collapse", tableLayout: "fixed" }}
      aria-label={t("coordination.meetings.calendarOf", { month: long })}
    >
      <Box component="caption" ta="left" fw={700} pb="xs">
        {title}
      </Box>
      <thead>
        <tr>
          {names.map((d) => (
            <Box component="th" scope="col" key={d.toISOString()} fz="xs" c="dimmed" ta="left" p={4} tt="capitalize">
              <abbr title={weekdayLong.format(d)} style={{ textDecoration: "none" }}>
                {weekday.format(d)}
              </abbr>
            </Box>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(year, month).map((week) => (
          <tr key={week.find(Boolean) ?? "w"}>
            {week.map((day, i) => (
              <Box
                component="td"
                key={day ?? `empty-${i}`}
                p={4}
                h={96}
                valign="top"
                style={{
                  border: "1px solid var(--mantine-color-gray-3)",
                  background: day === today ? "var(--mantine-color-blue-0)" : day ? undefined : "var(--mantine-color-gray-0)",
                }}
              >
                {day && (
                  <Stack gap={2}>
                    <Text size="xs" fw={day === today ? 700 : 500} aria-current={day === today ? "date" : undefined}>
                      {Number(day.slice(8))}
                    </Text>
                    {(byDay.get(day) ?? []).map((m) => (
                      <Box key={m.id} pl={4} style={{ borderLeft: "2px solid var(--mantine-color-blue-4)" }}>
                        <Text size="xs" c="dimmed">
                          {`${localClock(m.startsAt)} · ${m.hostUnit.node?.toUpperCase() ?? ""}${m.sector?.code ? ` · ${m.sector.code}` : ""}`}
                        </Text>
                        <Text size="xs" lineClamp={3}>
                          <RouterLink
                            href={`/coordination/meetings/${m.id}`}
                            size="xs"
                            td={m.status === "cancelled" ? "line-through" : undefined}
                          >
                            {m.title}
                          </RouterLink>
                        </Text>
                      </Box>
                    ))}
                  </Stack>
                )}
              </Box>
            ))}
          </tr>
        ))}
      </tbody>
    </Box>
  );
}
