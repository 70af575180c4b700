import { Alert, Flex, Skeleton, Text } from '@backstage/ui';
import type { DataProductRun, ScorecardHistoryItem } from '../../api';
import { Section } from '../shared/Section';
import { formatLag, plural } from '../shared/format';
import { LagChart, type LagPromise, type LagSeries } from './LagChart';
import { runsNotice } from './RunsNotice';
import { withLags } from './runs';
import { ScoreTrendChart } from './ScoreTrendChart';

/** The scorecard history as loaded. */
export interface HistoryState {
  items?: ScorecardHistoryItem[];
  loading: boolean;
  error?: Error;
}

/** Scores over time. */
export function ScoreTrendSection(props: {
  history: HistoryState;
  days: number;
}) {
  const { history } = props;
  let body;
  if (history.loading) {
    body = <Skeleton width="100%" height={200} />;
  } else if (history.error) {
    body = (
      <Alert
        status="danger"
        icon
        title="Could not load the scorecard history"
        description={history.error.message}
      />
    );
  } else {
    body = <ScoreTrendChart items={history.items ?? []} />;
  }
  return (
    <Section
      title="Score trends"
      subtitle={`Overall and each dimension over the last ${plural(
        props.days,
        'day',
      )}`}
    >
      {body}
    </Section>
  );
}

function hasLag(item: ScorecardHistoryItem): boolean {
  return (
    item.lag !== null && (item.lag.p95Ms !== null || item.lag.p99Ms !== null)
  );
}

/**
 * P95 and P99 freshness lag over time against the P95 and P99 SLA lines.
 * The lag comes from the snapshots; where the backend's history carries no
 * lag, the lag of each recent run is drawn instead, and said so.
 */
export function LagTrendSection(props: {
  history: HistoryState;
  runs: { items: DataProductRun[]; loading: boolean; error?: Error };
  promise: LagPromise;
}) {
  const { history, runs } = props;
  const snapshots = (history.items ?? []).filter(hasLag);
  const latestPromise = [...snapshots].reverse().find(i => i.lag)?.lag;
  const promise: LagPromise = {
    p95Ms: props.promise.p95Ms ?? latestPromise?.promisedP95Ms ?? undefined,
    p99Ms: props.promise.p99Ms ?? latestPromise?.promisedP99Ms ?? undefined,
  };
  const promiseText =
    promise.p95Ms === undefined && promise.p99Ms === undefined
      ? 'No freshness SLA is promised, so there is no line to measure against.'
      : `Promised: ${[
          promise.p95Ms !== undefined ? `P95 ${formatLag(promise.p95Ms)}` : '',
          promise.p99Ms !== undefined ? `P99 ${formatLag(promise.p99Ms)}` : '',
        ]
          .filter(Boolean)
          .join(', ')} (dashed lines).`;

  const notice = runsNotice(runs);
  let body;
  if (history.loading || (snapshots.length === 0 && runs.loading)) {
    body = <Skeleton width="100%" height={200} />;
  } else if (snapshots.length > 0) {
    const series: LagSeries[] = [
      {
        key: 'p95',
        name: 'P95 lag',
        color: '#1e88e5',
        points: snapshots.map(i => ({
          t: Date.parse(i.computedAt),
          ms: i.lag!.p95Ms,
        })),
      },
      {
        key: 'p99',
        name: 'P99 lag',
        color: '#8e24aa',
        points: snapshots.map(i => ({
          t: Date.parse(i.computedAt),
          ms: i.lag!.p99Ms,
        })),
      },
    ];
    body = (
      <LagChart
        label="P95 and P99 freshness lag over time against the SLA"
        caption={`P95 and P99 lag over each snapshot's scoring window, ${plural(
          snapshots.length,
          'snapshot',
        )}. ${promiseText}`}
        series={series}
        promise={promise}
      />
    );
  } else if (notice) {
    body = notice;
  } else {
    const lags = withLags(runs.items).filter(r => r.lagMs !== undefined);
    if (lags.length === 0) {
      body = (
        <Text variant="body-medium" color="secondary">
          No lag could be measured: none of the latest runs succeeded with a
          watermark or after an earlier successful run.
        </Text>
      );
    } else {
      body = (
        <LagChart
          label="Freshness lag of recent runs against the SLA"
          caption={`The history holds no lag measurements yet, so this is the lag of each of the latest ${plural(
            lags.length,
            'successful run',
          )}. ${promiseText}`}
          series={[
            {
              key: 'lag',
              name: 'Lag',
              color: '#1e88e5',
              points: lags.map(r => ({
                t: Date.parse(r.run.finishedAt ?? ''),
                ms: r.lagMs!,
              })),
            },
          ]}
          promise={promise}
        />
      );
    }
  }
  return (
    <Section
      title="Freshness lag"
      subtitle="How old the data was when it landed, against the P95 and P99 SLA"
    >
      <Flex direction="column" gap="2">
        {body}
      </Flex>
    </Section>
  );
}
