import { Grid, Skeleton, Text } from '@backstage/ui';
import type { DataProductScorecard } from '../../api';
import { Section } from '../shared/Section';
import { DimensionCard } from './DimensionCard';
import { DIMENSIONS } from '../shared/dimensions';

/** The seven dimensions, each with its score, summary and evidence. */
export function DimensionsSection(props: {
  scorecard: DataProductScorecard | undefined;
  loading: boolean;
  error?: Error;
}) {
  const { scorecard, loading, error } = props;
  let body;
  if (loading) {
    body = <Skeleton width="100%" height={120} />;
  } else if (error || !scorecard) {
    body = (
      <Text variant="body-medium" color="secondary">
        {error
          ? 'The scores could not be loaded (see above).'
          : 'No scores to show.'}
      </Text>
    );
  } else {
    body = (
      <Grid.Root columns={{ initial: '1', sm: '2', lg: '3' }} gap="3">
        {DIMENSIONS.map(dimension => (
          <Grid.Item key={dimension}>
            <DimensionCard dimension={dimension} scorecard={scorecard} />
          </Grid.Item>
        ))}
      </Grid.Root>
    );
  }
  return (
    <Section
      title="Dimensions"
      subtitle="Each score with the evidence behind it, in the backend's words and numbers"
    >
      {body}
    </Section>
  );
}
