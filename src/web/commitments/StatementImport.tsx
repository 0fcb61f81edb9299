import { Alert, Button, Group, List, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { statementInput } from "../../core/commitments/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDate, todayIso } from "../format";
import { type FormErrors, validate } from "../i18n/validation";
import { DraftAgreementsEditor, type DraftRow } from "./DraftAgreementsEditor";
import { useMeetings } from "./use-meetings";
import { useCreateStatement, useParseStatement } from "./use-statements";

/**
 * The paste box: paste a joint statement, let the node split it into draft agreements,
 * review and correct them, then save the statement. Nothing is saved before the review.
 */
export function StatementImport({ onSaved }: { onSaved: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const parse = useParseStatement();
  const create = useCreateStatement();
  const meetings = useMeetings();
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(todayIso());
  const [language, setLanguage] = useState<"es" | "en">(i18n.language === "en" ? "en" : "es");
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [rows, setRows] = useState<DraftRow[] | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});

  const analyse = () =>
    parse.mutate(text, {
      onSuccess: (draft) => {
        setRows(draft.agreements.map((a) => ({ key: crypto.randomUUID(), number: a.number, text: a.text })));
        if (draft.date) setDate(draft.date);
      },
    });

  const save = () => {
    const body = {
      date,
      title: title.trim(),
      text,
      language,
      agreements: (rows ?? []).map(({ number, text: tx }) => ({ number, text: tx.trim() })),
      ...(meetingId ? { meetingId } : {}),
    };
    const v = validate(statementInput, body, t);
    setErrors(v.errors ?? {});
    if (v.data) create.mutate(v.data, { onSuccess: (s) => onSaved(s.id) });
  };

  return (
    <Stack component="section" aria-labelledby="import-title">
      <Title order={2} size="h4" id="import-title">
        {t("statements.importTitle")}
      </Title>
      <Textarea
        label={t("statements.pasteLabel")}
        description={t("statements.pasteHelp")}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={6}
        maxRows={16}
      />
      <Group>
        <Button onClick={analyse} loading={parse.isPending} disabled={text.trim() === ""}>
          {t("statements.analyse")}
        </Button>
      </Group>
      <ProblemAlert error={parse.error} />
      {parse.data && parse.data.warnings.length > 0 && (
        <Alert color="yellow" title={t("statements.warnings")}>
          <List size="sm">
            {parse.data.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {rows && (
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t("statements.reviewTitle", { n: rows.length })}
          </Title>
          <Group align="flex-start" grow wrap="wrap">
            <TextInput
              label={t("statements.title")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              miw={240}
            />
            <TextInput
              type="date"
              label={t("statements.date")}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.date}
              maw={200}
            />
            <Select
              label={t("statements.language")}
              value={language}
              onChange={(v) => setLanguage(v === "en" ? "en" : "es")}
              data={[
                { value: "es", label: t("language.es") },
                { value: "en", label: t("language.en") },
              ]}
              allowDeselect={false}
              maw={160}
            />
            <Select
              label={t("statements.meeting")}
              placeholder={t("statements.noMeeting")}
              value={meetingId}
              onChange={setMeetingId}
              clearable
              data={(meetings.data ?? []).map((m) => ({ value: m.id, label: `${formatDate(m.date, i18n.language)} · ${m.place}` }))}
              miw={220}
            />
          </Group>
          <DraftAgreementsEditor rows={rows} onChange={setRows} errors={errors} />
          {errors.agreements && <Alert color="red">{errors.agreements}</Alert>}
          <ProblemAlert error={create.error} />
          <Group>
            <Button onClick={save} loading={create.isPending}>
              {t("statements.save")}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
