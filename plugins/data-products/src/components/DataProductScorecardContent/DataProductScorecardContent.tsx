import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@backstage/ui';
import { dataProductsApiRef } from '../../api';
import { BreachesSection } from './BreachesSection';
import { DimensionsSection } from './DimensionsSection';
import { num } from '../shared/format';
import { HowScoredSection } from './HowScoredSection';
import { IncidentsSection, type Quarter } from './IncidentsSection';
import { OverallSection } from './OverallSection';
import { SupplyChainSection } from './SupplyChainSection';
import { LagTrendSection, ScoreTrendSection } from './TrendsSection';
import { useRuns, useScorecard } from './useScorecardData';

/** @public */
export interface DataProductScorecardContentProps {
  /** Days of history the trend charts show; default 90. */
  historyDays?: number;
  /** Runs loaded per page for the breach list; default 200 (at most 500). */
  runsPageSize?: number;
}

const FULL = { initial: '1', md: '12' } as const;
const HALF = { initial: '1', md: '6' } as const;

function quarterOf(evidence: unknown): Quarter | undefined {
  const quarter = (evidence as { quarter?: Record<string, unknown> } | null)
    ?.quarter;
  if (
    typeof quarter?.label === 'string' &&
    typeof quarter.from === 'string' &&
    typeof quarter.to === 'string'
  ) {
    return { label: quarter.label, from: quarter.from, to: quarter.to };
  }
  return undefined;
}

/**
 * The Scorecard tab of a DataProduct: the overall score and the seven
 * dimensions with their evidence, the supply chain (lead time, volatility,
 * error budgets, tier at risk), trends of the scores and of the freshness
 * lag against the SLA, the SLA breaches, the drift incidents and how it is
 * all scored. Every score comes from the Stockroom backend; this tab only
 * shows them, and each section loads (and fails) on its own.
 *
 * @public
 */
export function DataProductScorecardContent(
  props: DataProductScorecardContentProps,
) {
  const { entity } = useEntity();
  const api = useApi(dataProductsApiRef);
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const days = props.historyDays ?? 90;
  const pageSize = Math.min(Math.max(props.runsPageSize ?? 200, 1), 500);

  const card = useScorecard(api, entityRef, days);
  const runs = useRuns(api, entityRef, pageSize);
  const incidents = useAsync(
    () => api.getIncidents(entityRef),
    [api, entityRef.namespace, entityRef.name],
  );

  const dimensions = card.scorecard?.dimensions;
  const freshness = dimensions?.freshness.evidence;
  const reliability = dimensions?.reliability.evidence;

  return (
    <Grid.Root columns={{ initial: '1', md: '12' }} gap="4">
      <Grid.Item colSpan={FULL}>
        <OverallSection
          scorecard={card.scorecard}
          loading={card.loading}
          error={card.error}
          refresh={card.refresh}
          outcome={card.outcome}
        />
      </Grid.Item>
      <Grid.Item colSpan={FULL}>
        <DimensionsSection
          scorecard={card.scorecard}
          loading={card.loading}
          error={card.error}
        />
      </Grid.Item>
      <Grid.Item colSpan={FULL}>
        <SupplyChainSection scorecard={card.scorecard} loading={card.loading} />
      </Grid.Item>
      <Grid.Item colSpan={HALF}>
        <ScoreTrendSection history={card.history} days={days} />
      </Grid.Item>
      <Grid.Item colSpan={HALF}>
        <LagTrendSection
          history={card.history}
          runs={runs}
          promise={{
            p95Ms: num(freshness?.promisedP95Ms),
            p99Ms: num(freshness?.promisedP99Ms),
          }}
        />
      </Grid.Item>
      <Grid.Item colSpan={HALF}>
        <BreachesSection
          runs={runs}
          line={{
            slaMs: num(reliability?.slaMs),
            percentile:
              typeof reliability?.slaPercentile === 'string'
                ? reliability.slaPercentile.toUpperCase()
                : undefined,
          }}
        />
      </Grid.Item>
      <Grid.Item colSpan={HALF}>
        <IncidentsSection
          items={incidents.value?.items}
          loading={incidents.loading}
          error={incidents.error}
          quarter={quarterOf(dimensions?.stability.evidence)}
        />
      </Grid.Item>
      <Grid.Item colSpan={FULL}>
        <HowScoredSection scorecard={card.scorecard} />
      </Grid.Item>
    </Grid.Root>
  );
}
