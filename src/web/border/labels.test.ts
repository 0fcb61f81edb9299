import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CREDIBILITY,
  CROSSING_CATEGORIES,
  CROSSING_MODES,
  CROSSING_STATUSES,
  GOODS_CATEGORIES,
  GOODS_UNITS,
  IMPACT_LEVELS,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  RELIABILITY,
  SECTOR_LEVELS,
} from "../../core/border/schema";
import { RESOURCES } from "../i18n/resources";
import { SIDE_FILTERS, TIME_WINDOWS } from "./filters";
import { LAYER_GROUPS } from "./map-style";
import { PERIODS } from "./use-dashboard";

/** The value at a dotted path of a resource tree. */
function at(tree: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, k) => (node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined), tree);
}

describe("border console labels", () => {
  // Keys built from enum values (t(`incidents.type.${type}`)) escape the literal-key check in i18n.test.ts.
  const families: [string, readonly (string | number)[]][] = [
    ["incidents.type", INCIDENT_TYPES],
    ["incidents.impact", IMPACT_LEVELS],
    ["incidents.status", INCIDENT_STATUSES],
    ["incidents.goodsCategory", GOODS_CATEGORIES],
    ["incidents.unit", GOODS_UNITS],
    ["incidents.unitShort", GOODS_UNITS],
    ["incidents.reliabilityLevel", RELIABILITY],
    ["incidents.credibilityLevel", CREDIBILITY],
    ["crossings.category", CROSSING_CATEGORIES],
    ["crossings.mode", CROSSING_MODES],
    ["crossings.status", CROSSING_STATUSES],
    ["sectors.level", [...SECTOR_LEVELS, "none"]],
    ["sectors.state", ["pending", "accepted", "rejected"]],
    ["map.windows", TIME_WINDOWS],
    ["map.sides", SIDE_FILTERS],
    ["map.group", LAYER_GROUPS],
    ["dashboard.periods", PERIODS],
    ["dashboard.offsets", ["co", "ve", "utc"]],
    ["exports.kind", ["sectors", "crossings", "incidents"]],
    ["exports.kindHint", ["sectors", "crossings", "incidents"]],
    ["exports.format", ["geojson", "kml", "csv"]],
    ["exports.cotWindow", [24, 168]],
  ];

  for (const lang of ["es", "en"] as const) {
    it(`names every value of the enums the border pages show (${lang})`, () => {
      const missing = families.flatMap(([family, values]) =>
        values.filter((v) => typeof at(RESOURCES[lang], `${family}.${v}`) !== "string").map((v) => `${family}.${v}`),
      );
      assert.deepEqual(missing, []);
    });
  }
});
