import { Button, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UserView } from "../../core/admin/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { StatusBadge } from "../components/StatusBadge";
import { formatDate } from "../format";
import { useUpdateUser } from "./use-admin";

/** Users with their role and state, and a button to disable or re-enable each. */
export function UsersTable({ users }: { users: UserView[] }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateUser();
  return (
    <>
      <ProblemAlert error={update.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label={t("admin.users")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("admin.username")}</Table.Th>
              <Table.Th scope="col">{t("admin.role")}</Table.Th>
              <Table.Th scope="col">{t("admin.state")}</Table.Th>
              <Table.Th scope="col">{t("admin.created")}</Table.Th>
              <Table.Th scope="col">
                <span className="sr-only">{t("common.actions")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Th scope="row">{u.username}</Table.Th>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={u.disabled ? "gray" : "green"} label={t(u.disabled ? "admin.disabled" : "admin.active")} />
                </Table.Td>
                <Table.Td>{formatDate(u.createdAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="default"
                    loading={update.isPending && update.variables?.username === u.username}
                    aria-label={t(u.disabled ? "admin.enableUser" : "admin.disableUser", { username: u.username })}
                    onClick={() => update.mutate({ username: u.username, disabled: !u.disabled })}
                  >
                    {t(u.disabled ? "admin.enable" : "admin.disable")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
