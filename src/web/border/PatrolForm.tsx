import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { patrolInput } from "../../core/border/inputs";
import type { CrossingView, PatrolView, SectorView } from "../../core/border/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { crossingOptions } from "./crossing-options";
import { fromLocalInput, toLocalInput } from "./datetime";
import { RouteFields, type RoutePoint } from "./RouteFields";
import { listError, placedOnFields, serverFieldErrors, withoutField } from "./server-errors";
import { TimeRangeFields } from "./TimeRangeFields";
import { useReportPatrol } from "./use-presence";

/** The fields this form shows, so a refusal naming one of them is said there. */
const FIELDS = ["unit", "sectorId", "route", "startedAt", "endedAt", "crossingIds", "findings"];

/**
 * Files a patrol report of this side: unit, sector, the route walked, when, the crossings
 * visited and what was found. The server refuses a route point across the border and names
 * it; that point says so.
 */
export function PatrolForm({
  crossings,
  sectors,
  onSaved,
}: {
  /** This side's crossings: a patrol walks only its own territory. */
  crossings: readonly CrossingView[];
  sectors: readonly SectorView[];
  onSaved: (p: PatrolView) => void;
}) {
  const { t } = useTranslation();
  const report = useReportPatrol();
  const [unit, setUnit] = useState("");
  const [sectorId, setSectorId] = useState<string | null>(null);
  const [points, setPoints] = useState<RoutePoint[]>([{ key: 0, position: null }]);
  const [startedAt, setStartedAt] = useState("");
  const [endedAt, setEndedAt] = useState(() => toLocalInput(new Date()));
  const [crossingIds, setCrossingIds] = useState<string[]>([]);
  const [findings, setFindings] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  /**
   * What was said about fields is dropped once they are edited: a message stays only while
   * it may still be true (a route's messages name points by index, which an edit may shift).
   */
  const edited = (...fields: string[]) => setErrors((e) => fields.reduce(withoutField, e));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const start = fromLocalInput(startedAt);
    const end = fromLocalInput(endedAt);
    const body = {
      unit,
      sectorId,
      route: points.map(({ position: p }) => (p ? [p.lon, p.lat] : [Number.NaN, Number.NaN])),
      startedAt: start || undefined,
      endedAt: end || undefined,
      crossingIds,
      findings,
    };
    const v = validate(patrolInput, body, t);
    const errs: FormErrors = { ...(v.errors ?? {}) };
    points.forEach((p, i) => {
      if (p.position) return;
      errs[`route.${i}`] = t("map.positionRequired");
      delete errs[`route.${i}.0`];
      delete errs[`route.${i}.1`];
    });
    // With both instants well formed, the only complaint about the end is its order.
    if (errs.endedAt && start && end) errs.endedAt = t("presence.endsBeforeStart");
    setErrors(errs);
    if (v.data) report.mutate(v.data, { onSuccess: onSaved, onError: (err) => setErrors(serverFieldErrors(err, t)) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("presence.reportPatrol")}>
      <Stack gap="sm">
        <Group grow gap="sm" align="flex-start">
          <TextInput
            label={t("presence.unit")}
            description={t("presence.unitHint")}
            value={unit}
            onChange={(e) => {
              setUnit(e.currentTarget.value);
              edited("unit");
            }}
            error={errors.unit}
            required
          />
          <Select
            label={t("presence.sector")}
            description={t("presence.sectorHint")}
            placeholder={t("crossings.noSector")}
            data={sectors.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
            value={sectorId}
            onChange={(v) => {
              setSectorId(v);
              edited("sectorId");
            }}
            searchable
            clearable
            error={errors.sectorId}
          />
        </Group>
        <RouteFields
          points={points}
          onChange={(next) => {
            setPoints(next);
            edited("route");
          }}
          errors={errors}
        />
        <TimeRangeFields
          start={{
            label: t("presence.startedAt"),
            description: t("presence.localTime"),
            value: startedAt,
            onChange: (v) => {
              setStartedAt(v);
              edited("startedAt", "endedAt");
            },
            error: errors.startedAt,
            required: true,
          }}
          end={{
            label: t("presence.endedAt"),
            description: t("presence.localTime"),
            value: endedAt,
            onChange: (v) => {
              setEndedAt(v);
              edited("startedAt", "endedAt");
            },
            error: errors.endedAt,
            required: true,
          }}
        />
        <MultiSelect
          label={t("presence.visited")}
          description={t("presence.visitedHint")}
          placeholder={t("presence.pickCrossings")}
          data={crossingOptions(crossings, t)}
          value={crossingIds}
          onChange={(v) => {
            setCrossingIds(v);
            edited("crossingIds");
          }}
          searchable
          clearable
          error={listError(errors, "crossingIds")}
        />
        <Textarea
          label={t("presence.findings")}
          description={t("presence.findingsHint")}
          value={findings}
          onChange={(e) => {
            setFindings(e.currentTarget.value);
            edited("findings");
          }}
          autosize
          minRows={3}
          error={errors.findings}
        />
        <ProblemAlert error={placedOnFields(report.error, FIELDS) ? null : report.error} />
        <Button type="submit" loading={report.isPending} style={{ alignSelf: "flex-start" }}>
          {t("presence.reportPatrolButton")}
        </Button>
      </Stack>
    </form>
  );
}
