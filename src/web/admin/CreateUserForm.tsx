import { Button, Group, PasswordInput, Select, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { createUserSchema, ROLES, type Role } from "../../core/admin/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { useCreateUser } from "./use-admin";

/** Creates a user with the server's own schema checking the form first. */
export function CreateUserForm() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<Role>("officer");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(createUserSchema, { username: username.trim(), role, password }, t);
    setErrors(v.errors ?? {});
    if (!v.data) return;
    create.mutate(v.data, {
      onSuccess: () => {
        setUsername("");
        setPassword("");
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("admin.createUser")}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t("admin.username")}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={errors.username}
          w={200}
          autoComplete="off"
        />
        <Select
          label={t("admin.role")}
          value={role}
          onChange={(v) => v && setRole(v as Role)}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          allowDeselect={false}
          w={180}
        />
        <PasswordInput
          label={t("admin.password")}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          w={220}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ "aria-label": t("login.showPassword") }}
        />
        <Button type="submit" mt={25} loading={create.isPending}>
          {t("admin.create")}
        </Button>
      </Group>
      {create.isSuccess && (
        <Group mt="xs" c="green.9" fz="sm" role="status">
          {t("admin.userCreated", { username: create.data.username })}
        </Group>
      )}
      <ProblemAlert error={create.error} />
    </form>
  );
}
