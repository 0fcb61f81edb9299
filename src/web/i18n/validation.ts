import type { TFunction } from "i18next";
import type { z } from "zod";

/** Field name → a sentence in the user's language, for the form's inputs. */
export type FormErrors = Record<string, string>;

/** One zod issue as a sentence in the user's language (zod's own messages are English). */
export function issueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? t("validation.required") : t("validation.minChars", { min: issue.minimum });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.minItems", { min: issue.minimum });
      return t("validation.minValue", { min: issue.minimum });
    case "too_big":
      if (issue.origin === "string") return t("validation.maxChars", { max: issue.maximum });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.maxItems", { max: issue.maximum });
      return t("validation.maxValue", { max: issue.maximum });
    case "invalid_type":
      return issue.input === undefined ? t("validation.required") : t("validation.invalid");
    case "invalid_format":
      return issue.format === "date" ? t("validation.date") : t("validation.format");
    case "invalid_value":
      return t("validation.choice");
    default:
      return t("validation.invalid");
  }
}

/**
 * Validates form values with the server's own zod schema; null when valid, otherwise the
 * first message per field (keyed by the issue's path joined with dots).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  t: TFunction,
): { data: z.infer<S>; errors: null } | { data: null; errors: FormErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    errors[key] ??= issueMessage(issue, t);
  }
  return { data: null, errors };
}
