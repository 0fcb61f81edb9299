import { Button, Group, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../components/ProblemAlert";
import { useRetireUnit } from "./use-units";

/** Retires a unit of this side with a reason; its meetings and history stay. */
export function RetireUnitForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const retire = useRetireUnit(unitId);
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    retire.mutate(reason.trim());
  };
  return (
    <form onSubmit={submit} aria-label={t("coordination.units.retire")}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("coordination.units.retireReason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: 1 }}
          miw={240}
        />
        <Button type="submit" color="red" variant="light" loading={retire.isPending}>
          {t("coordination.units.retire")}
        </Button>
      </Group>
      <ProblemAlert error={retire.error} />
    </form>
  );
}
