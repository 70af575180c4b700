import { Flex, Text } from '@backstage/ui';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell as BarCell,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { InventoryItem } from '../../api';
import { ChartFrame } from '../shared/ChartFrame';

export interface ScoreBucket {
  bucket: string;
  /** What the bucket holds, in words, for the tooltip and screen readers. */
  description: string;
  count: number;
}

const BUCKETS: { bucket: string; description: string; color: string }[] = [
  { bucket: '1', description: 'overall 1.0–1.9', color: '#c62828' },
  { bucket: '2', description: 'overall 2.0–2.9', color: '#ef6c00' },
  { bucket: '3', description: 'overall 3.0–3.9', color: '#f9a825' },
  { bucket: '4', description: 'overall 4.0–4.9', color: '#7cb342' },
  { bucket: '5', description: 'overall 5', color: '#2e7d32' },
  { bucket: 'unknown', description: 'no overall score', color: '#9e9e9e' },
];

/**
 * Counts of products per whole overall score (the backend's one-decimal
 * score, floored: 3.7 counts under 3) and those with none. Grouping scores
 * the backend computed; nothing is scored here.
 */
export function scoreDistribution(
  items: readonly InventoryItem[],
): ScoreBucket[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const { overall } = item;
    const bucket =
      typeof overall === 'number' && overall >= 1 && overall <= 5
        ? String(Math.floor(overall))
        : 'unknown';
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return BUCKETS.map(({ bucket, description }) => ({
    bucket,
    description,
    count: counts.get(bucket) ?? 0,
  }));
}

/**
 * A bar chart of the overall scores of the products on this page (the API's
 * summary carries no distribution, and the page is what the filters and sort
 * show).
 */
export function ScoreDistribution(props: { items: readonly InventoryItem[] }) {
  const data = scoreDistribution(props.items);
  if (props.items.length === 0) {
    return (
      <Text variant="body-medium" color="secondary">
        No products on this page.
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="2">
      <Text
        variant="body-small"
        color="secondary"
        data-testid="score-distribution-caption"
      >
        {`Overall scores of the ${props.items.length} product${
          props.items.length === 1 ? '' : 's'
        } on this page: ${data
          .map(
            b =>
              `${b.count} ${
                b.bucket === 'unknown' ? 'unknown' : `at ${b.bucket}`
              }`,
          )
          .join(', ')}.`}
      </Text>
      <ChartFrame label="Score distribution" height={220}>
        <BarChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip
            formatter={value => [String(value), 'products']}
            labelFormatter={(label, payload) =>
              String(payload?.[0]?.payload?.description ?? label)
            }
          />
          <Bar dataKey="count" name="Products" isAnimationActive={false}>
            {BUCKETS.map(b => (
              <BarCell key={b.bucket} fill={b.color} />
            ))}
          </Bar>
        </BarChart>
      </ChartFrame>
    </Flex>
  );
}
