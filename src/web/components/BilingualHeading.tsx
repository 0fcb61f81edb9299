import { Text, Title, type TitleOrder } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * A heading in the reader's language with the other language under it, for documents that
 * both delegations read (the ministerial progress report).
 */
export function BilingualHeading({ k, order, id }: { k: string; order: TitleOrder; id?: string }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === "en" ? "es" : "en";
  const secondary = i18n.getFixedT(other)(k);
  return (
    <div>
      <Title order={order} size={order === 1 ? "h2" : "h4"} {...(id ? { id } : {})}>
        {t(k)}
        <Text span c="dimmed" fw={400} size={order === 1 ? "lg" : "sm"} lang={other} display="block">
          {secondary}
        </Text>
      </Title>
    </div>
  );
}
