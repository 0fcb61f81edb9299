import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/**
 * Shows a failed call the way a person reads it: the problem's title in their language,
 * the fields it names, and the stable code in small print for support.
 */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error : null;
  const heading = title ?? problem?.title ?? t("errors.unexpected");
  return (
    <Alert color="red" variant="light" title={heading} role="alert">
      {problem && problem.title !== heading && <Text size="sm">{problem.title}</Text>}
      {problem && problem.errors.length > 0 && (
        <List size="sm" spacing={2}>
          {problem.errors.map((e) => (
            <List.Item key={`${e.field}:${e.message}`}>
              <Text span fw={600} size="sm">
                {t(`fields.${e.field}`, { defaultValue: e.field })}
              </Text>
              {`: ${e.message}`}
            </List.Item>
          ))}
        </List>
      )}
      {problem && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("errors.code", { code: problem.code })}
        </Text>
      )}
    </Alert>
  );
}
