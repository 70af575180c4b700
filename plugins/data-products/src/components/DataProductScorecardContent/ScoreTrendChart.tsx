import { Flex, Text } from '@backstage/ui';
import type { ScoreDimension } from '@stockroom/plugin-data-products-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ScorecardHistoryItem } from '../../api';
import { ChartFrame } from '../shared/ChartFrame';
import { timeAxisProps } from '../shared/timeAxis';
import { DIMENSION_INFO, DIMENSIONS } from '../shared/dimensions';
import { formatDate, formatDateTime } from '../shared/format';

const COLORS: Record<ScoreDimension | 'overall', string> = {
  overall: '#212121',
  freshness: '#1e88e5',
  reliability: '#8e24aa',
  quality: '#43a047',
  stability: '#fb8c00',
  contract: '#00897b',
  ownership: '#6d4c41',
  reuse: '#e53935',
};

type Point = { t: number } & Partial<Record<string, number | null>>;

function points(items: readonly ScorecardHistoryItem[]): Point[] {
  return items
    .map(item => ({
      t: Date.parse(item.computedAt),
      overall: item.overall,
      ...item.scores,
    }))
    .filter(point => Number.isFinite(point.t))
    .sort((a, b) => a.t - b.t);
}

function scoreText(value: unknown): string {
  return typeof value === 'number' ? `${value} / 5` : 'unknown';
}

/**
 * Each score over time, as snapshotted by the backend. An unknown score is a
 * gap in its line, never a drawn value.
 */
export function ScoreTrendChart(props: {
  items: readonly ScorecardHistoryItem[];
}) {
  const data = points(props.items);
  if (data.length === 0) {
    return (
      <Text variant="body-medium" color="secondary">
        No snapshots in this period yet: the backend snapshots the scorecard on
        a schedule (daily by default).
      </Text>
    );
  }
  const few = data.length <= 3;
  const first = data[0].t;
  const last = data[data.length - 1].t;
  return (
    <Flex direction="column" gap="2">
      <Text
        variant="body-small"
        color="secondary"
        data-testid="score-trend-caption"
      >
        {`${data.length} snapshot${
          data.length === 1 ? '' : 's'
        } from ${formatDate(first)} to ${formatDate(
          last,
        )}. A gap in a line is an unknown score.`}
      </Text>
      <ChartFrame label="Scores over time">
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis {...timeAxisProps(first, last)} />
          <YAxis
            domain={[1, 5]}
            ticks={[1, 2, 3, 4, 5]}
            allowDecimals={false}
            width={32}
          />
          <Tooltip
            labelFormatter={value => formatDateTime(value as number)}
            formatter={value => scoreText(value)}
          />
          <Legend />
          <Line
            type="linear"
            dataKey="overall"
            name="Overall"
            stroke={COLORS.overall}
            strokeWidth={3}
            dot={few}
            connectNulls={false}
            isAnimationActive={false}
          />
          {DIMENSIONS.map(dimension => (
            <Line
              key={dimension}
              type="linear"
              dataKey={dimension}
              name={DIMENSION_INFO[dimension].label}
              stroke={COLORS[dimension]}
              strokeWidth={1.5}
              dot={few}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartFrame>
    </Flex>
  );
}
