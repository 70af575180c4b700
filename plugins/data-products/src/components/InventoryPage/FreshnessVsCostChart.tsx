import { Text } from '@backstage/ui';
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

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Lags a reader knows, for the ticks of the log axis. */
const LAG_TICKS = [
  SECOND,
  10 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  2 * 24 * HOUR,
  7 * 24 * HOUR,
  30 * 24 * HOUR,
];

/**
 * A log axis from half the shortest lag to twice the longest, so no point
 * sits on the edge, with the known lags in between as ticks.
 */
function logAxis(lags: readonly number[]) {
  const low = Math.min(...lags) / 2;
  const high = Math.max(...lags) * 2;
  const ticks = LAG_TICKS.filter(tick => tick >= low && tick <= high);
  return { domain: [low, high], ticks: ticks.length > 0 ? ticks : undefined };
}

/** The title of a group's chart, also its accessible name. */
export function chartLabel(currency: string | null): string {
  return currency
    ? `Observed P95 lag against monthly cost in ${currency}, by freshness tier`
    : 'Observed P95 lag against monthly cost (currency not declared), by freshness tier';
}

/** A point's product, tier, lag and cost, on hover. */
function PointTooltip(props: {
  point: CostPoint | undefined;
  currency: string | null;
}) {
  const { point, currency } = props;
  if (!point) return null;
  return (
    <div
      style={{
        background: 'var(--bui-bg-surface-1, #fff)',
        border: '1px solid var(--bui-border, #ccc)',
        borderRadius: 4,
        padding: '6px 10px',
      }}
    >
      <Text as="p" variant="body-small" weight="bold">
        {point.label}
      </Text>
      <Text as="p" variant="body-small">
        {`${point.tier} · P95 ${formatLag(point.lagMs)} · ${formatMoney(
          point.monthly,
          currency,
        )} / month`}
      </Text>
    </div>
  );
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
  const logScale = lags.length > 0 && lags.every(lag => lag > 0);
  const axis = logScale
    ? logAxis(lags)
    : { domain: [0, 'auto'], ticks: undefined };
  return (
    <ChartFrame label={chartLabel(group.currency)} height={300}>
      <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="lagMs"
          name="Observed P95 lag"
          scale={logScale ? 'log' : 'auto'}
          domain={axis.domain as [number, number]}
          ticks={axis.ticks}
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
          content={tooltip => (
            <PointTooltip
              point={
                tooltip.active
                  ? (
                      tooltip.payload as
                        | ReadonlyArray<{ payload?: CostPoint }>
                        | undefined
                    )?.[0]?.payload
                  : undefined
              }
              currency={group.currency}
            />
          )}
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
