import { useId } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import type { ScoreDimension } from '@stockroom/plugin-data-products-common';
import type { DataProductScorecard } from '../../api';
import { DIMENSION_INFO } from '../shared/dimensions';
import { evidenceFacts } from './evidenceFacts';
import { isKnownScore, ScoreBadge } from '../shared/ScoreBadge';

/**
 * One dimension: its score (or "unknown" and why), the backend's summary in
 * plain words and the numbers behind it.
 */
export function DimensionCard(props: {
  dimension: ScoreDimension;
  scorecard: DataProductScorecard;
}) {
  const { dimension, scorecard } = props;
  const headingId = useId();
  const info = DIMENSION_INFO[dimension];
  const result = scorecard.dimensions[dimension];
  const known = isKnownScore(result?.score);
  const facts = evidenceFacts(dimension, scorecard);

  return (
    <Card
      role="group"
      aria-labelledby={headingId}
      data-testid={`dimension-${dimension}`}
      style={{ height: '100%' }}
    >
      <CardHeader>
        <Flex justify="between" align="center" gap="2">
          <Text as="h3" variant="title-x-small" weight="bold" id={headingId}>
            {info.label}
          </Text>
          <ScoreBadge score={result?.score} />
        </Flex>
        <Text variant="body-x-small" color="secondary">
          {info.measures}
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          <Text
            variant="body-medium"
            data-testid="dimension-summary"
            style={{ wordBreak: 'break-word' }}
          >
            {result?.summary ?? 'The backend sent no summary for this score.'}
          </Text>
          {!known && (
            <Text variant="body-small" color="secondary">
              {`Unknown, not a guess: there is no evidence to score it yet. ${info.needs}`}
            </Text>
          )}
          {facts.length > 0 && (
            <dl
              aria-label={`${info.label} evidence`}
              style={{
                display: 'grid',
                gridTemplateColumns: 'minmax(8em, max-content) 1fr',
                columnGap: 12,
                rowGap: 2,
                margin: 0,
              }}
            >
              {facts.map((fact, index) => (
                <div key={index} style={{ display: 'contents' }}>
                  <dt>
                    <Text variant="body-small" color="secondary">
                      {fact.label}
                    </Text>
                  </dt>
                  <dd style={{ margin: 0 }}>
                    <Text
                      variant="body-small"
                      style={{ wordBreak: 'break-word' }}
                    >
                      {fact.value}
                    </Text>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
