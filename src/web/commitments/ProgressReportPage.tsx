import { Anchor, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation, useSearch } from "wouter";
import { QueryState } from "../components/QueryState";
import { useNodeInfo } from "../federation/use-federation";
import { ProgressReportView } from "./ProgressReportView";
import { progressPdfUrl, useProgressReport } from "./use-progress";
import { useStatements } from "./use-statements";

const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The progress report for the next ministerial meeting: choose the statement and a baseline,
 * read it on screen, print it (print stylesheet) or download the node's PDF.
 */
export function ProgressReportPage() {
  const { t, i18n } = useTranslation();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const statements = useStatements();
  const statementId = search.get("statementId") ?? statements.data?.[0]?.id;
  const baselineParam = search.get("baseline");
  const baseline = isDate(baselineParam) ? baselineParam : undefined;
  const report = useProgressReport(statementId, baseline);
  const node = useNodeInfo();

  const go = (next: { statementId?: string | undefined; baseline?: string | undefined }) => {
    const q = new URLSearchParams();
    const s = next.statementId ?? statementId;
    if (s) q.set("statementId", s);
    const b = "baseline" in next ? next.baseline : baseline;
    if (b) q.set("baseline", b);
    navigate(`/reports/progress?${q.toString()}`, { replace: true });
  };

  return (
    <Stack gap="lg">
      <Group className="no-print" align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t("progress.controls")}>
        <Select
          label={t("progress.statement")}
          value={statementId ?? null}
          onChange={(v) => v && go({ statementId: v })}
          data={(statements.data ?? []).map((s) => ({ value: s.id, label: `${s.date} · ${s.title}` }))}
          allowDeselect={false}
          miw={280}
          style={{ flex: 1 }}
        />
        <TextInput
          type="date"
          label={t("progress.baseline")}
          value={baseline ?? ""}
          onChange={(e) => go({ baseline: e.currentTarget.value || undefined })}
          w={180}
        />
        <Button variant="default" onClick={() => window.print()}>
          {t("progress.print")}
        </Button>
        {statementId && (
          <Button component="a" href={progressPdfUrl(statementId, baseline, i18n.language)} download>
            {t("progress.downloadPdf")}
          </Button>
        )}
      </Group>
      {statements.data?.length === 0 && <Text c="dimmed">{t("statements.none")}</Text>}
      {statementId && <QueryState query={report}>{(r) => <ProgressReportView report={r} node={node.data?.id ?? ""} />}</QueryState>}
      <Anchor className="print-only" component="span" size="xs" c="dimmed">
        {t("progress.footer")}
      </Anchor>
    </Stack>
  );
}
