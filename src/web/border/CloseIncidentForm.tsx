import { Button, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { closeInput } from "../../core/border/inputs";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { useCloseIncident } from "./use-incidents";

/** Closes an incident with the reason (shown only to the owner; the server checks again). */
export function CloseIncidentForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const close = useCloseIncident(incidentId);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(closeInput, { reason }, t);
    setErrors(v.errors ?? {});
    if (v.data) close.mutate(v.data);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("incidents.closeTitle")}>
      <Stack gap="sm">
        <Textarea
          label={t("incidents.closeReason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={errors.reason}
        />
        <ProblemAlert error={close.error} />
        <Button type="submit" color="red" variant="outline" loading={close.isPending} style={{ alignSelf: "flex-start" }}>
          {t("incidents.close")}
        </Button>
      </Stack>
    </form>
  );
}
