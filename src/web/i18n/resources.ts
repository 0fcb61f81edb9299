import borderEn from "./border.en.json";
import borderEs from "./border.es.json";
import channelEn from "./channel.en.json";
import channelEs from "./channel.es.json";
import coordinationEn from "./coordination.en.json";
import coordinationEs from "./coordination.es.json";
import en from "./en.json";
import es from "./es.json";

/**
 * The console's strings per language: the common file plus one file per capability, each
 * owning its own top-level keys (a key defined twice is a mistake the i18n test reports).
 */
export const RESOURCE_PARTS = {
  es: [es, borderEs, channelEs, coordinationEs],
  en: [en, borderEn, channelEn, coordinationEn],
} as const;

function merge(parts: readonly object[]): Record<string, unknown> {
  return Object.assign({}, ...parts);
}

export const RESOURCES = { es: merge(RESOURCE_PARTS.es), en: merge(RESOURCE_PARTS.en) };
