import type { TFunction } from "i18next";

/** A quantity with its unit's short name, grouped as the language writes numbers. */
export function formatQuantity(quantity: number, unit: string, lang: string, t: TFunction): string {
  const n = new Intl.NumberFormat(lang === "en" ? "en-GB" : "es-CO", { maximumFractionDigits: 1 }).format(quantity);
  return `${n} ${t(`incidents.unitShort.${unit}`, { defaultValue: unit })}`;
}

/** A count grouped as the language writes numbers. */
export function formatCount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "es-CO", { maximumFractionDigits: 0 }).format(n);
}
