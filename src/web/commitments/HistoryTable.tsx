import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../format";
import type { HistoryEntry } from "./types";

/** Who changed what and when, on either side, as the signed log recorded it. */
export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const describe = (h: HistoryEntry) => {
    const what = t(`history.types.${h.type.replace(/\./g, "_")}`, { defaultValue: h.type });
    if (!h.summary) return what;
    if (h.type === "activity.flagged") return `${what}: ${t(`status.${h.summary}`, { defaultValue: h.summary })}`;
    if (h.type === "activity.level_set" || h.type === "activity.report_posted")
      return `${what}: ${h.summary} · ${t(`level.${h.summary}`, { defaultValue: "" })}`;
    return `${what}: ${h.summary}`;
  };
  if (history.length === 0) return <Text c="dimmed">{t("history.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t("history.heading")} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("history.at")}</Table.Th>
            <Table.Th scope="col">{t("history.who")}</Table.Th>
            <Table.Th scope="col">{t("history.what")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((h) => (
            <Table.Tr key={`${h.at}-${h.type}-${h.actor}`}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(h.at, i18n.language)}</Table.Td>
              <Table.Td>{`${h.actor} (${h.node.toUpperCase()})`}</Table.Td>
              <Table.Td>
                <Text size="sm">{describe(h)}</Text>
                {h.note && (
                  <Text size="xs" c="dimmed" fs="italic">
                    {h.note}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
