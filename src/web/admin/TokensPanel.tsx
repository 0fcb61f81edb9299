import { Alert, Button, Code, Group, Stack, Table, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../components/ProblemAlert";
import { StatusBadge } from "../components/StatusBadge";
import { formatDate } from "../format";
import { useCreateToken, useRevokeToken, useTokens } from "./use-admin";

/** API tokens for scripts: list, create (the secret is shown once), revoke. */
export function TokensPanel() {
  const { t, i18n } = useTranslation();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [label, setLabel] = useState("");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ label: label.trim() || "api" }, { onSuccess: () => setLabel("") });
  };

  return (
    <Stack>
      <form onSubmit={submit} aria-label={t("admin.createToken")}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("admin.tokenLabel")}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            w={240}
            maxLength={100}
          />
          <Button type="submit" loading={create.isPending}>
            {t("admin.createToken")}
          </Button>
        </Group>
      </form>
      {create.data && (
        <Alert color="green" title={t("admin.tokenCreated")} role="status">
          <Code block>{create.data.token}</Code>
        </Alert>
      )}
      <ProblemAlert error={create.error ?? revoke.error ?? tokens.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label={t("admin.tokens")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("admin.tokenLabel")}</Table.Th>
              <Table.Th scope="col">{t("admin.username")}</Table.Th>
              <Table.Th scope="col">{t("admin.created")}</Table.Th>
              <Table.Th scope="col">{t("admin.state")}</Table.Th>
              <Table.Th scope="col">
                <span className="sr-only">{t("common.actions")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(tokens.data ?? []).map((tok) => (
              <Table.Tr key={tok.id}>
                <Table.Th scope="row">{tok.label}</Table.Th>
                <Table.Td>{tok.username}</Table.Td>
                <Table.Td>{formatDate(tok.createdAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={tok.revokedAt ? "gray" : "green"} label={t(tok.revokedAt ? "admin.revoked" : "admin.active")} />
                </Table.Td>
                <Table.Td>
                  {!tok.revokedAt && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      color="red"
                      aria-label={t("admin.revokeToken", { label: tok.label })}
                      onClick={() => revoke.mutate(tok.id)}
                    >
                      {t("admin.revoke")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
