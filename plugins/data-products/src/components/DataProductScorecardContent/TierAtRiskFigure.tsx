import { Flex, Text } from '@backstage/ui';
import { SubHeading } from '../shared/Section';
import { formatDate } from '../shared/format';
import type { TierAtRisk } from './supplyChainTypes';

function headline(tier: TierAtRisk): string {
  if (!tier.applies) return 'Not judged: only core entities and shared marts';
  if (tier.atRisk === true) {
    return `At risk${
      tier.atRiskSince ? ` since ${formatDate(tier.atRiskSince)}` : ''
    }`;
  }
  if (tier.atRisk === false) return 'Not at risk';
  return 'Unknown';
}

/** Whether a core entity or shared mart has been failing its tier. */
export function TierAtRiskFigure(props: { tierAtRisk?: TierAtRisk | null }) {
  const tier = props.tierAtRisk;
  return (
    <Flex direction="column" gap="1" data-testid="tier-at-risk">
      <SubHeading>Tier at risk</SubHeading>
      {!tier ? (
        <Text variant="body-medium" color="secondary">
          Not judged for this snapshot yet.
        </Text>
      ) : (
        <>
          <Text
            variant="body-medium"
            weight="bold"
            color={tier.atRisk === true ? 'danger' : undefined}
          >
            {headline(tier)}
          </Text>
          <Text variant="body-small">{tier.summary}</Text>
          {tier.applies && (
            <Text variant="body-small" color="secondary">
              {`Days scoring ≤ 2: freshness ${tier.freshness.daysAtMost2}, reliability ${tier.reliability.daysAtMost2}`}
              {tier.period &&
                ` (${formatDate(tier.period.from)} to ${formatDate(
                  tier.period.to,
                )}, ${tier.period.days} days)`}
            </Text>
          )}
          {tier.missingDays.length > 0 && (
            <Text variant="body-small" color="secondary">
              Missing snapshots: {tier.missingDays.join(', ')}
            </Text>
          )}
        </>
      )}
    </Flex>
  );
}
