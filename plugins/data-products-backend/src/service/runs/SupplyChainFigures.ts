/**
 * A product's supply-chain figures at scoring time (dataproduct-spec.md
 * "Supply chain: lead time, volatility, error budget"), stored in the
 * snapshot's evidence beside the scores: lead time, end-to-end lead time,
 * volatility, the fragile flag and error budgets (-common's
 * `computeSupplyChain`, in turns of the event loop), and the tier-at-risk verdict over the daily
 * snapshots (`judgeTierAtRisk`). Nothing here decides a figure; it reads
 * the runs, lineage and snapshots the engine needs.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  EndToEndLeadTime,
  LineageGraph,
  NormalizedContract,
  RunLeadTime,
  SupplyChainReport,
  SupplyChainRun,
  SupplyChainSettings,
  TierAtRisk,
  UpstreamRunIndex,
  judgeTierAtRisk,
  runLeadTime,
} from '@stockroom/plugin-data-products-common';
import { ContractHistoryStore } from '../../database/ContractHistoryStore';
import { RunStore } from '../../database/RunStore';
import {
  ScorecardSnapshot,
  ScorecardSnapshotStore,
  SnapshotFlags,
} from '../../database/ScorecardSnapshotStore';
import { computeSupplyChainInTurns } from './computeSupplyChainInTurns';
import { UpstreamRunsCache } from './UpstreamRunsCache';
import { ScoredStatuses, directUpstreams, lineageOf } from './lineageOf';
import { QUARTER_LOOKBACK_MS, upstreamDriftOf } from './scoringFacts';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How far back a tier-at-risk streak is followed: the history's length. A
 * streak longer than this has its first day moved forward each day.
 */
export const TIER_AT_RISK_LOOKBACK_DAYS = 90;
/** The newest runs whose absorbed upstream runs and chains are served. */
export const RECENT_RUNS = 20;

/**
 * One recent run of a product: its lead time with the upstream runs it
 * absorbed, and its end-to-end chain up to the origin run — what a reader
 * follows from a change upstream to this run.
 */
export type RecentRun = RunLeadTime & {
  endToEnd: Pick<
    EndToEndLeadTime,
    'leadTimeMs' | 'origin' | 'chain' | 'reason' | 'cause'
  >;
};

/** What is stored and served: the engine's report and the recent runs. */
export type SupplyChainEvidence = SupplyChainReport & {
  recentRuns: RecentRun[];
};

export class SupplyChainFigures {
  private readonly settings: SupplyChainSettings;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: RunStore;
      snapshots: ScorecardSnapshotStore;
      contractHistory?: ContractHistoryStore;
      windowDays: number;
      abortCountsAsFailure?: boolean;
      supplyChain?: SupplyChainSettings;
    },
  ) {
    this.settings = deps.supplyChain ?? DEFAULT_SUPPLY_CHAIN_SETTINGS;
  }

  /**
   * The figures of `product` from its runs in the window (as scoring read
   * them) and its ancestors' runs from one window further back, so the
   * first runs of the window find what they absorbed.
   */
  async compute(
    product: Entity,
    contract: NormalizedContract,
    productRuns: readonly SupplyChainRun[],
    now: Date,
    upstreamRuns?: UpstreamRunsCache,
  ): Promise<SupplyChainEvidence> {
    const { windowDays } = this.deps;
    const statuses: ScoredStatuses = this.deps.abortCountsAsFailure
      ? ['success', 'failed', 'aborted']
      : ['success', 'failed'];
    const graph = await lineageOf(
      product,
      productRuns,
      {
        catalog: this.deps.catalog,
        credentials: () => this.deps.auth.getOwnServiceCredentials(),
        store: this.deps.store,
        upstreamRuns,
      },
      {
        upstreamFrom: new Date(now.getTime() - 2 * windowDays * DAY_MS),
        to: now,
        statuses,
      },
    );
    const entityRef = stringifyEntityRef(product);
    const target = (product.spec?.leadTime as { target?: unknown } | undefined)
      ?.target;
    const report = await computeSupplyChainInTurns(
      {
        entityRef,
        graph,
        freshness: contract.freshness,
        leadTimeTarget: typeof target === 'string' ? target : undefined,
        upstreamDrift: await upstreamDriftOf(
          this.deps.contractHistory,
          directUpstreams({
            upstreams: graph.product(entityRef)?.upstreams ?? [],
            runs: productRuns,
          }),
          new Date(now.getTime() - QUARTER_LOOKBACK_MS),
        ),
        windowDays,
      },
      now,
      this.settings,
    );
    return { ...report, recentRuns: recentRuns(graph, entityRef, productRuns) };
  }

  /**
   * Tier at risk on the day of `current`: its freshness and reliability
   * scores with the stored snapshots of the days before.
   */
  async tierAtRisk(
    product: Entity,
    current: ScorecardSnapshot,
  ): Promise<TierAtRisk> {
    const now = current.takenAt;
    // Scores only, no evidence parsed. The whole kept history, not just
    // the period: a streak's first day (atRiskSince, what makes the owner
    // notice once per streak) must stay put while the streak goes on.
    const stored = await this.deps.snapshots.scoreHistory(
      current.entityRef,
      new Date(now.getTime() - TIER_AT_RISK_LOOKBACK_DAYS * DAY_MS),
      now,
    );
    const category = product.spec?.category;
    return judgeTierAtRisk(
      typeof category === 'string' ? category : undefined,
      [...stored, current],
      now,
      this.settings,
    );
  }
}

/**
 * The inventory's flags of a product's figures. A budget is exhausted when
 * either the p95 or the p99 one is; not when both are known not to be;
 * unknown otherwise.
 */
export function flagsOf(
  supplyChain: SupplyChainReport,
  tierAtRisk: TierAtRisk,
): SnapshotFlags {
  const budgets = [
    supplyChain.errorBudgets.p95.exhausted,
    supplyChain.errorBudgets.p99.exhausted,
  ];
  let budgetExhausted: boolean | null = null;
  if (budgets.includes(true)) budgetExhausted = true;
  else if (budgets.every(exhausted => exhausted === false)) {
    budgetExhausted = false;
  }
  return {
    fragile: supplyChain.fragile.fragile,
    tierAtRisk: tierAtRisk.atRisk,
    budgetExhausted,
  };
}

/**
 * The newest successful runs (at most {@link RECENT_RUNS}), newest first,
 * each with what it absorbed and its chain. `productRuns` come oldest
 * finish first, as the store reads them.
 */
export function recentRuns(
  graph: LineageGraph,
  entityRef: string,
  productRuns: readonly SupplyChainRun[],
): RecentRun[] {
  const product = graph.product(entityRef);
  if (!product) return [];
  // A run's own lead time looks up its direct upstreams only.
  const index = new UpstreamRunIndex(
    directUpstreams(product).flatMap(ref => graph.product(ref) ?? []),
  );
  const recent: RecentRun[] = [];
  for (let i = productRuns.length - 1; i >= 0; i--) {
    if (recent.length === RECENT_RUNS) break;
    const run = productRuns[i];
    const leadTime = runLeadTime(run, product, index);
    const e2e = graph.endToEnd(product, run, { chains: true });
    if (!leadTime || !e2e) continue;
    recent.push({
      ...leadTime,
      endToEnd: {
        leadTimeMs: e2e.leadTimeMs,
        origin: e2e.origin,
        chain: e2e.chain,
        reason: e2e.reason,
        cause: e2e.cause,
      },
    });
  }
  return recent;
}
