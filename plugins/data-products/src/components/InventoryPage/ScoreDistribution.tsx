import { Flex, Text } from '@backstage/ui';
import type { InventoryItem } from '../../api';

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

/** Height of the bars' area, in px: a full bar is the page's largest bucket. */
const PLOT_HEIGHT = 160;

/**
 * A bar chart of the overall scores of the products on this page (the API's
 * summary carries no distribution, and the page is what the filters and sort
 * show).
 *
 * Six bars drawn with plain elements, not a charting library: the chart is
 * on the inventory's first screen, and recharts (with its dependencies, over
 * 500 KiB of script) would be loaded and run before the page could show
 * anything. Each bar's count is written on it and its meaning is its
 * tooltip; the caption above says it all in words.
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
  const largest = Math.max(...data.map(b => b.count));
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
      {/* the caption is the accessible text; the bars repeat it visually */}
      <div role="figure" aria-label="Score distribution">
        <div
          aria-hidden
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${BUCKETS.length}, 1fr)`,
            alignItems: 'end',
            gap: 8,
            height: PLOT_HEIGHT + 20,
            borderBottom: '1px solid var(--bui-border, #ccc)',
          }}
        >
          {data.map((b, i) => (
            <div
              key={b.bucket}
              title={`${b.description}: ${b.count} product${
                b.count === 1 ? '' : 's'
              }`}
              style={{
                display: 'flex',
                flexDirection: 'column',
                justifyContent: 'flex-end',
                alignItems: 'center',
                height: '100%',
              }}
            >
              <Text variant="body-x-small">{String(b.count)}</Text>
              <div
                style={{
                  width: '100%',
                  height: largest ? (b.count / largest) * PLOT_HEIGHT : 0,
                  background: BUCKETS[i].color,
                }}
              />
            </div>
          ))}
        </div>
        <div
          aria-hidden
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${BUCKETS.length}, 1fr)`,
            gap: 8,
            textAlign: 'center',
          }}
        >
          {data.map(b => (
            <Text key={b.bucket} variant="body-x-small" color="secondary">
              {b.bucket === 'unknown' ? '?' : b.bucket}
            </Text>
          ))}
        </div>
      </div>
    </Flex>
  );
}
