/** One column: a month (YYYY-MM) and its count. */
export interface MonthValue {
  month: string;
  value: number;
}

/** A three-month moving average, the trend line drawn over monthly columns. */
export function movingAverage(values: readonly number[], width = 3): number[] {
  return values.map((_, i) => {
    const win = values.slice(Math.max(0, i - width + 1), i + 1);
    return win.reduce((s, v) => s + v, 0) / win.length;
  });
}

/**
 * Columns per month with a line drawn over them (a moving average, or the same months a year
 * earlier), in SVG like the other console charts. Month names follow the console's language.
 */
export function MonthlyChart({
  months,
  title,
  lang,
  format,
  color = "#2f3e9e",
  line,
}: {
  months: readonly MonthValue[];
  title: string;
  lang: string;
  format: (v: number) => string;
  color?: string;
  line?: { values: readonly number[]; label: string };
}) {
  const w = 640;
  const h = 220;
  const left = 48;
  const bottom = 28;
  const top = 12;
  const max = Math.max(1, ...months.map((m) => m.value), ...(line?.values ?? []));
  const step = (w - left - 8) / Math.max(1, months.length);
  const y = (v: number) => top + (h - top - bottom) * (1 - v / max);
  const name = (m: string) =>
    new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "es-CO", { month: "short", timeZone: "UTC" }).format(new Date(`${m}-15T00:00:00Z`));
  const path = (line?.values ?? []).map((v, i) => `${i === 0 ? "M" : "L"}${left + step * (i + 0.5)},${y(v)}`).join(" ");
  const summary = months.map((m) => `${m.month}: ${format(m.value)}`).join(", ");
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: w }} role="img" aria-label={`${title}. ${summary}`}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={w - 4} y1={y(v)} y2={y(v)} stroke="#dee2e6" />
          <text x={left - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#495057">
            {format(v)}
          </text>
        </g>
      ))}
      {months.map((m, i) => (
        <g key={m.month}>
          <title>{`${m.month}: ${format(m.value)}`}</title>
          <rect x={left + step * i + step * 0.15} y={y(m.value)} width={step * 0.7} height={h - bottom - y(m.value)} fill={color} rx={2} />
          <text x={left + step * (i + 0.5)} y={h - 10} fontSize="11" textAnchor="middle" fill="#495057">
            {name(m.month)}
          </text>
        </g>
      ))}
      {line && months.length > 1 && (
        <g>
          <path d={path} fill="none" stroke="#e8590c" strokeWidth={2.5} strokeLinejoin="round" />
          <rect x={w - 214} y={top - 6} width={208} height={18} fill="#ffffff" opacity={0.85} />
          <line x1={w - 208} x2={w - 188} y1={top + 3} y2={top + 3} stroke="#e8590c" strokeWidth={2.5} />
          <text x={w - 182} y={top + 7} fontSize="11" fill="#212529">
            {line.label}
          </text>
        </g>
      )}
    </svg>
  );
}
