import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { PRECEDENCES } from "../../core/coordination/schema";
import { rfiInput } from "../../core/coordination/threat-inputs";
import { useSectors } from "../border/use-sectors";
import { ProblemAlert } from "../components/ProblemAlert";
import { sectorLabel } from "./labels";
import { useMyNode } from "./use-coordination-can";
import { useFormCheck } from "./use-form-check";
import { useAskRfi } from "./use-intel";
import { useSharedSpaces } from "./use-space-names";
import { useThreatActors } from "./use-threats";

/** Asks the other side a request for information, with its precedence, due date and subjects. */
export function RfiForm({ onDone }: { onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useMyNode();
  const ask = useAskRfi();
  const sectors = useSectors();
  const actors = useThreatActors();
  const shared = useSharedSpaces();
  const others = [...new Set(shared.flatMap((s) => s.members.map((m) => m.node)))].filter((n) => n !== me);
  const [question, setQuestion] = useState("");
  const [context, setContext] = useState("");
  const [precedence, setPrecedence] = useState<string>("routine");
  const [dueDate, setDueDate] = useState("");
  const [addressedTo, setAddressedTo] = useState<string[]>(others);
  const [sectorIds, setSectorIds] = useState<string[]>([]);
  const [threatActorIds, setActorIds] = useState<string[]>([]);

  const { errors, check } = useFormCheck(rfiInput, {
    question: question.trim(),
    context,
    precedence,
    dueDate: dueDate || null,
    addressedTo,
    sectorIds,
    threatActorIds,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data) ask.mutate(data, { onSuccess: (r) => onDone(r.id) });
  };
  // Links of a request in the shared space must point at objects of that space.
  const sharedIds = new Set(shared.map((s) => s.id));

  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.rfis.ask")}>
      <Stack gap="sm">
        <Textarea
          label={t("coordination.rfis.question")}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          error={errors.question}
          required
          autosize
          minRows={2}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("coordination.rfis.precedence")}
            data={PRECEDENCES.map((p) => ({ value: p, label: t(`coordination.precedence.${p}`) }))}
            value={precedence}
            onChange={(v) => v && setPrecedence(v)}
            allowDeselect={false}
            w={180}
          />
          <TextInput
            type="date"
            label={t("coordination.rfis.dueDate")}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
            w={180}
          />
          <MultiSelect
            label={t("coordination.rfis.addressedTo")}
            data={others.map((n) => ({ value: n, label: n.toUpperCase() }))}
            value={addressedTo}
            onChange={setAddressedTo}
            w={220}
          />
        </Group>
        <Group gap="sm" grow align="flex-start">
          <MultiSelect
            label={t("coordination.links.sectorIds")}
            data={(sectors.data ?? []).filter((s) => sharedIds.has(s.space)).map((s) => ({ value: s.id, label: sectorLabel(s) }))}
            value={sectorIds}
            onChange={setSectorIds}
            searchable
          />
          <MultiSelect
            label={t("coordination.links.threatActorIds")}
            data={(actors.data ?? []).filter((a) => sharedIds.has(a.space)).map((a) => ({ value: a.id, label: a.name }))}
            value={threatActorIds}
            onChange={setActorIds}
            searchable
          />
        </Group>
        <Textarea
          label={t("coordination.rfis.context")}
          value={context}
          onChange={(e) => setContext(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.context}
        />
        <ProblemAlert error={ask.error} />
        <Button type="submit" loading={ask.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.rfis.ask")}
        </Button>
      </Stack>
    </form>
  );
}
