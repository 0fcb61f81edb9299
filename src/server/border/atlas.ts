import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Topology } from "topojson-specification";
import { baseMap } from "../../core/border/base-map";
import { type BorderGeo, createBorderGeo } from "../../core/border/geo";

/**
 * The Natural Earth shapes shipped in the `world-atlas` package, read from node_modules (a
 * node never fetches anything to draw its map). They are fixed data, parsed once per process
 * on first use (~0.1 s for the 1:10m file), so these two memos are the only state here.
 */
const require = createRequire(import.meta.url);

function readTopology(name: "countries-10m" | "countries-110m"): Topology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${name}.json`), "utf8")) as Topology;
}

let geo: BorderGeo | undefined;

/** Colombia, Venezuela and their border at 1:10m. */
export function borderGeo(): BorderGeo {
  geo ??= createBorderGeo(readTopology("countries-10m"));
  return geo;
}

export interface BaseMapDocument {
  readonly body: Buffer;
  readonly etag: string;
}

let base: BaseMapDocument | undefined;

/** The offline base map as bytes ready to send, with a strong ETag of its content. */
export function baseMapDocument(): BaseMapDocument {
  if (!base) {
    const body = Buffer.from(JSON.stringify(baseMap(readTopology("countries-110m"), borderGeo())));
    base = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  }
  return base;
}
