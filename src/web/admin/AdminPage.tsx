import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { CreateUserForm } from "./CreateUserForm";
import { TokensPanel } from "./TokensPanel";
import { UsersTable } from "./UsersTable";
import { useUsers } from "./use-admin";

/** Node administration: users and API tokens. */
export function AdminPage() {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <Stack gap="lg">
      <PageHeader title={t("admin.title")} />
      <Paper withBorder p="md" component="section" aria-labelledby="admin-users">
        <Title order={2} size="h4" mb="sm" id="admin-users">
          {t("admin.users")}
        </Title>
        <Stack>
          <CreateUserForm />
          <QueryState query={users}>{(data) => <UsersTable users={data} />}</QueryState>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="admin-tokens">
        <Title order={2} size="h4" mb="sm" id="admin-tokens">
          {t("admin.tokens")}
        </Title>
        <TokensPanel />
      </Paper>
    </Stack>
  );
}
