import { Button, Card, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { PageHeader } from "../components/PageHeader";
import { PercentBar } from "../components/PercentBar";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { formatDate } from "../format";
import { StatementImport } from "./StatementImport";
import { useStatements } from "./use-statements";

/** Joint statements with their overall progress; the paste box imports a new one. */
export function StatementsPage() {
  const { t, i18n } = useTranslation();
  const statements = useStatements();
  const [importing, setImporting] = useState(false);
  const [, navigate] = useLocation();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("statements.pageTitle")}
        subtitle={t("statements.pageSubtitle")}
        actions={
          <Button variant={importing ? "default" : "filled"} onClick={() => setImporting((v) => !v)} aria-expanded={importing}>
            {importing ? t("statements.closeImport") : t("statements.import")}
          </Button>
        }
      />
      {importing && (
        <Paper withBorder p="md">
          <StatementImport onSaved={(id) => navigate(`/statements/${id}`)} />
        </Paper>
      )}
      <QueryState query={statements}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t("statements.none")}</Text>
          ) : (
            <SimpleGrid
              cols={{ base: 1, lg: 2 }}
              component="ul"
              style={{ listStyle: "none", padding: 0, margin: 0 }}
              aria-label={t("statements.pageTitle")}
            >
              {list.map((s) => (
                <Card component="li" withBorder key={s.id} padding="md">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <RouterLink href={`/statements/${s.id}`} fw={600}>
                      {s.title}
                    </RouterLink>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      {formatDate(s.date, i18n.language)}
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed" mb="xs">
                    {t("statements.agreementsCount", { n: s.agreements.length, owner: s.ownerNode.toUpperCase() })}
                  </Text>
                  <PercentBar value={s.percent} label={t("statements.progressOf", { title: s.title })} />
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
