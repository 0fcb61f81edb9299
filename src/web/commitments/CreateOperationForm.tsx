import { Button, MultiSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { operationInput } from "../../core/commitments/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { useCreateOperation } from "./use-operations";
import { useAgreements } from "./use-statements";

/** Creates an operation serving some agreements (checked by the server's schema first). */
export function CreateOperationForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const agreements = useAgreements();
  const create = useCreateOperation();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [agreementIds, setAgreementIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(operationInput, { name: name.trim(), description, agreementIds }, t);
    setErrors(v.errors ?? {});
    if (v.data) create.mutate(v.data, { onSuccess: (op) => onCreated(op.id) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("operations.create")}>
      <Stack gap="sm">
        <TextInput
          label={t("operations.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
        />
        <Textarea
          label={t("operations.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.description}
        />
        <MultiSelect
          label={t("operations.agreements")}
          value={agreementIds}
          onChange={setAgreementIds}
          data={(agreements.data ?? []).map((a) => ({ value: a.id, label: `${a.number}. ${a.text.slice(0, 90)}` }))}
          searchable
          error={errors.agreementIds}
        />
        <ProblemAlert error={create.error} />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: "flex-start" }}>
          {t("operations.create")}
        </Button>
      </Stack>
    </form>
  );
}
