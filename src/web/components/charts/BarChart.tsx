import type { CSSProperties } from 'react';
import { Empty, Typography } from 'antd';
import { Link } from 'react-router';
import './charts.css';

// Charts for reports, forecasts and commissions, in plain HTML and CSS: no chart library (the
// bundle stays small), labels in any script wrap like text, and every bar is a link the keyboard
// reaches (the drill-down to the records behind it). Each chart also carries its figures as text
// for screen readers.

export interface ChartSeries {
  label: string;
  /** A CSS colour; defaults to the theme's palette in order. */
  color?: string;
}

export interface ChartDatum {
  key: string;
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
  /** Where the bar drills down to (usually recordsLink(object, filters)). */
  href?: string;
}

export interface BarChartProps {
  data: ChartDatum[];
  series: ChartSeries[];
  format: (n: number) => string;
  /** The chart's accessible name. */
  title: string;
  /** 'horizontal' (a bar per row: stages, reps, products) or 'vertical' (columns: periods). */
  orientation?: 'horizontal' | 'vertical';
  /** A funnel: horizontal bars centred on the axis. */
  funnel?: boolean;
  /** Column area height for vertical charts, in px. */
  height?: number;
  empty?: string;
}

const PALETTE = ['#1668dc', '#52c41a', '#fa8c16', '#722ed1', '#eb2f96'];

export const seriesColor = (s: ChartSeries[], i: number) => s[i]?.color ?? PALETTE[i % PALETTE.length]!;

function Bar({ value, max, color, vertical, label }: { value: number; max: number; color: string; vertical: boolean; label: string }) {
  const pct = max > 0 ? Math.max(0, (value / max) * 100) : 0;
  const style: CSSProperties = vertical ? { height: `${pct}%`, background: color } : { width: `${pct}%`, background: color };
  return <span className="gx-chart-bar" style={style} title={label} />;
}

function Row({ d, children }: { d: ChartDatum; children: React.ReactNode }) {
  return d.href ? <Link className="gx-chart-row gx-chart-link" to={d.href}>{children}</Link> : <div className="gx-chart-row">{children}</div>;
}

export function BarChart({ data, series, format, title, orientation = 'horizontal', funnel, height = 220, empty }: BarChartProps) {
  if (!data.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  const max = Math.max(0, ...data.flatMap((d) => d.values));
  const vertical = orientation === 'vertical';
  const describe = (d: ChartDatum) => `${d.label}: ${series.map((s, i) => `${s.label} ${format(d.values[i] ?? 0)}`).join(', ')}`;
  return (
    <figure className={`gx-chart ${vertical ? 'gx-chart-vertical' : 'gx-chart-horizontal'}${funnel ? ' gx-chart-funnel' : ''}`} aria-label={title}>
      {series.length > 1 ? (
        <figcaption className="gx-chart-legend">
          {series.map((s, i) => (
            <span key={s.label}><i style={{ background: seriesColor(series, i) }} />{s.label}</span>
          ))}
        </figcaption>
      ) : null}
      <div className="gx-chart-body" style={vertical ? { height } : undefined}>
        {data.map((d) => (
          <Row key={d.key} d={d}>
            <span className="gx-chart-label">{d.label}</span>
            <span className="gx-chart-bars" aria-hidden>
              {d.values.map((v, i) => <Bar key={i} value={v} max={max} color={seriesColor(series, i)} vertical={vertical} label={`${series[i]?.label ?? ''} ${format(v)}`} />)}
            </span>
            {vertical ? null : <Typography.Text className="gx-chart-value">{d.values.map((v) => format(v)).join(' / ')}</Typography.Text>}
            <span className="gx-sr-only">{describe(d)}</span>
          </Row>
        ))}
      </div>
    </figure>
  );
}
