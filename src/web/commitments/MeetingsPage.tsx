import { Button, Paper, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { formatDate } from "../format";
import { useMe } from "../session/use-session";
import { CreateMeetingForm } from "./CreateMeetingForm";
import { useMeetings } from "./use-meetings";

/** Ministerial meetings: the record that statements and their progress hang from. */
export function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const meetings = useMeetings();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("meetings.pageTitle")}
        actions={
          <Button variant={creating ? "default" : "filled"} onClick={() => setCreating((v) => !v)} aria-expanded={creating}>
            {creating ? t("common.cancel") : t("meetings.new")}
          </Button>
        }
      />
      {creating && (
        <Paper withBorder p="md">
          <CreateMeetingForm hostDefault={me.data?.node ?? ""} onDone={() => setCreating(false)} />
        </Paper>
      )}
      <QueryState query={meetings}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t("meetings.none")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-label={t("meetings.pageTitle")} verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("meetings.date")}</Table.Th>
                    <Table.Th scope="col">{t("meetings.place")}</Table.Th>
                    <Table.Th scope="col">{t("meetings.host")}</Table.Th>
                    <Table.Th scope="col">{t("meetings.participants")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(m.date, i18n.language)}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        <Text size="sm" fw={600}>
                          {m.place}
                        </Text>
                        {m.summary && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {m.summary}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>{m.hostNode.toUpperCase()}</Table.Td>
                      <Table.Td>{m.participants.join("; ") || "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
