import { Button, Group, Input, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { deploymentInput } from "../../core/border/inputs";
import type { CrossingView, DeploymentView, SectorView } from "../../core/border/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { crossingOptions } from "./crossing-options";
import { fromLocalInput, toLocalInput } from "./datetime";
import { PositionFields } from "./PositionFields";
import { PositionText } from "./PositionText";
import type { LatLon } from "./position";
import { placedOnFields, serverFieldErrors, withoutField } from "./server-errors";
import { TimeRangeFields } from "./TimeRangeFields";
import { useRecordDeployment } from "./use-presence";

/** Where a deployment stands: at a crossing (its position), or at a position in a sector. */
type Where = "crossing" | "sector";

/** The fields this form shows, so a refusal naming one of them is said there. */
const FIELDS = ["unit", "crossingId", "sectorId", "position", "from", "to", "strength"];

/**
 * Records a deployment of this side: the unit, at one of this side's crossings or at a
 * position in a sector, from–to and its strength. The server refuses a position (or a
 * crossing) across the border; its refusal is said on that field.
 */
export function DeploymentForm({
  crossings,
  sectors,
  onSaved,
}: {
  /** This side's crossings: a deployment stands only on its own territory. */
  crossings: readonly CrossingView[];
  sectors: readonly SectorView[];
  onSaved: (d: DeploymentView) => void;
}) {
  const { t } = useTranslation();
  const record = useRecordDeployment();
  const whereId = useId();
  const [unit, setUnit] = useState("");
  const [where, setWhere] = useState<Where>("crossing");
  const [crossingId, setCrossingId] = useState<string | null>(null);
  const [sectorId, setSectorId] = useState<string | null>(null);
  const [position, setPosition] = useState<LatLon | null>(null);
  const [from, setFrom] = useState(() => toLocalInput(new Date()));
  const [to, setTo] = useState("");
  const [strength, setStrength] = useState<number | "">("");
  const [errors, setErrors] = useState<FormErrors>({});
  const crossing = crossings.find((c) => c.id === crossingId);
  const sectorName = (id: string | null) => sectors.find((s) => s.id === id)?.name;
  /** What was said about fields is dropped once they are edited: a message stays only while it may still be true. */
  const edited = (...fields: string[]) => setErrors((e) => fields.reduce(withoutField, e));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const place =
      where === "crossing"
        ? { crossingId, sectorId: crossing?.sectorId ?? null }
        : { sectorId, position: position ?? { lat: Number.NaN, lon: Number.NaN } };
    const start = fromLocalInput(from);
    const end = fromLocalInput(to);
    const body = { unit, ...place, from: start || undefined, to: end || null, strength: strength === "" ? undefined : strength };
    const v = validate(deploymentInput, body, t);
    const errs: FormErrors = { ...(v.errors ?? {}) };
    if (where === "crossing") {
      delete errs.position;
      if (!crossingId) errs.crossingId = t("validation.required");
    } else {
      if (!sectorId) errs.sectorId = t("validation.required");
      if (!position) errs.position = t("map.positionRequired");
    }
    // With both instants well formed, the only complaint about `to` is its order.
    if (errs.to && start && end) errs.to = t("presence.endsBeforeStart");
    setErrors(errs);
    if (v.data && Object.keys(errs).length === 0) {
      record.mutate(v.data, { onSuccess: onSaved, onError: (err) => setErrors(serverFieldErrors(err, t)) });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("presence.recordDeployment")}>
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
          <NumberInput
            label={t("presence.strength")}
            description={t("presence.strengthHint")}
            value={strength}
            onChange={(v) => {
              setStrength(typeof v === "number" ? v : "");
              edited("strength");
            }}
            min={1}
            max={100_000}
            allowDecimal={false}
            error={errors.strength}
            required
          />
        </Group>
        <Stack gap={4}>
          <Input.Label labelElement="div" id={whereId}>
            {t("presence.where")}
          </Input.Label>
          <SegmentedControl
            aria-labelledby={whereId}
            value={where}
            onChange={(v) => {
              setWhere(v as Where);
              edited("crossingId", "sectorId", "position");
            }}
            data={[
              { value: "crossing", label: t("presence.atCrossing") },
              { value: "sector", label: t("presence.inSector") },
            ]}
            style={{ alignSelf: "flex-start" }}
          />
        </Stack>
        {where === "crossing" ? (
          <Stack gap={4}>
            <Select
              label={t("presence.crossing")}
              description={t("presence.ownCrossings")}
              placeholder={t("presence.pickCrossing")}
              data={crossingOptions(crossings, t)}
              value={crossingId}
              onChange={(v) => {
                setCrossingId(v);
                edited("crossingId");
              }}
              searchable
              clearable
              error={errors.crossingId}
              required
            />
            {crossing && (
              <Group gap="xl" align="flex-start">
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    {t("presence.standsAt")}
                  </Text>
                  <PositionText position={crossing.location} mgrs={crossing.location.mgrs} />
                </Stack>
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    {t("presence.crossingSector")}
                  </Text>
                  <Text size="sm">{sectorName(crossing.sectorId) ?? t("crossings.noSector")}</Text>
                </Stack>
              </Group>
            )}
          </Stack>
        ) : (
          <>
            <Select
              label={t("presence.sector")}
              placeholder={t("presence.pickSector")}
              data={sectors.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
              value={sectorId}
              onChange={(v) => {
                setSectorId(v);
                edited("sectorId");
              }}
              searchable
              clearable
              error={errors.sectorId}
              required
            />
            <PositionFields
              value={null}
              onChange={(p) => {
                setPosition(p);
                edited("position");
              }}
              legend={t("presence.deploymentPosition")}
              errors={{
                lat: errors["position.lat"],
                lon: errors["position.lon"],
                mgrs: errors["position.mgrs"],
                position: errors.position,
              }}
            />
          </>
        )}
        <TimeRangeFields
          start={{
            label: t("presence.from"),
            description: t("presence.localTime"),
            value: from,
            onChange: (v) => {
              setFrom(v);
              edited("from", "to");
            },
            error: errors.from,
            required: true,
          }}
          end={{
            label: t("presence.to"),
            description: t("presence.toHint"),
            value: to,
            onChange: (v) => {
              setTo(v);
              edited("from", "to");
            },
            error: errors.to,
          }}
        />
        <ProblemAlert error={placedOnFields(record.error, FIELDS) ? null : record.error} />
        <Button type="submit" loading={record.isPending} style={{ alignSelf: "flex-start" }}>
          {t("presence.recordDeploymentButton")}
        </Button>
      </Stack>
    </form>
  );
}
