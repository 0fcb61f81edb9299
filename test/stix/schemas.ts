import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * The OASIS STIX 2.1 JSON schemas (../shared/stix-schemas), loaded into Ajv with their own
 * `$id`s so the `$ref`s across files resolve, plus the TLP 2.0 marking-definition schema.
 * Quirks handled as the folder's README lists: the `$schema` URLs are dropped, patterns use
 * `\-` (no `u` flag), and each object is checked against its own type's schema because
 * `bundle.json` does not list every type.
 */
export const STIX_SCHEMAS_DIR =
  process.env.ENLACE_STIX_SCHEMAS ?? join(new URL("../../..", import.meta.url).pathname, "shared", "stix-schemas");

interface Loaded {
  readonly byType: Map<string, ValidateFunction>;
  readonly tlp: ValidateFunction;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: true, logger: false });
  addFormats(ajv);
  const byType = new Map<string, string>();
  const root = join(STIX_SCHEMAS_DIR, "schemas");
  for (const dir of readdirSync(root)) {
    for (const file of readdirSync(join(root, dir))) {
      if (!file.endsWith(".json")) continue;
      const schema = JSON.parse(readFileSync(join(root, dir, file), "utf8")) as Record<string, unknown>;
      delete schema.$schema;
      ajv.addSchema(schema);
      if (dir !== "common" || file === "marking-definition.json" || file === "bundle.json") {
        byType.set(file.replace(/\.json$/, ""), String(schema.$id));
      }
    }
  }
  const tlpSchema = JSON.parse(readFileSync(join(STIX_SCHEMAS_DIR, "tlp-2.0-marking-definition.json"), "utf8")) as Record<string, unknown>;
  delete tlpSchema.$schema;
  const validators = new Map<string, ValidateFunction>();
  for (const [type, id] of byType) {
    const v = ajv.getSchema(id);
    if (v) validators.set(type, v);
  }
  return { byType: validators, tlp: ajv.compile(tlpSchema) };
}

/** Schema errors of one STIX object (empty when valid); an unknown type is an error too. */
export function schemaErrors(object: { type?: unknown }): string[] {
  loaded ??= load();
  const type = String(object.type);
  const validate = loaded.byType.get(type);
  if (!validate) return [`no OASIS schema for type ${type}`];
  const out: string[] = [];
  if (!validate(object)) out.push(...(validate.errors ?? []).map((e) => `${type} ${e.instancePath || "/"} ${e.message ?? ""}`));
  if (type === "marking-definition" && !loaded.tlp(object)) {
    out.push(...(loaded.tlp.errors ?? []).map((e) => `TLP 2.0 ${e.instancePath || "/"} ${e.message ?? ""}`));
  }
  return out;
}

/** The bundle envelope checked by hand (bundle.json's object list is incomplete). */
export function envelopeErrors(bundle: { type?: unknown; id?: unknown; objects?: unknown }): string[] {
  const out: string[] = [];
  if (bundle.type !== "bundle") out.push("type is not bundle");
  if (typeof bundle.id !== "string" || !/^bundle--[0-9a-f-]{36}$/.test(bundle.id)) out.push("id is not a bundle id");
  if (!Array.isArray(bundle.objects) || bundle.objects.length === 0) out.push("objects is not a non-empty array");
  return out;
}
