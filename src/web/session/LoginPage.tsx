import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { loginSchema } from "../../core/admin/schema";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { useLogin } from "./use-session";

/** The login form (POST /api/v1/session); shown for any path while nobody is logged in. */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(loginSchema, { username: username.trim(), password }, t);
    setErrors(v.errors ?? {});
    if (v.data) login.mutate(v.data);
  };

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate aria-labelledby="login-title">
          <Stack>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Title order={1} id="login-title" size="h2">
                  Enlace
                </Title>
                <Text c="dimmed" size="sm">
                  {t("login.subtitle")}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <TextInput
              label={t("login.username")}
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={errors.username}
              required
            />
            <PasswordInput
              label={t("login.password")}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              visibilityToggleButtonProps={{ "aria-label": t("login.showPassword") }}
              required
            />
            <ProblemAlert error={login.error} />
            <Button type="submit" loading={login.isPending}>
              {t("login.submit")}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
