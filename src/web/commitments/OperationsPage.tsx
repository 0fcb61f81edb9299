import { Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { PageHeader } from "../components/PageHeader";
import { PercentBar } from "../components/PercentBar";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { CreateOperationForm } from "./CreateOperationForm";
import { STATUS_BADGE, STATUS_ORDER } from "./status-colors";
import { useOperations } from "./use-operations";

/** Operations with their roll-up and how many activities are in each status. */
export function OperationsPage() {
  const { t } = useTranslation();
  const operations = useOperations();
  const [creating, setCreating] = useState(false);
  const [, navigate] = useLocation();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("operations.pageTitle")}
        subtitle={t("operations.pageSubtitle")}
        actions={
          <Button variant={creating ? "default" : "filled"} onClick={() => setCreating((v) => !v)} aria-expanded={creating}>
            {creating ? t("common.cancel") : t("operations.new")}
          </Button>
        }
      />
      {creating && (
        <Paper withBorder p="md">
          <CreateOperationForm onCreated={(id) => navigate(`/operations/${id}`)} />
        </Paper>
      )}
      <QueryState query={operations}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t("operations.none")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover aria-label={t("operations.pageTitle")} verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("operations.name")}</Table.Th>
                    <Table.Th scope="col">{t("operations.owner")}</Table.Th>
                    <Table.Th scope="col" w={200}>
                      {t("operations.progress")}
                    </Table.Th>
                    <Table.Th scope="col">{t("operations.statuses")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((op) => (
                    <Table.Tr key={op.id}>
                      <Table.Th scope="row" fw={400}>
                        <RouterLink href={`/operations/${op.id}`} fw={600}>
                          {op.name}
                        </RouterLink>
                      </Table.Th>
                      <Table.Td>{op.ownerNode.toUpperCase()}</Table.Td>
                      <Table.Td>
                        <PercentBar value={op.percent} label={t("operations.progressOf", { name: op.name })} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {STATUS_ORDER.filter((s) => (op.counts[s] ?? 0) > 0).map((s) => (
                            <StatusBadge key={s} tone={STATUS_BADGE[s]} label={`${t(`status.${s}`)}: ${op.counts[s]}`} />
                          ))}
                        </Group>
                      </Table.Td>
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
