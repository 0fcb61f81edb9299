import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { NotFoundPage } from "../components/NotFoundPage";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { ActivitiesTable } from "./ActivitiesTable";
import { CreateActivityForm } from "./CreateActivityForm";
import { RollupPanel } from "./RollupPanel";
import { useActivities } from "./use-activities";
import { useOperations } from "./use-operations";

/** One operation: its roll-up, its activities, and a form to add one. */
export function OperationPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const operations = useOperations();
  const activities = useActivities({ operationId: id });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <QueryState query={operations}>
      {(list) => {
        const op = list.find((o) => o.id === id);
        if (!op) return <NotFoundPage />;
        return (
          <Stack gap="lg">
            <PageHeader title={op.name} subtitle={t("operations.ownedBy", { owner: op.ownerNode.toUpperCase() })} />
            {op.description && <Text style={{ whiteSpace: "pre-wrap" }}>{op.description}</Text>}
            <Paper withBorder p="md" component="section" aria-labelledby="rollup-title">
              <RollupPanel operationId={op.id} name={op.name} />
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="op-activities">
              <Stack gap="sm">
                <Title order={2} size="h4" id="op-activities">
                  {t("activities.heading")}
                </Title>
                <QueryState query={activities}>{(items) => <ActivitiesTable activities={items} />}</QueryState>
                <Button
                  variant={creating ? "default" : "light"}
                  onClick={() => setCreating((v) => !v)}
                  aria-expanded={creating}
                  style={{ alignSelf: "flex-start" }}
                >
                  {creating ? t("common.cancel") : t("activities.new")}
                </Button>
                {created && !creating && (
                  <Text size="sm" c="green.9" role="status">
                    {t("activities.created", { title: created })}
                  </Text>
                )}
                {creating && (
                  <CreateActivityForm
                    operationId={op.id}
                    onCreated={(title) => {
                      setCreated(title);
                      setCreating(false);
                    }}
                  />
                )}
              </Stack>
            </Paper>
          </Stack>
        );
      }}
    </QueryState>
  );
}
