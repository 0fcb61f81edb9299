import { useTranslation } from "react-i18next";
import { formatDate, formatPercent } from "../format";

/** Percent complete over time as a line (SVG, printable); dates on the x axis by position. */
export function TimelineChart({ points, title }: { points: { date: string; percent: number }[]; title: string }) {
  const { t, i18n } = useTranslation();
  const w = 560;
  const h = 220;
  const pad = { l: 44, r: 16, t: 12, b: 36 };
  const times = points.map((p) => Date.parse(p.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (time: number) => pad.l + (t1 === t0 ? (w - pad.l - pad.r) / 2 : ((time - t0) / (t1 - t0)) * (w - pad.l - pad.r));
  const y = (p: number) => pad.t + (1 - Math.min(100, p) / 100) * (h - pad.t - pad.b);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(times[i] ?? 0).toFixed(1)},${y(p.percent).toFixed(1)}`).join(" ");
  const first = points[0];
  const last = points.at(-1);
  const summary =
    first && last
      ? t("progress.timelineSummary", {
          from: formatDate(first.date, i18n.language),
          to: formatDate(last.date, i18n.language),
          start: formatPercent(first.percent, i18n.language),
          end: formatPercent(last.percent, i18n.language),
        })
      : t("progress.noTimeline");
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: 640 }} role="img" aria-label={`${title}. ${summary}`}>
      {[0, 25, 50, 75, 100].map((p) => (
        <g key={p}>
          <line x1={pad.l} x2={w - pad.r} y1={y(p)} y2={y(p)} stroke="#dee2e6" />
          <text x={pad.l - 6} y={y(p) + 4} fontSize="11" textAnchor="end" fill="#495057">{`${p}%`}</text>
        </g>
      ))}
      {first && last && (
        <>
          <text x={x(times[0] ?? 0)} y={h - 12} fontSize="11" textAnchor={points.length > 1 ? "start" : "middle"} fill="#495057">
            {formatDate(first.date, i18n.language)}
          </text>
          {points.length > 1 && (
            <text x={x(times.at(-1) ?? 0)} y={h - 12} fontSize="11" textAnchor="end" fill="#495057">
              {formatDate(last.date, i18n.language)}
            </text>
          )}
          <path d={path} fill="none" stroke="#2f3e9e" strokeWidth={2.5} />
          {points.map((p, i) => (
            <circle key={p.date} cx={x(times[i] ?? 0)} cy={y(p.percent)} r={3} fill="#2f3e9e" />
          ))}
        </>
      )}
    </svg>
  );
}
