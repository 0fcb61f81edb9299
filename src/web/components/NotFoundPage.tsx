import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "./RouterLink";

/** A path the console does not know (or the caller may not see). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t("notFound.title")}</Title>
      <Text>{t("notFound.body")}</Text>
      <RouterLink href="/statements">{t("notFound.home")}</RouterLink>
    </Stack>
  );
}
