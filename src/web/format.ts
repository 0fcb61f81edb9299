/** Dates as people read them in the console's language; ISO dates (YYYY-MM-DD) stay whole days. */
export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return "—";
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "es-CO", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(d);
}

/** A moment with its time, in the browser's time zone, on the 24-hour clock the forces use. */
export function formatDateTime(value: string | null | undefined, lang: string): string {
  if (!value) return "—";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const locale = lang === "en" ? "en-GB" : "es-CO";
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(d);
  return `${day}, ${new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d)}`;
}

/** A whole percentage ("42 %" in Spanish, "42%" in English). */
export function formatPercent(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "es-CO", { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}

/** Today as YYYY-MM-DD in the browser's time zone (form defaults). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
