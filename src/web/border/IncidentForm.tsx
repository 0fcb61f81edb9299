import { Button, Group, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { incidentInput } from "../../core/border/inputs";
import { type Confidence, IMPACT_LEVELS, type Impact, INCIDENT_TYPES, type IncidentType } from "../../core/border/schema";
import type { CrossingView, IncidentDetailView } from "../../core/border/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { ConfidenceFields } from "./ConfidenceFields";
import { fromLocalInput, toLocalInput } from "./datetime";
import { type GoodsDraft, GoodsLinesEditor } from "./GoodsLinesEditor";
import { PositionFields } from "./PositionFields";
import type { LatLon } from "./position";
import { serverFieldErrors } from "./server-errors";
import { useNearestCrossing } from "./use-crossings";
import { useReportIncident } from "./use-incidents";

/** The position errors, wherever the client's schema or the server put them. */
function positionErrors(errors: FormErrors) {
  return {
    lat: errors["position.lat"],
    lon: errors["position.lon"],
    mgrs: errors["position.mgrs"],
    position: errors.position,
  };
}

/**
 * Reports an incident at a position picked on the map (both notations editable), with the
 * nearest crossing suggested, goods, impact, confidence, summary and originator. Checked by
 * the server's own schema first; what the server refuses (a position across the border) is
 * shown on the field it names.
 */
export function IncidentForm({
  position: initial,
  crossings,
  onCreated,
  onCancel,
}: {
  position: LatLon;
  crossings: readonly CrossingView[];
  onCreated: (incident: IncidentDetailView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const report = useReportIncident();
  const [position, setPosition] = useState<LatLon | null>(initial);
  const [crossingId, setCrossingId] = useState<string | null>(null);
  const [crossingTouched, setCrossingTouched] = useState(false);
  const [type, setType] = useState<IncidentType>("smuggling_fuel");
  const [occurredAt, setOccurredAt] = useState(() => toLocalInput(new Date()));
  const [goods, setGoods] = useState<GoodsDraft[]>([]);
  const [impact, setImpact] = useState<Impact>("medium");
  const [confidence, setConfidence] = useState<Confidence>({ reliability: "B", credibility: 2 });
  const [summary, setSummary] = useState("");
  const [originator, setOriginator] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const nearest = useNearestCrossing(position);
  const suggestion = nearest.data?.crossing ?? null;

  useEffect(() => {
    if (!crossingTouched) setCrossingId(suggestion?.id ?? null);
  }, [suggestion, crossingTouched]);

  // Another click on the map while the form is open moves the report there.
  const { reset } = report;
  useEffect(() => {
    reset();
    setPosition(initial);
    setCrossingTouched(false);
    setErrors((e) => {
      const { position: _p, "position.lat": _a, "position.lon": _b, "position.mgrs": _m, ...rest } = e;
      return rest;
    });
  }, [initial, reset]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      type,
      occurredAt: fromLocalInput(occurredAt),
      position: position ?? { lat: Number.NaN, lon: Number.NaN },
      crossingId,
      impact,
      confidence,
      goods: goods.map((g) => ({ ...g, quantity: g.quantity === "" ? Number.NaN : g.quantity })),
      summary,
      originator: originator.trim(),
    };
    const v = validate(incidentInput, body, t);
    const errs: FormErrors = { ...(v.errors ?? {}) };
    if (!position) errs.position = t("map.positionRequired");
    setErrors(errs);
    if (v.data && position) {
      report.mutate(v.data, { onSuccess: onCreated, onError: (err) => setErrors(serverFieldErrors(err, t)) });
    }
  };

  const distance = nearest.data?.distanceM;
  const crossingOptions = crossings.map((c) => ({
    value: c.id,
    label:
      c.id === suggestion?.id && distance !== null && distance !== undefined
        ? t("map.nearestOption", { name: c.name, km: (distance / 1000).toFixed(1) })
        : c.name,
  }));

  return (
    <form onSubmit={submit} noValidate aria-label={t("map.reportTitle")}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("map.reportTitle")}
        </Title>
        <PositionFields key={`${initial.lat},${initial.lon}`} value={initial} onChange={setPosition} errors={positionErrors(errors)} />
        <Select
          label={t("incidents.crossing")}
          description={suggestion ? t("map.nearestSuggested", { name: suggestion.name }) : t("map.noNearest")}
          placeholder={t("incidents.noCrossing")}
          data={crossingOptions}
          value={crossingId}
          onChange={(v) => {
            setCrossingTouched(true);
            setCrossingId(v);
          }}
          searchable
          clearable
          error={errors.crossingId}
        />
        <Select
          label={t("incidents.typeLabel")}
          data={INCIDENT_TYPES.map((v) => ({ value: v, label: t(`incidents.type.${v}`) }))}
          value={type}
          onChange={(v) => v && setType(v as IncidentType)}
          allowDeselect={false}
          error={errors.type}
          maxDropdownHeight={340}
        />
        <TextInput
          type="datetime-local"
          label={t("incidents.occurredAt")}
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.currentTarget.value)}
          error={errors.occurredAt}
          required
        />
        <GoodsLinesEditor lines={goods} onChange={setGoods} errors={errors} />
        <Select
          label={t("incidents.impactLabel")}
          data={IMPACT_LEVELS.map((v) => ({ value: v, label: t(`incidents.impact.${v}`) }))}
          value={impact}
          onChange={(v) => v && setImpact(v as Impact)}
          allowDeselect={false}
          error={errors.impact}
        />
        <ConfidenceFields
          value={confidence}
          onChange={setConfidence}
          errors={{ reliability: errors["confidence.reliability"], credibility: errors["confidence.credibility"] }}
        />
        <Textarea
          label={t("incidents.summary")}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          autosize
          minRows={3}
          error={errors.summary}
        />
        <TextInput
          label={t("incidents.originator")}
          description={t("incidents.originatorHint")}
          value={originator}
          onChange={(e) => setOriginator(e.currentTarget.value)}
          error={errors.originator}
          required
        />
        <ProblemAlert error={report.error} />
        <Group gap="xs">
          <Button type="submit" loading={report.isPending}>
            {t("map.submitReport")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
