import { z } from "zod";
import { CRIME_ACTIVITIES } from "../coordination/schema";
import { DomainError } from "../errors";
import { type Admiralty, admiraltyOf } from "./confidence";
import { STIX_ID_PATTERN, typeOfStixId } from "./ids";
import { strictestTlp, type TlpLevel, tlpOfMarkingId } from "./tlp";

/**
 * Reading a STIX 2.1 bundle from another tool (MISP, OpenCTI, Enlace itself) into what the
 * national space can hold: threat actors become groups, reports become national intelligence
 * reports, locations are offered to the sector matcher, `located-at` relationships give a
 * group its areas of operation and TLP markings give each object its level. Everything else
 * is counted by type and left out. A malformed object refuses the whole bundle, naming the
 * object's index and the property at fault (`objects.3.published`).
 */
export const MAX_IMPORT_OBJECTS = 20_000;

const stixIdOf = (type?: string) =>
  z
    .string()
    .regex(STIX_ID_PATTERN, "a STIX identifier (type--UUID)")
    .refine((id) => !type || typeOfStixId(id) === type, `an identifier of a ${type ?? ""} object`);
const timestamp = z.iso.datetime({ message: "an RFC 3339 timestamp in UTC (…Z)" });
const shortText = z.string().trim().min(1).max(500);
const strings = z.array(z.string().max(500)).max(200);

const common = {
  spec_version: z.literal("2.1", "only STIX 2.1 objects are imported"),
  created: timestamp,
  modified: timestamp,
  created_by_ref: stixIdOf("identity").optional(),
  revoked: z.boolean().optional(),
  confidence: z.number().int().min(0).max(100).optional(),
  object_marking_refs: z.array(stixIdOf("marking-definition")).optional(),
  x_enlace_admiralty: z.unknown().optional(),
};

const threatActor = z.looseObject({
  ...common,
  type: z.literal("threat-actor"),
  id: stixIdOf("threat-actor"),
  name: shortText,
  description: z.string().max(100_000).optional(),
  aliases: strings.optional(),
  goals: strings.optional(),
  first_seen: timestamp.optional(),
  last_seen: timestamp.optional(),
});

const report = z.looseObject({
  ...common,
  type: z.literal("report"),
  id: stixIdOf("report"),
  name: z.string().trim().min(1).max(10_000),
  description: z.string().max(200_000).optional(),
  published: timestamp,
  object_refs: z.array(stixIdOf()).min(1).max(MAX_IMPORT_OBJECTS),
  x_enlace_originator: z.unknown().optional(),
});

const location = z
  .looseObject({
    ...common,
    type: z.literal("location"),
    id: stixIdOf("location"),
    name: z.string().max(500).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    country: z.string().max(100).optional(),
    region: z.string().max(100).optional(),
    x_enlace_code: z.string().max(100).optional(),
    x_enlace_kind: z.string().max(20).optional(),
  })
  .refine((l) => (l.latitude === undefined) === (l.longitude === undefined), {
    message: "latitude and longitude come together",
    path: ["latitude"],
  })
  .refine((l) => l.latitude !== undefined || l.country !== undefined || l.region !== undefined, {
    message: "a location needs latitude/longitude, a country or a region",
    path: ["latitude"],
  });

const relationship = z.looseObject({
  ...common,
  type: z.literal("relationship"),
  id: stixIdOf("relationship"),
  relationship_type: z.string().min(1).max(100),
  source_ref: stixIdOf(),
  target_ref: stixIdOf(),
});

const envelope = z.strictObject({
  type: z.literal("bundle"),
  id: stixIdOf("bundle"),
  spec_version: z.string().optional(),
  objects: z.array(z.unknown()).max(MAX_IMPORT_OBJECTS, `at most ${MAX_IMPORT_OBJECTS} objects`).default([]),
});

const anyObject = z.looseObject({ type: z.string().regex(/^[a-z][a-z0-9-]{1,248}[a-z0-9]$/, "a STIX type"), id: stixIdOf() });

const MAPPED = { "threat-actor": threatActor, report, location, relationship } as const;

export type CrimeActivity = (typeof CRIME_ACTIVITIES)[number];

export interface ImportedGroup {
  readonly index: number;
  readonly stixId: string;
  readonly name: string;
  readonly aliases: string[];
  readonly description: string;
  /** The `goals` that name an activity of Enlace's vocabulary; other goals are left out. */
  readonly activities: CrimeActivity[];
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly tlp: TlpLevel;
  readonly confidence: Admiralty;
  readonly modified: string;
  /** Locations (STIX ids) the group is `located-at`. */
  readonly locationRefs: string[];
}

export interface ImportedReport {
  readonly index: number;
  readonly stixId: string;
  readonly summary: string;
  readonly body: string;
  readonly originator: string;
  readonly published: string;
  readonly tlp: TlpLevel;
  readonly confidence: Admiralty;
  readonly modified: string;
  readonly groupRefs: string[];
  readonly locationRefs: string[];
}

export interface ImportedLocation {
  readonly index: number;
  readonly stixId: string;
  readonly name: string;
  readonly code: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** What Enlace exported it as (`sector`, `crossing`, `incident`), when it did. */
  readonly kind: string | null;
}

export interface ImportPlan {
  readonly groups: ImportedGroup[];
  readonly reports: ImportedReport[];
  readonly locations: ImportedLocation[];
  /** Objects left out, by STIX type (revoked ones under `revoked`). */
  readonly skipped: Record<string, number>;
}

/** The unmarked default: AMBER, so nothing imported is more shareable than its source meant. */
export const IMPORT_DEFAULT_TLP: TlpLevel = "amber";

function fail(error: z.ZodError, prefix: string): never {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join(".");
  throw new DomainError("stix.invalid", `${path || "body"}: ${issue?.message ?? "invalid"}`, path || "body");
}

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) fail(r.error, prefix);
  return r.data;
}

const tlpOf = (refs: readonly string[] | undefined) =>
  strictestTlp((refs ?? []).map(tlpOfMarkingId).filter((l): l is TlpLevel => l !== undefined)) ?? IMPORT_DEFAULT_TLP;

const isActivity = (g: string): g is CrimeActivity => (CRIME_ACTIVITIES as readonly string[]).includes(g);
/** A STIX timestamp as the date the register keeps. */
const dateOf = (t: string | undefined) => (t ? t.slice(0, 10) : null);
/** Enlace keeps a report's summary to 500 characters; a longer STIX name goes whole into the body. */
const MAX_SUMMARY = 500;

/** Validates a bundle and extracts what Enlace imports; throws `stix.invalid` naming the field. */
export function planImport(input: unknown): ImportPlan {
  const bundle = parse(envelope, input, "");
  const skipped: Record<string, number> = {};
  const skip = (type: string) => {
    skipped[type] = (skipped[type] ?? 0) + 1;
  };
  const groups: ImportedGroup[] = [];
  const reports: ImportedReport[] = [];
  const locations: ImportedLocation[] = [];
  const locatedAt: { source: string; target: string }[] = [];
  const identities = new Map<string, string>();
  type Mapped = z.infer<typeof threatActor | typeof report | typeof location | typeof relationship>;
  // Several versions of one object may travel together; the latest `modified` wins.
  const latest = new Map<string, { o: Mapped; index: number }>();
  bundle.objects.forEach((raw, index) => {
    const at = `objects.${index}`;
    const head = parse(anyObject, raw, at);
    if (typeOfStixId(head.id) !== head.type) {
      throw new DomainError("stix.invalid", `${at}.id: does not start with ${head.type}--`, `${at}.id`);
    }
    const schema = MAPPED[head.type as keyof typeof MAPPED];
    if (!schema) {
      // An organisation may name a report's originator; a person never does (Enlace keeps no register of people).
      if (head.type === "identity" && typeof head.name === "string" && head.identity_class !== "individual") {
        identities.set(head.id, head.name);
      }
      skip(head.type);
      return;
    }
    const o = parse(schema as z.ZodType, raw, at) as Mapped;
    if (o.modified < o.created) throw new DomainError("stix.invalid", `${at}.modified: before created`, `${at}.modified`);
    if (o.type === "threat-actor" && o.first_seen && o.last_seen && o.last_seen < o.first_seen) {
      throw new DomainError("stix.invalid", `${at}.last_seen: before first_seen`, `${at}.last_seen`);
    }
    const held = latest.get(o.id);
    if (held) skip("superseded");
    if (!held || held.o.modified < o.modified) latest.set(o.id, { o, index });
  });
  for (const { o, index } of [...latest.values()].sort((a, b) => a.index - b.index)) {
    if (o.revoked) {
      skip("revoked");
      continue;
    }
    const confidence = admiraltyOf(o.confidence, o.x_enlace_admiralty);
    if (o.type === "threat-actor") {
      groups.push({
        index,
        stixId: o.id,
        name: o.name,
        aliases: o.aliases ?? [],
        description: o.description ?? "",
        activities: [...new Set((o.goals ?? []).filter(isActivity))],
        firstSeen: dateOf(o.first_seen),
        lastSeen: dateOf(o.last_seen),
        tlp: tlpOf(o.object_marking_refs),
        confidence,
        modified: o.modified,
        locationRefs: [],
      });
    } else if (o.type === "report") {
      const long = o.name.length > MAX_SUMMARY;
      const body = (o.description ?? "").trim();
      const named = typeof o.x_enlace_originator === "string" ? o.x_enlace_originator.trim() : "";
      reports.push({
        index,
        stixId: o.id,
        summary: long ? `${o.name.slice(0, MAX_SUMMARY - 1)}…` : o.name,
        body: long ? [o.name, body].filter(Boolean).join("\n\n") : body,
        originator: (named || (o.created_by_ref && identities.get(o.created_by_ref)) || "STIX").slice(0, 200),
        published: o.published,
        tlp: tlpOf(o.object_marking_refs),
        confidence,
        modified: o.modified,
        groupRefs: o.object_refs.filter((r) => typeOfStixId(r) === "threat-actor"),
        locationRefs: o.object_refs.filter((r) => typeOfStixId(r) === "location"),
      });
    } else if (o.type === "location") {
      const code = typeof o.x_enlace_code === "string" ? o.x_enlace_code : null;
      const kind = typeof o.x_enlace_kind === "string" ? o.x_enlace_kind : null;
      locations.push({ index, stixId: o.id, name: o.name ?? "", code, lat: o.latitude ?? null, lon: o.longitude ?? null, kind });
    } else if (
      o.relationship_type === "located-at" &&
      typeOfStixId(o.source_ref) === "threat-actor" &&
      typeOfStixId(o.target_ref) === "location"
    ) {
      locatedAt.push({ source: o.source_ref, target: o.target_ref });
    } else skip("relationship");
  }
  const byId = new Map(groups.map((g) => [g.stixId, g]));
  for (const r of locatedAt) byId.get(r.source)?.locationRefs.push(r.target);
  return { groups, reports, locations, skipped };
}
