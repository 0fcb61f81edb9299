import { ActionIcon, Button, Input, Paper, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "../i18n/validation";
import { PositionFields } from "./PositionFields";
import type { LatLon } from "./position";

/** A route point being typed; `key` keeps each point's inputs with it when another is removed. */
export interface RoutePoint {
  readonly key: number;
  readonly position: LatLon | null;
}

/**
 * A patrol's route, point by point in the order walked, each in latitude/longitude or MGRS.
 * Errors are keyed as the API names them: `route.2` for the third point (a point across the
 * border), `route.2.0` / `route.2.1` for its longitude / latitude ([lon, lat] order).
 */
export function RouteFields({
  points,
  onChange,
  errors,
}: {
  points: readonly RoutePoint[];
  onChange: (points: RoutePoint[]) => void;
  errors: FormErrors;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  const hintId = useId();
  const move = (key: number, position: LatLon | null) => onChange(points.map((p) => (p.key === key ? { key, position } : p)));
  const add = () => onChange([...points, { key: Math.max(-1, ...points.map((p) => p.key)) + 1, position: null }]);
  return (
    <Stack gap={6} role="group" aria-labelledby={legendId} aria-describedby={hintId}>
      <Stack gap={0}>
        <Input.Label labelElement="div" id={legendId} required>
          {t("presence.route")}
        </Input.Label>
        <Text size="xs" c="dimmed" id={hintId}>
          {t("presence.routeHint")}
        </Text>
      </Stack>
      {points.map((p, i) => (
        <Paper key={p.key} withBorder p="xs" bg="gray.0" pos="relative">
          <PositionFields
            value={p.position}
            onChange={(position) => move(p.key, position)}
            legend={t("presence.pointN", { n: i + 1 })}
            inline
            errors={{ lat: errors[`route.${i}.1`], lon: errors[`route.${i}.0`], position: errors[`route.${i}`] }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="sm"
            pos="absolute"
            top={6}
            right={6}
            aria-label={t("presence.removePointN", { n: i + 1 })}
            disabled={points.length === 1}
            onClick={() => onChange(points.filter((q) => q.key !== p.key))}
          >
            ✕
          </ActionIcon>
        </Paper>
      ))}
      {errors.route && (
        <Text size="sm" c="red.8" role="alert">
          {errors.route}
        </Text>
      )}
      <Button variant="light" size="xs" style={{ alignSelf: "flex-start" }} onClick={add}>
        {t("presence.addPoint")}
      </Button>
    </Stack>
  );
}
