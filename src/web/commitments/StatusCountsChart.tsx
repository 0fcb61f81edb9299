import { useTranslation } from "react-i18next";
import { STATUS_COLORS, STATUS_ORDER } from "./status-colors";
import type { StatusCounts } from "./types";

/**
 * How many activities are in each status, as horizontal bars in hand-written SVG (prints
 * crisply, no chart library). The figure's title and each bar's text carry the numbers.
 */
export function StatusCountsChart({ counts, title }: { counts: StatusCounts; title: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...STATUS_ORDER.map((s) => counts[s] ?? 0));
  const row = 30;
  const labelW = 170;
  const barW = 260;
  const height = STATUS_ORDER.length * row + 4;
  const summary = STATUS_ORDER.map((s) => `${t(`status.${s}`)}: ${counts[s] ?? 0}`).join(", ");
  return (
    <svg
      viewBox={`0 0 ${labelW + barW + 50} ${height}`}
      width="100%"
      style={{ maxWidth: 520 }}
      role="img"
      aria-label={`${title}. ${summary}`}
    >
      {STATUS_ORDER.map((s, i) => {
        const n = counts[s] ?? 0;
        const w = (n / max) * barW;
        const y = i * row + 4;
        return (
          <g key={s}>
            <text x={labelW - 8} y={y + 16} textAnchor="end" fontSize="13" fill="#212529">
              {t(`status.${s}`)}
            </text>
            <rect x={labelW} y={y + 2} width={barW} height={20} fill="#f1f3f5" />
            <rect x={labelW} y={y + 2} width={w} height={20} fill={STATUS_COLORS[s]} />
            <text x={labelW + barW + 8} y={y + 16} fontSize="13" fontWeight="600" fill="#212529">
              {n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
