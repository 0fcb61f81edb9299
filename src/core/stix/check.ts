import { typeOfStixId } from "./ids";
import type { StixObject } from "./objects";
import { STIX_MS_TIMESTAMP } from "./time";
import { TLP_CREATED, TLP_EXTENSION_ID, TLP_LEVELS, TLP_MARKING_IDS } from "./tlp";

/**
 * The rules of STIX 2.1 that its JSON schemas cannot express, checked over a whole bundle:
 * millisecond `created`/`modified` with `modified` ≥ `created`, `last_seen` ≥ `first_seen`,
 * an id whose prefix is the object's type, one object per id and version, TLP marking
 * definitions whose id, name and level agree with the official ones, and every `*_ref` /
 * `*_refs` naming an object in the bundle. Returns one sentence per violation.
 */
export function bundleViolations(objects: readonly StixObject[]): string[] {
  const out: string[] = [];
  const ids = new Set(objects.map((o) => o.id));
  const seen = new Set<string>();
  const officialTlp = new Map(TLP_LEVELS.map((l) => [TLP_MARKING_IDS[l], l]));
  objects.forEach((o, i) => {
    const at = `objects[${i}] ${o.id}`;
    if (typeOfStixId(o.id) !== o.type) out.push(`${at}: the id does not start with its type ${o.type}`);
    if (o.spec_version !== "2.1") out.push(`${at}: spec_version is not 2.1`);
    const version = `${o.id}@${String(o.modified ?? o.created)}`;
    if (seen.has(version)) out.push(`${at}: the same id and version appear twice`);
    seen.add(version);
    for (const key of ["created", "modified"] as const) {
      const v = o[key];
      if (v === undefined && key === "modified" && o.type === "marking-definition") continue;
      if (typeof v !== "string" || !STIX_MS_TIMESTAMP.test(v)) out.push(`${at}: ${key} is not a millisecond UTC timestamp`);
    }
    if (typeof o.modified === "string" && typeof o.created === "string" && o.modified < o.created) {
      out.push(`${at}: modified is before created`);
    }
    if (typeof o.first_seen === "string" && typeof o.last_seen === "string" && o.last_seen < o.first_seen) {
      out.push(`${at}: last_seen is before first_seen`);
    }
    for (const [key, value] of Object.entries(o)) {
      const refs = key.endsWith("_refs") && Array.isArray(value) ? value : key.endsWith("_ref") ? [value] : [];
      for (const ref of refs) {
        if (typeof ref !== "string" || !ids.has(ref)) out.push(`${at}: ${key} names ${String(ref)}, which is not in the bundle`);
      }
    }
    const level = officialTlp.get(o.id);
    if (level) {
      const ext = (o.extensions as Record<string, { tlp_2_0?: string; extension_type?: string }> | undefined)?.[TLP_EXTENSION_ID];
      if (o.name !== `TLP:${level.toUpperCase()}`) out.push(`${at}: the TLP 2.0 ${level} definition is named ${String(o.name)}`);
      if (ext?.tlp_2_0 !== level || ext.extension_type !== "property-extension") out.push(`${at}: its tlp_2_0 value is not ${level}`);
      if (o.created !== TLP_CREATED) out.push(`${at}: the TLP 2.0 definitions were created ${TLP_CREATED}`);
    } else if (o.type === "marking-definition" && typeof o.name === "string" && /^TLP:/i.test(o.name)) {
      out.push(`${at}: ${o.name} does not use the official TLP 2.0 id`);
    }
  });
  return out;
}
