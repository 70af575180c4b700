import {
  CartesianGrid,
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
import type { RecentRun } from './supplyChainTypes';

const TARGET_COLOR = '#e53935';
const LINE_COLOR = '#1e88e5';

/**
 * The lead time of each recent run (as the backend measured it) against
 * `leadTime.target`, a dashed line. Runs without a lead time are gaps.
 */
export function LeadTimeChart(props: {
  runs: readonly RecentRun[];
  targetMs: number | null;
}) {
  const data = props.runs
    .map(run => ({ t: Date.parse(run.finishedAt), ms: run.leadTimeMs }))
    .filter(point => Number.isFinite(point.t))
    .sort((a, b) => a.t - b.t);
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? 0;
  const highest = Math.max(
    0,
    props.targetMs ?? 0,
    ...data.map(point => point.ms ?? 0),
  );
  return (
    <ChartFrame
      label="Lead time of recent runs against the target"
      height={200}
    >
      <LineChart
        data={data}
        margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis {...timeAxisProps(first, last)} />
        <YAxis {...durationAxisProps(highest)} />
        <Tooltip {...durationTooltipProps()} />
        {props.targetMs !== null && (
          <ReferenceLine
            {...durationLineProps(props.targetMs, 'Target', TARGET_COLOR)}
          />
        )}
        <Line
          type="linear"
          dataKey="ms"
          name="Lead time"
          stroke={LINE_COLOR}
          strokeWidth={2}
          dot={data.length <= 3}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
