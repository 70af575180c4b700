import { Flex, Grid, Skeleton, Text } from '@backstage/ui';
import { Section } from '../shared/Section';
import type { DataProductScorecard } from '../../api';
import { AbsorbedRuns } from './AbsorbedRuns';
import { ErrorBudgetGauges } from './ErrorBudgetGauges';
import { LeadTimeChart } from './LeadTimeChart';
import { LeadTimeFigures } from './LeadTimeFigures';
import { TierAtRiskFigure } from './TierAtRiskFigure';
import { VolatilityFigures } from './VolatilityFigures';

const THIRD = { initial: '1', md: '4' } as const;

/**
 * Lead time against the target, what the latest run absorbed, volatility
 * and the fragile flag, error budgets and tier at risk: the backend's
 * supply-chain figures for this scorecard, shown as served.
 */
export function SupplyChainSection(props: {
  scorecard?: DataProductScorecard;
  loading: boolean;
}) {
  const { scorecard, loading } = props;
  const supplyChain = scorecard?.supplyChain;
  let body;
  if (loading) {
    body = <Skeleton width="60%" height={16} />;
  } else if (!scorecard) {
    body = (
      <Text variant="body-medium" color="secondary">
        No scorecard yet.
      </Text>
    );
  } else if (!supplyChain) {
    body = (
      <Flex direction="column" gap="3">
        <Text variant="body-medium" color="secondary">
          This snapshot was stored before supply-chain figures were computed;
          refresh the scorecard to compute them.
        </Text>
        <TierAtRiskFigure tierAtRisk={scorecard.tierAtRisk} />
      </Flex>
    );
  } else {
    const recentRuns = supplyChain.recentRuns ?? [];
    const latest = recentRuns[0];
    const measuredRuns = recentRuns.filter(run => run.leadTimeMs !== null);
    body = (
      <Flex direction="column" gap="4">
        <Grid.Root columns={{ initial: '1', md: '12' }} gap="4">
          <Grid.Item colSpan={THIRD}>
            <LeadTimeFigures title="Lead time" summary={supplyChain.leadTime} />
          </Grid.Item>
          <Grid.Item colSpan={THIRD}>
            <LeadTimeFigures
              title="End-to-end lead time"
              summary={supplyChain.endToEndLeadTime}
            />
          </Grid.Item>
          <Grid.Item colSpan={THIRD}>
            <TierAtRiskFigure tierAtRisk={scorecard.tierAtRisk} />
          </Grid.Item>
        </Grid.Root>
        {measuredRuns.length > 0 && (
          <LeadTimeChart
            runs={recentRuns}
            targetMs={supplyChain.leadTime.evidence.targetMs}
          />
        )}
        {latest && <AbsorbedRuns run={latest} />}
        <Grid.Root columns={{ initial: '1', md: '12' }} gap="4">
          <Grid.Item colSpan={{ initial: '1', md: '6' }}>
            <VolatilityFigures
              volatility={supplyChain.volatility}
              fragile={supplyChain.fragile}
            />
          </Grid.Item>
          <Grid.Item colSpan={{ initial: '1', md: '6' }}>
            <ErrorBudgetGauges budgets={supplyChain.errorBudgets} />
          </Grid.Item>
        </Grid.Root>
      </Flex>
    );
  }
  return (
    <Section
      title="Supply chain"
      subtitle="Lead time from upstream change, volatility, error budgets and tier at risk"
    >
      {body}
    </Section>
  );
}
