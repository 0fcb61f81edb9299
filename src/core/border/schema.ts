import { z } from "zod";
import { nodeIdSchema, spaceIdSchema } from "../log/envelope";

/**
 * The border picture (agreement 2): sectors of the border, its formal and informal crossings,
 * each side's presence at them, and the incidents and seizures each side reports on its own
 * territory. Vocabulary follows EUROSUR (impact levels, originator and owner, follow-ups) and
 * the NATO "Admiralty" grading for confidence.
 */

/** Impact level of a border sector, agreed by both sides (EUROSUR 2021/581 arts. 34–35). */
export const SECTOR_LEVELS = ["low", "medium", "high", "critical"] as const;
export const sectorLevelSchema = z.enum(SECTOR_LEVELS);
export type SectorLevel = z.infer<typeof sectorLevelSchema>;

/** Impact level of an incident (EUROSUR 2021/581 art. 16). */
export const IMPACT_LEVELS = ["low", "medium", "high", "very_high"] as const;
export const impactSchema = z.enum(IMPACT_LEVELS);
export type Impact = z.infer<typeof impactSchema>;

export const CROSSING_CATEGORIES = ["formal", "informal"] as const;
export const crossingCategorySchema = z.enum(CROSSING_CATEGORIES);
export const CROSSING_MODES = ["foot", "vehicle", "river"] as const;
export const crossingModeSchema = z.enum(CROSSING_MODES);
export const CROSSING_STATUSES = ["active", "closed", "monitored"] as const;
export const crossingStatusSchema = z.enum(CROSSING_STATUSES);
/** Risk of a crossing, on the sector scale. */
export const crossingRiskSchema = sectorLevelSchema;

export const GOODS_CATEGORIES = ["fuel", "food", "livestock", "minerals", "drugs", "weapons", "other"] as const;
export const goodsCategorySchema = z.enum(GOODS_CATEGORIES);
export type GoodsCategory = z.infer<typeof goodsCategorySchema>;

/** Units a seizure is counted in: litres, gallons, kilograms, tonnes, head of livestock, items, cubic metres. */
export const GOODS_UNITS = ["l", "gal", "kg", "t", "head", "units", "m3"] as const;
export const goodsUnitSchema = z.enum(GOODS_UNITS);

export const INCIDENT_TYPES = [
  "smuggling_fuel",
  "smuggling_food",
  "smuggling_livestock",
  "smuggling_minerals",
  "smuggling_drugs",
  "smuggling_weapons",
  "smuggling_other",
  "irregular_crossing",
  "armed_group_activity",
  "other",
] as const;
export const incidentTypeSchema = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof incidentTypeSchema>;

export const INCIDENT_STATUSES = ["open", "closed"] as const;

/** Source reliability A (completely reliable) … F (cannot be judged). */
export const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
/** Information credibility 1 (confirmed) … 6 (cannot be judged). */
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export const confidenceSchema = z.strictObject({
  reliability: z.enum(RELIABILITY),
  credibility: z.number().int().min(1).max(6),
});
export type Confidence = z.infer<typeof confidenceSchema>;

/** A WGS 84 position; latitude first as people say it, longitude as GeoJSON stores it. */
export const positionSchema = z.strictObject({
  lat: z.number().finite().min(-90, "latitude is between -90 and 90").max(90, "latitude is between -90 and 90"),
  lon: z.number().finite().min(-180, "longitude is between -180 and 180").max(180, "longitude is between -180 and 180"),
});
export type Position = z.infer<typeof positionSchema>;

/** A path as [lon, lat] pairs (GeoJSON order), at least two points. */
export const lonLatSchema = z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]);
export const pathSchema = z.array(lonLatSchema).min(2).max(5000);

export const goodsSchema = z.strictObject({
  category: goodsCategorySchema,
  quantity: z.number().finite().positive(),
  unit: goodsUnitSchema,
  description: z.string().max(500),
});
export type Goods = z.infer<typeof goodsSchema>;

/** A unit named on one side: the node that commands it and its designation. */
export const sideUnitSchema = z.strictObject({ node: nodeIdSchema, name: z.string().trim().min(1).max(200) });

/** Where a released copy came from: the national object it was derived from. */
export const derivedFromSchema = z.strictObject({ space: spaceIdSchema, id: z.uuid() });

/** A timestamp as ISO 8601 with an offset (UTC "Z" or ±hh:mm). */
export const instantSchema = z.iso.datetime({ offset: true });

/** Reports filed more than this long after the fact are flagged late (EUROSUR practice). */
export const FIRST_REPORT_DUE_MS = 24 * 60 * 60 * 1000;
