import { Flex, Text } from '@backstage/ui';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../shared/ChartFrame';
import { timeAxisProps } from '../shared/timeAxis';
import {
  durationAxisProps,
  durationLineProps,
  durationTooltipProps,
} from '../shared/durationAxis';

/** A series of lags to draw, each point a time and a lag in ms (or a gap). */
export interface LagSeries {
  key: string;
  name: string;
  color: string;
  points: ReadonlyArray<{ t: number; ms: number | null }>;
}

/** The SLA lines: the promised P95 and P99 lag. */
export interface LagPromise {
  p95Ms?: number;
  p99Ms?: number;
}

const P95_COLOR = '#fb8c00';
const P99_COLOR = '#e53935';

/**
 * Freshness lag over time against the promised P95 and P99 lag, drawn as
 * horizontal reference lines (always in view: the axis reaches past them).
 */
export function LagChart(props: {
  label: string;
  caption: string;
  series: readonly LagSeries[];
  promise: LagPromise;
}) {
  const { series, promise } = props;
  const byTime = new Map<number, Record<string, number | null>>();
  for (const s of series) {
    for (const point of s.points) {
      if (!Number.isFinite(point.t)) continue;
      const row = byTime.get(point.t) ?? { t: point.t };
      row[s.key] = point.ms;
      byTime.set(point.t, row);
    }
  }
  const data = [...byTime.values()].sort((a, b) => a.t! - b.t!);
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? 0;
  const highest = Math.max(
    0,
    promise.p95Ms ?? 0,
    promise.p99Ms ?? 0,
    ...data.flatMap(row =>
      series.map(s => (typeof row[s.key] === 'number' ? row[s.key]! : 0)),
    ),
  );

  return (
    <Flex direction="column" gap="2">
      <Text variant="body-small" color="secondary">
        {props.caption}
      </Text>
      <ChartFrame label={props.label}>
        <LineChart
          data={data}
          margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis {...timeAxisProps(first, last)} />
          <YAxis {...durationAxisProps(highest)} />
          <Tooltip {...durationTooltipProps()} />
          <Legend />
          {promise.p95Ms !== undefined && (
            <ReferenceLine
              {...durationLineProps(promise.p95Ms, 'P95 SLA', P95_COLOR)}
            />
          )}
          {promise.p99Ms !== undefined && (
            <ReferenceLine
              {...durationLineProps(promise.p99Ms, 'P99 SLA', P99_COLOR)}
            />
          )}
          {series.map(s => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              dot={data.length <= 3}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartFrame>
    </Flex>
  );
}
