import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { type FormErrors, validate } from "../i18n/validation";

/**
 * A form's values checked by the server's own zod schema. Nothing is flagged until the first
 * submit; from then on the messages follow the values, so a field that was fixed stops
 * saying it is wrong without another submit.
 */
export function useFormCheck<S extends z.ZodType>(schema: S, values: unknown) {
  const { t } = useTranslation();
  const [tried, setTried] = useState(false);
  const errors: FormErrors = tried ? (validate(schema, values, t).errors ?? {}) : {};
  return {
    errors,
    /** Marks the form as submitted; the valid data, or null when something is wrong. */
    check: (): z.infer<S> | null => {
      setTried(true);
      return validate(schema, values, t).data;
    },
    /** Forgets the submit (after a successful one, when the form is emptied for the next). */
    reset: () => setTried(false),
  };
}
