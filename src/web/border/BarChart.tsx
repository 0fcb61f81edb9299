/** One bar: what it counts, how much, and an optional longer name for the tooltip. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  title?: string;
}

/**
 * Horizontal bars drawn in SVG (printable, no chart library), largest first as given. The
 * image's accessible name lists every value, so a screen reader hears the same as the eye sees.
 */
export function BarChart({
  bars,
  title,
  format,
  color = "#2f3e9e",
}: {
  bars: readonly Bar[];
  title: string;
  format: (v: number) => string;
  color?: string;
}) {
  const row = 28;
  const labelW = 170;
  const barW = 320;
  const valueW = 110;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * row + 8;
  const summary = bars.map((b) => `${b.label}: ${format(b.value)}`).join(", ");
  return (
    <svg
      viewBox={`0 0 ${labelW + barW + valueW} ${height}`}
      width="100%"
      style={{ maxWidth: 640 }}
      role="img"
      aria-label={`${title}. ${summary}`}
    >
      {bars.map((b, i) => {
        const y = i * row + 4;
        const label = b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label;
        return (
          <g key={b.key}>
            <title>{`${b.title ?? b.label}: ${format(b.value)}`}</title>
            <text x={labelW - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#212529">
              {label}
            </text>
            <rect x={labelW} y={y + 3} width={Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barW)} height={16} rx={2} fill={color} />
            <text x={labelW + (b.value / max) * barW + 6} y={y + 15} fontSize="12" fontWeight="600" fill="#212529">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
