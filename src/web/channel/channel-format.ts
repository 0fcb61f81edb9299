/** Times of the channel as a duty officer reads them: to the second, the date only when not today. */
const locale = (lang: string) => (lang === "en" ? "en-GB" : "es-CO");

export function formatClock(iso: string | null | undefined, lang: string, now = Date.now()): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(locale(lang), {
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(d);
}

/** A full moment for a tooltip or a screen reader: date and time with seconds. */
export function formatMoment(iso: string | null | undefined, lang: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = new Intl.DateTimeFormat(locale(lang), { dateStyle: "long" }).format(d);
  const time = new Intl.DateTimeFormat(locale(lang), { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(d);
  return `${day}, ${time}`;
}

/** A span as words: "45 s", "9 min 32 s", "2 h 05 min", "3 d 4 h". */
export function formatSpan(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** A countdown as a clock face: "09:32", "2:59:59". */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A file size in KiB or MiB. */
export function formatBytes(n: number, lang: string): string {
  const fmt = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 });
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${fmt.format(n / 1024)} KiB`;
  return `${fmt.format(n / (1024 * 1024))} MiB`;
}
