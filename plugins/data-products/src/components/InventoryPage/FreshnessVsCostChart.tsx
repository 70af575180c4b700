import {
  CartesianGrid,
  Legend,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../shared/ChartFrame';
import { formatLag } from '../shared/format';
import { formatCompactMoney, formatMoney } from './format';
import type { CostPoint, CurrencyGroup } from './freshnessVsCostGroups';

/** One colour and mark per tier, so the series differ without colour too. */
const TIER_STYLE: Record<
  string,
  { fill: string; shape: 'circle' | 'diamond' | 'square' | 'triangle' }
> = {
  streaming: { fill: '#1e88e5', shape: 'diamond' },
  'micro-batch': { fill: '#fb8c00', shape: 'triangle' },
  daily: { fill: '#43a047', shape: 'circle' },
};
const OTHER_STYLE = { fill: '#757575', shape: 'square' as const };

/** The title of a group's chart, also its accessible name. */
export function chartLabel(currency: string | null): string {
  return currency
    ? `Observed P95 lag against monthly cost in ${currency}, by freshness tier`
    : 'Observed P95 lag against monthly cost (currency not declared), by freshness tier';
}

/**
 * The products of one currency: observed P95 lag across (a log scale, so a
 * one-minute stream and a daily batch both show), monthly cost up, one
 * series per freshness tier.
 */
export function FreshnessVsCostChart(props: { group: CurrencyGroup }) {
  const { group } = props;
  const lags = group.series.flatMap(s => s.points.map(p => p.lagMs));
  // A log axis cannot place a lag of 0.
  const logScale = lags.every(lag => lag > 0);
  return (
    <ChartFrame label={chartLabel(group.currency)} height={300}>
      <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="lagMs"
          name="Observed P95 lag"
          scale={logScale ? 'log' : 'auto'}
          domain={logScale ? ['auto', 'auto'] : [0, 'auto']}
          tickFormatter={(value: number) => formatLag(value)}
          label={{
            value: 'Observed P95 lag',
            position: 'insideBottom',
            offset: -12,
          }}
        />
        <YAxis
          type="number"
          dataKey="monthly"
          name="Monthly cost"
          width={80}
          tickFormatter={(value: number) =>
            formatCompactMoney(value, group.currency)
          }
        />
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          formatter={(value: unknown, name: unknown) => {
            if (typeof value !== 'number') return String(value);
            return name === 'Monthly cost'
              ? formatMoney(value, group.currency)
              : formatLag(value);
          }}
          labelFormatter={(_: unknown, payload: unknown) => {
            const point = (
              payload as Array<{ payload?: CostPoint }> | undefined
            )?.[0]?.payload;
            return point ? `${point.label} (${point.tier})` : '';
          }}
        />
        <Legend verticalAlign="top" />
        {group.series.map(series => {
          const style = TIER_STYLE[series.tier] ?? OTHER_STYLE;
          return (
            <Scatter
              key={series.tier}
              name={series.tier}
              data={series.points}
              fill={style.fill}
              shape={style.shape}
              isAnimationActive={false}
            />
          );
        })}
      </ScatterChart>
    </ChartFrame>
  );
}
