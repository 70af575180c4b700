import { Flex, Text } from '@backstage/ui';
import { SubHeading } from '../shared/Section';
import { LabelledValue, TextValue } from '../shared/values';
import { formatLag, plural } from '../shared/format';
import type { LeadTimeSummary } from './supplyChainTypes';

function overTargetText(summary: LeadTimeSummary): string | undefined {
  if (summary.overTarget === true) return 'P95 over target';
  if (summary.overTarget === false) return 'P95 within target';
  return undefined;
}

/**
 * P50 and P95 of one lead-time summary against the target. When nothing was
 * measured the backend's summary says why, in place of any number.
 */
export function LeadTimeFigures(props: {
  title: string;
  summary: LeadTimeSummary;
}) {
  const { title, summary } = props;
  const { evidence } = summary;
  const measured = summary.p50Ms !== null && summary.p95Ms !== null;
  const verdict = overTargetText(summary);
  return (
    <Flex direction="column" gap="1" data-testid="lead-time">
      <SubHeading>{title}</SubHeading>
      {measured ? (
        <>
          <LabelledValue label="P50">
            <TextValue value={formatLag(summary.p50Ms!)} />
          </LabelledValue>
          <LabelledValue label="P95">
            <TextValue value={formatLag(summary.p95Ms!)} />
          </LabelledValue>
        </>
      ) : (
        <Text variant="body-medium" color="secondary">
          Unknown: {summary.summary}
        </Text>
      )}
      <LabelledValue label="Target">
        <TextValue
          value={
            evidence.targetMs === null
              ? 'no leadTime.target declared'
              : formatLag(evidence.targetMs)
          }
        />
      </LabelledValue>
      {verdict && (
        <Text
          variant="body-small"
          weight="bold"
          color={summary.overTarget ? 'danger' : 'success'}
        >
          {verdict}
        </Text>
      )}
      <Text variant="body-small" color="secondary">
        {`${plural(evidence.measuredRuns, 'run')} measured of ${plural(
          evidence.successfulRuns,
          'successful run',
        )}`}
        {evidence.unmeasured.length > 0 &&
          `; not measured: ${evidence.unmeasured
            .map(u => `${u.cause} (${u.runs})`)
            .join(', ')}`}
      </Text>
    </Flex>
  );
}
