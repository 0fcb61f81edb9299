import { Group, Stack, Text, TextInput } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fromMgrs, type LatLon, round, toMgrs } from "./position";

/**
 * A position entered either way: latitude and longitude, or an MGRS reference. Editing one
 * rewrites the other, so both always name the same place; an MGRS reference that does not
 * parse is kept as typed and flagged instead of moving the position. `legend` names the
 * group (one of several, such as a route's points); `inline` puts all three inputs on one
 * row without the MGRS hint, for lists that give the hint once.
 */
export function PositionFields({
  value,
  onChange,
  errors,
  legend,
  inline = false,
}: {
  value: LatLon | null;
  onChange: (p: LatLon | null) => void;
  errors: { lat?: string | undefined; lon?: string | undefined; mgrs?: string | undefined; position?: string | undefined };
  legend?: string;
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  const [lat, setLat] = useState(value ? String(value.lat) : "");
  const [lon, setLon] = useState(value ? String(value.lon) : "");
  const [mgrs, setMgrs] = useState(value ? toMgrs(value) : "");
  const [mgrsBad, setMgrsBad] = useState(false);

  const fromDecimal = (a: string, b: string) => {
    const p = { lat: Number(a.replace(",", ".")), lon: Number(b.replace(",", ".")) };
    const ok = a.trim() !== "" && b.trim() !== "" && Number.isFinite(p.lat) && Number.isFinite(p.lon);
    if (ok) setMgrs(toMgrs(p));
    setMgrsBad(false);
    onChange(ok ? p : null);
  };
  const fromReference = (ref: string) => {
    setMgrs(ref);
    const p = fromMgrs(ref);
    setMgrsBad(ref.trim() !== "" && !p);
    if (!p) return onChange(null);
    setLat(String(round(p.lat)));
    setLon(String(round(p.lon)));
    onChange(p);
  };

  const reference = (
    <TextInput
      label={t("map.mgrs")}
      description={inline ? undefined : t("map.mgrsHint")}
      value={mgrs}
      onChange={(e) => fromReference(e.currentTarget.value)}
      error={mgrsBad ? t("map.mgrsInvalid") : errors.mgrs}
      spellCheck={false}
      autoCapitalize="characters"
    />
  );
  return (
    <Stack gap={6} role="group" aria-labelledby={legendId}>
      <Text size="sm" fw={500} id={legendId}>
        {legend ?? t("incidents.position")}
      </Text>
      <Group grow gap="xs" align="flex-start">
        <TextInput
          label={t("map.lat")}
          inputMode="decimal"
          value={lat}
          onChange={(e) => {
            setLat(e.currentTarget.value);
            fromDecimal(e.currentTarget.value, lon);
          }}
          error={errors.lat}
          required
        />
        <TextInput
          label={t("map.lon")}
          inputMode="decimal"
          value={lon}
          onChange={(e) => {
            setLon(e.currentTarget.value);
            fromDecimal(lat, e.currentTarget.value);
          }}
          error={errors.lon}
          required
        />
        {inline && reference}
      </Group>
      {!inline && reference}
      {errors.position && (
        <Text size="sm" c="red.8" role="alert">
          {errors.position}
        </Text>
      )}
    </Stack>
  );
}
