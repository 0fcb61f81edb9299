import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROLES } from "../../core/admin/schema";
import { ACTIVITY_STATUSES } from "../../core/commitments/schema";
import { RESOURCE_PARTS, RESOURCES } from "./resources";

/** Every key path of a nested resource object, with its value. */
function leaves(obj: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (obj === null || typeof obj !== "object") return out.set(prefix, obj);
  for (const [k, v] of Object.entries(obj)) for (const [p, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, leaf);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("i18n resources", () => {
  const esKeys = leaves(RESOURCES.es);
  const enKeys = leaves(RESOURCES.en);

  it("no top-level key is defined by two resource files", () => {
    for (const lang of ["es", "en"] as const) {
      const seen = new Set<string>();
      const twice: string[] = [];
      for (const part of RESOURCE_PARTS[lang]) {
        for (const k of Object.keys(part)) {
          if (seen.has(k)) twice.push(k);
          seen.add(k);
        }
      }
      assert.deepEqual(twice, [], lang);
    }
  });

  it("Spanish and English have exactly the same keys", () => {
    const onlyEs = [...esKeys.keys()].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys.keys()].filter((k) => !esKeys.has(k));
    assert.deepEqual({ onlyEs, onlyEn }, { onlyEs: [], onlyEn: [] });
  });

  it("no value is empty or anything but a string", () => {
    for (const [lang, keys] of [
      ["es", esKeys],
      ["en", enKeys],
    ] as const) {
      for (const [k, v] of keys) assert.ok(typeof v === "string" && v.trim() !== "", `${lang}: ${k} is empty or not a string`);
    }
  });

  it("every literal key the console calls t() with exists", () => {
    const root = join(import.meta.dirname, "..");
    const missing: string[] = [];
    for (const file of sources(root)) {
      // t("key") calls, and keys handed to components that translate them (k="key").
      for (const m of readFileSync(file, "utf8").matchAll(/\b(?:t\(\s*|k=)"([a-zA-Z0-9_.]+)"/g)) {
        const key = m[1] ?? "";
        const plural = [...esKeys.keys()].some((k) => k.startsWith(`${key}_`));
        if (!esKeys.has(key) && !plural) missing.push(`${file.slice(root.length + 1)}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it("every value of the enums the console translates by key has a name", () => {
    const families: [string, readonly (string | number)[]][] = [
      ["status", ACTIVITY_STATUSES],
      ["roles", ROLES],
      ["level", [0, 1, 2, 3]],
      ["peer.status", ["connected", "unreachable", "quarantined", "pending"]],
      ["live", ["live", "connecting", "offline"]],
      ["language", ["es", "en"]],
    ];
    for (const [family, values] of families) for (const v of values) assert.ok(esKeys.has(`${family}.${v}`), `${family}.${v}`);
  });

  it("placeholders match between the languages", () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of esKeys) assert.deepEqual(vars(enKeys.get(k)), vars(v), k);
  });
});
