import { Alert, Button, Flex, Skeleton, Text } from '@backstage/ui';
import type { DataProductRun } from '../../api';
import { PlainList, Section } from '../shared/Section';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatLag,
  plural,
} from '../shared/format';
import { runsNotice } from './RunsNotice';
import { breaches, withLags, type Breach } from './runs';

/** The runs loaded so far, latest first, and how to load older ones. */
export interface RunsState {
  items: DataProductRun[];
  loading: boolean;
  error?: Error;
  /** Older runs exist to load. */
  hasMore: boolean;
  loadingMore: boolean;
  moreError?: Error;
  loadMore: () => void;
}

/** The SLA a late run breaches, as the backend scored reliability. */
export interface BreachLine {
  slaMs?: number;
  /** `P99` or `P95`. */
  percentile?: string;
}

function BreachItem(props: { breach: Breach; line: BreachLine }) {
  const { breach, line } = props;
  const { run } = breach;
  const what =
    breach.reason === 'failed'
      ? `Failed${run.errorMessage ? `: ${run.errorMessage}` : ''}`
      : `Late: lag ${formatLag(breach.lagMs!)} vs the ${formatLag(
          line.slaMs!,
        )} ${line.percentile ?? ''} SLA`.replace(/ {2}/g, ' ');
  return (
    <li data-testid="breach" data-reason={breach.reason}>
      <Flex direction="column" gap="0">
        <Flex gap="2" align="baseline" style={{ flexWrap: 'wrap' }}>
          <Text
            variant="body-x-small"
            weight="bold"
            color={breach.reason === 'failed' ? 'danger' : 'warning'}
            style={{ textTransform: 'uppercase' }}
          >
            {breach.reason}
          </Text>
          <Text variant="body-small">
            {run.finishedAt ? formatDateTime(run.finishedAt) : 'unfinished'}
          </Text>
          <Text variant="body-x-small" color="secondary">
            run <code style={{ wordBreak: 'break-all' }}>{run.runId}</code>
          </Text>
        </Flex>
        <Text variant="body-small" style={{ wordBreak: 'break-word' }}>
          {what}
        </Text>
      </Flex>
    </li>
  );
}

/**
 * Failed runs and runs later than the SLA, among the latest runs, with a
 * way to page back. The scorecard's reliability evidence has the totals for
 * the whole window; this list is where to look for the runs themselves.
 */
export function BreachesSection(props: { runs: RunsState; line: BreachLine }) {
  const { runs, line } = props;
  const notice = runsNotice(runs);
  let body;
  if (runs.loading) {
    body = <Skeleton width="60%" height={16} />;
  } else if (notice) {
    body = notice;
  } else {
    const found = breaches(withLags(runs.items));
    const failed = found.filter(b => b.reason === 'failed').length;
    const late = found.length - failed;
    const oldest = runs.items[runs.items.length - 1]?.finishedAt;
    const among = `the latest ${plural(runs.items.length, 'run')}${
      oldest ? ` (back to ${formatDate(oldest)})` : ''
    }`;
    body = (
      <Flex direction="column" gap="3">
        <Text variant="body-medium" data-testid="breach-count">
          {found.length === 0
            ? `No breaches among ${among}.`
            : `${plural(
                found.length,
                'breach',
                'breaches',
              )} among ${among}: ${formatCount(failed)} failed, ${formatCount(
                late,
              )} late.`}
        </Text>
        {line.slaMs === undefined && (
          <Text variant="body-small" color="secondary">
            No freshness SLA is promised, so only failed runs count as breaches.
          </Text>
        )}
        {found.length > 0 && (
          <PlainList label="SLA breaches">
            {found.map(breach => (
              <BreachItem
                key={`${breach.run.runId}:${breach.run.finishedAt}`}
                breach={breach}
                line={line}
              />
            ))}
          </PlainList>
        )}
        {runs.moreError && (
          <Alert
            status="danger"
            icon
            title="Could not load older runs"
            description={runs.moreError.message}
          />
        )}
        {runs.hasMore && (
          <div>
            <Button
              variant="secondary"
              size="small"
              onPress={runs.loadMore}
              isPending={runs.loadingMore}
            >
              Load older runs
            </Button>
          </div>
        )}
      </Flex>
    );
  }
  return (
    <Section
      title="SLA breaches"
      subtitle="Failed runs and runs later than the SLA, latest first"
    >
      {body}
    </Section>
  );
}
