import { useTranslation } from "react-i18next";
import { formatPercent } from "../format";

/** Percent complete of each agreement as horizontal bars (SVG, printable). */
export function AgreementsChart({ agreements, title }: { agreements: { number: number; text: string; percent: number }[]; title: string }) {
  const { t, i18n } = useTranslation();
  const row = 34;
  const labelW = 110;
  const barW = 360;
  const height = Math.max(1, agreements.length) * row + 24;
  const summary = agreements
    .map((a) => `${t("progress.agreementN", { n: a.number })}: ${formatPercent(a.percent, i18n.language)}`)
    .join(", ");
  return (
    <svg
      viewBox={`0 0 ${labelW + barW + 70} ${height}`}
      width="100%"
      style={{ maxWidth: 640 }}
      role="img"
      aria-label={`${title}. ${summary}`}
    >
      {[0, 25, 50, 75, 100].map((p) => (
        <g key={p}>
          <line x1={labelW + (p / 100) * barW} x2={labelW + (p / 100) * barW} y1={0} y2={height - 20} stroke="#dee2e6" />
          <text x={labelW + (p / 100) * barW} y={height - 6} fontSize="11" textAnchor="middle" fill="#495057">
            {`${p}%`}
          </text>
        </g>
      ))}
      {agreements.map((a, i) => {
        const y = i * row + 4;
        return (
          <g key={a.number}>
            <title>{a.text}</title>
            <text x={labelW - 8} y={y + 18} textAnchor="end" fontSize="13" fill="#212529">
              {t("progress.agreementN", { n: a.number })}
            </text>
            <rect x={labelW} y={y + 4} width={(Math.min(100, a.percent) / 100) * barW} height={20} fill="#2f3e9e" />
            <text x={labelW + barW + 8} y={y + 18} fontSize="13" fontWeight="600" fill="#212529">
              {formatPercent(a.percent, i18n.language)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
