import { Button, Paper, Spoiler, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { PageHeader } from "../components/PageHeader";
import { PercentBar } from "../components/PercentBar";
import { QueryState } from "../components/QueryState";
import { formatDate } from "../format";
import { useLink } from "../use-link";
import { useStatement } from "./use-statements";

/** One joint statement: its agreements with their roll-up, and the full text. */
export function StatementPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const statement = useStatement(id);
  const report = useLink(`/reports/progress?statementId=${encodeURIComponent(id)}`);
  return (
    <QueryState query={statement}>
      {(s) => (
        <Stack gap="lg">
          <PageHeader
            title={s.title}
            subtitle={t("statements.detailSubtitle", { date: formatDate(s.date, i18n.language), owner: s.ownerNode.toUpperCase() })}
            actions={
              <Button component="a" {...report} variant="light">
                {t("statements.openReport")}
              </Button>
            }
          />
          <Paper withBorder p="md" component="section" aria-labelledby="st-progress">
            <Title order={2} size="h4" id="st-progress" mb="xs">
              {t("statements.overall")}
            </Title>
            <PercentBar value={s.percent} label={t("statements.progressOf", { title: s.title })} size="lg" />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="st-agreements">
            <Title order={2} size="h4" id="st-agreements" mb="xs">
              {t("statements.agreements")}
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-labelledby="st-agreements" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w={50}>
                      {t("statements.number")}
                    </Table.Th>
                    <Table.Th scope="col">{t("statements.agreementText")}</Table.Th>
                    <Table.Th scope="col" w={220}>
                      {t("statements.progress")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.agreements.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td fw={700}>{a.number}</Table.Td>
                      <Table.Td>{a.text}</Table.Td>
                      <Table.Td>
                        <PercentBar value={a.percent} label={t("progress.agreementN", { n: a.number })} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {s.text && (
            <Paper withBorder p="md" component="section" aria-labelledby="st-text">
              <Title order={2} size="h4" id="st-text" mb="xs">
                {t("statements.fullText")}
              </Title>
              <Spoiler maxHeight={160} showLabel={t("common.showMore")} hideLabel={t("common.showLess")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }} lang={s.language}>
                  {s.text}
                </Text>
              </Spoiler>
            </Paper>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
