import { useLocale } from '../../lib/i18n.ts';

/**
 * Horizontal bars drawn as SVG on the server (no chart library): one bar per value with its count and
 * share. A table-like text alternative is given to screen readers.
 */
export function BarChart({ title, bars }: { title: string; bars: { label: string; count: number }[] }) {
  const locale = useLocale();
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  const max = Math.max(1, ...bars.map((b) => b.count));
  const rowHeight = 28;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  if (bars.length === 0) return null;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.count}`).join(', ')}`}
        viewBox={`0 0 400 ${bars.length * rowHeight}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((b, i) => (
          <g key={`${b.label}-${i}`} transform={`translate(0 ${i * rowHeight})`}>
            <text x="0" y="17" className="chart__label">
              {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
            </text>
            <rect x="150" y="5" height="16" width={(b.count / max) * 170} rx="2" className="chart__bar" />
            <text x={156 + (b.count / max) * 170} y="17" className="chart__value">
              {b.count} ({percent.format(total ? b.count / total : 0)})
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
