import { Alert, Button, Flex, Skeleton, Text } from '@backstage/ui';
import type { DataProductScorecard } from '../../api';
import { Section } from '../shared/Section';
import { DIMENSION_INFO, DIMENSIONS } from '../shared/dimensions';
import { formatDate, formatDateTime, plural } from '../shared/format';
import { isKnownScore } from '../shared/ScoreBadge';

/** What became of the last Refresh press. */
export type RefreshOutcome =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'done'; at: string }
  | { state: 'forbidden' }
  | { state: 'failed'; message: string };

function RefreshMessage(props: { outcome: RefreshOutcome }) {
  const { outcome } = props;
  switch (outcome.state) {
    case 'done':
      return (
        <Alert
          status="success"
          icon
          title={`Scorecard refreshed: computed ${formatDateTime(outcome.at)}.`}
        />
      );
    case 'forbidden':
      return (
        <Alert
          status="warning"
          icon
          title="You are not allowed to refresh this scorecard"
          description="Refreshing needs the permission stockroom.scorecard.refresh on this data product. The backend re-scores every product on its own schedule; ask the product's owner or a platform admin if you need a refresh now."
        />
      );
    case 'failed':
      return (
        <Alert
          status="danger"
          icon
          title="Could not refresh the scorecard"
          description={outcome.message}
        />
      );
    default:
      return null;
  }
}

/** The overall score, what it is the mean of, when and over which runs. */
function Overall(props: { scorecard: DataProductScorecard }) {
  const { scorecard } = props;
  const unknown = DIMENSIONS.filter(
    d => !isKnownScore(scorecard.dimensions[d]?.score),
  );
  const known = DIMENSIONS.length - unknown.length;
  const overall = scorecard.overall;
  const { window } = scorecard;
  return (
    <Flex direction="column" gap="1">
      <Flex align="baseline" gap="2">
        <Text
          variant="title-large"
          weight="bold"
          data-testid="overall-score"
          data-score={isKnownScore(overall) ? String(overall) : 'unknown'}
        >
          {isKnownScore(overall) ? String(overall) : 'unknown'}
        </Text>
        {isKnownScore(overall) && (
          <Text variant="body-large" color="secondary">
            / 5 overall
          </Text>
        )}
      </Flex>
      <Text variant="body-small" color="secondary">
        {isKnownScore(overall)
          ? `The mean of the ${plural(known, 'known dimension')}, one decimal${
              unknown.length > 0
                ? `; ${unknown
                    .map(d =>
                      DIMENSION_INFO[d].label.toLocaleLowerCase('en-US'),
                    )
                    .join(', ')} ${
                    unknown.length === 1 ? 'is' : 'are'
                  } unknown and not counted`
                : ''
            }.`
          : 'No dimension has evidence yet, so there is no overall score.'}
      </Text>
      <Text variant="body-small" color="secondary">
        {`Computed ${formatDateTime(
          scorecard.computedAt,
        )} over the runs from ${formatDate(window.from)} to ${formatDate(
          window.to,
        )}: ${plural(window.runs, 'run')}.`}
      </Text>
    </Flex>
  );
}

/**
 * The top of the tab: the overall score (or why there is none), and the
 * Refresh button, which asks the backend to score the product now.
 */
export function OverallSection(props: {
  scorecard: DataProductScorecard | undefined;
  loading: boolean;
  error?: Error;
  refresh: () => void;
  outcome: RefreshOutcome;
}) {
  const { scorecard, loading, error, outcome } = props;
  let body;
  if (loading) {
    body = <Skeleton width="40%" height={32} />;
  } else if (error) {
    body = (
      <Alert
        status="danger"
        icon
        title="Could not load the scorecard"
        description={error.message}
      />
    );
  } else if (!scorecard) {
    body = (
      <Text variant="body-medium" color="secondary">
        The Stockroom backend has no scorecard for this product. Is the backend
        plugin @stockroom/plugin-data-products-backend installed, and can it see
        this entity in the catalog?
      </Text>
    );
  } else {
    body = <Overall scorecard={scorecard} />;
  }

  return (
    <Section
      title="Scorecard"
      subtitle="Seven dimensions scored 1–5 from evidence by the Stockroom backend; unknown where there is none"
    >
      <Flex direction="column" gap="3">
        {body}
        <Flex align="center" gap="2">
          <Button
            variant="secondary"
            size="small"
            onPress={props.refresh}
            isPending={outcome.state === 'pending'}
          >
            Refresh
          </Button>
          <Text variant="body-x-small" color="secondary">
            Score it again now from the latest runs and catalog data.
          </Text>
        </Flex>
        <RefreshMessage outcome={outcome} />
      </Flex>
    </Section>
  );
}
