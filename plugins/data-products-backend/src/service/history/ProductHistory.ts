/**
 * A product's scorecards of past days (dataproduct-spec.md "history from
 * the start"): each day's snapshot is the one the scoring task would have
 * taken at the day's last millisecond, from the runs stored now — the same
 * engine functions on the same evidence as a live snapshot
 * (ScorecardService), the window ending that day. The product's runs, its
 * upstreams' runs, checks and incidents are read once for all the days;
 * each day then measures only its own window, and the supply-chain figures
 * of every day come from one pass (`computeSupplyChainDays`).
 *
 * What a past day cannot know is not made up: no observed-schema incident
 * is opened for a past day, whether the contract ever changed is today's
 * answer, and a past day's evidence keeps the supply-chain figures but not
 * the recent runs' absorbed-run chains (served for the live snapshot).
 */
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_SCORE_THRESHOLDS,
  DEFAULT_SCORING_WINDOW_DAYS,
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  DataProductEntityV1alpha1,
  OwnershipFacts,
  QualityObservation,
  RunWindowMeter,
  SupplyChainRun,
  computeSupplyChainDays,
  firstAtOrAfter,
  judgeTierAtRisk,
  normalizeContract,
  scoreRunWindow,
  timestampMs,
} from '@stockroom/plugin-data-products-common';
import { ContractHistoryStore } from '../../database/ContractHistoryStore';
import { RunStore } from '../../database/RunStore';
import {
  LatestScores,
  ScorecardSnapshot,
  ScorecardSnapshotStore,
} from '../../database/ScorecardSnapshotStore';
import { ScoringOptions, snapshotOf } from '../runs/ScorecardService';
import {
  TIER_AT_RISK_LOOKBACK_DAYS,
  flagsOf,
} from '../runs/SupplyChainFigures';
import {
  ScoredStatuses,
  directUpstreams,
  lineageOf,
  supplyChainRun,
} from '../runs/lineageOf';
import {
  QUARTER_LOOKBACK_MS,
  consumerCountOf,
  driftFactsOf,
  upstreamDriftOf,
} from '../runs/scoringFacts';
import { UpstreamRunsCache } from '../runs/UpstreamRunsCache';
import { yieldToEventLoop } from '../runs/yieldToEventLoop';

const DAY_MS = 24 * 60 * 60 * 1000;

export class ProductHistory {
  private readonly windowDays: number;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: RunStore;
      snapshots: ScorecardSnapshotStore;
      contractHistory?: ContractHistoryStore;
    } & ScoringOptions,
  ) {
    this.windowDays = deps.windowDays ?? DEFAULT_SCORING_WINDOW_DAYS;
  }

  /**
   * The snapshots of `product` taken at each of `days` (instants, oldest
   * first), not stored. Tier at risk on each day reads the stored
   * snapshots of the days before, and the ones computed here for earlier
   * days of `days` in their place.
   */
  async snapshotsAt(
    product: Entity,
    days: readonly Date[],
    ownership: OwnershipFacts,
    /** Upstream runs shared across the products of one pass. */
    upstreamRuns?: UpstreamRunsCache,
  ): Promise<ScorecardSnapshot[]> {
    if (days.length === 0) return [];
    const { store, contractHistory } = this.deps;
    const settings = this.deps.supplyChain ?? DEFAULT_SUPPLY_CHAIN_SETTINGS;
    const entityRef = stringifyEntityRef(product);
    const { contract } = normalizeContract(
      product as DataProductEntityV1alpha1,
    );
    const firstMs = days[0].getTime();
    const last = days[days.length - 1];
    const from = new Date(firstMs - this.windowDays * DAY_MS);
    const quarterFrom = new Date(firstMs - QUARTER_LOOKBACK_MS);
    const statuses: ScoredStatuses = this.deps.abortCountsAsFailure
      ? ['success', 'failed', 'aborted']
      : ['success', 'failed'];

    const runs = await this.readRuns(entityRef, from, last, statuses);
    const [checks, drift, observed, stored] = await Promise.all([
      store.listQualityChecks(entityRef, from, last),
      driftFactsOf(contractHistory, entityRef, quarterFrom),
      store.hasObservedSchema(entityRef),
      this.deps.snapshots.scoreHistory(
        entityRef,
        new Date(firstMs - TIER_AT_RISK_LOOKBACK_DAYS * DAY_MS),
        last,
      ),
    ]);
    const leanRuns = runs.map(supplyChainRun);
    const graph = await lineageOf(
      product,
      leanRuns,
      {
        catalog: this.deps.catalog,
        credentials: () => this.deps.auth.getOwnServiceCredentials(),
        store,
        upstreamRuns,
      },
      {
        upstreamFrom: new Date(firstMs - 2 * this.windowDays * DAY_MS),
        to: last,
        statuses,
      },
    );
    const target = (product.spec?.leadTime as { target?: unknown } | undefined)
      ?.target;
    const supplyChains = computeSupplyChainDays(
      {
        entityRef,
        graph,
        freshness: contract.freshness,
        leadTimeTarget: typeof target === 'string' ? target : undefined,
        upstreamDrift: await upstreamDriftOf(
          contractHistory,
          directUpstreams({
            upstreams: graph.product(entityRef)?.upstreams ?? [],
            runs: leanRuns,
          }),
          quarterFrom,
        ),
        windowDays: this.windowDays,
      },
      days,
      settings,
    );

    // The store reads runs oldest finish first, each with a finish.
    const finishedMs = runs.map(run => timestampMs(run.finishedAt));
    const category = product.spec?.category;
    // The catalog's today: the same for every past day.
    const consumerCount = consumerCountOf(product);
    const history: LatestScores[] = [...stored];
    const snapshots: ScorecardSnapshot[] = [];
    for (const [i, day] of days.entries()) {
      const dayMs = day.getTime();
      const windowFromMs = dayMs - this.windowDays * DAY_MS;
      const meter = new RunWindowMeter(day, this.windowDays);
      const start = firstAtOrAfter(finishedMs, windowFromMs);
      const end = firstAtOrAfter(finishedMs, dayMs + 1);
      for (let r = start; r < end; r++) {
        const run = runs[r];
        meter.add(
          run.status === 'aborted' ? { ...run, status: 'failed' } : run,
        );
      }
      const scorecard = scoreRunWindow(
        meter.result(),
        {
          contract,
          checks: checksWithin(checks, windowFromMs, dayMs),
          drift: {
            openedAt: drift.incidentsOpenedAt.filter(at => {
              const ms = at.getTime();
              return ms >= dayMs - QUARTER_LOOKBACK_MS && ms <= dayMs;
            }),
            hasStabilityEvidence: observed || drift.hasContractChange,
          },
          ownership,
          consumerCount,
        },
        day,
        this.deps.thresholds ?? DEFAULT_SCORE_THRESHOLDS,
      );
      const snapshot = snapshotOf(entityRef, day, scorecard);
      const tierAtRisk = judgeTierAtRisk(
        typeof category === 'string' ? category : undefined,
        [...history, snapshot],
        day,
        settings,
      );
      snapshot.evidence.supplyChain = { ...supplyChains[i], recentRuns: [] };
      snapshot.evidence.tierAtRisk = tierAtRisk;
      snapshot.flags = flagsOf(supplyChains[i], tierAtRisk);
      history.push(snapshot);
      snapshots.push(snapshot);
      await yieldToEventLoop();
    }
    return snapshots;
  }

  /** The product's scored runs finished in [from, to], oldest finish first. */
  private async readRuns(
    entityRef: string,
    from: Date,
    to: Date,
    statuses: ScoredStatuses,
  ): Promise<SupplyChainRun[]> {
    const runs: SupplyChainRun[] = [];
    for await (const chunk of this.deps.store.scoringRuns(entityRef, {
      from,
      to,
      statuses,
      chunkSize: this.deps.chunkSize,
    })) {
      runs.push(...chunk);
      await yieldToEventLoop();
    }
    return runs;
  }
}

function checksWithin(
  checks: readonly QualityObservation[],
  fromMs: number,
  toMs: number,
): QualityObservation[] {
  return checks.filter(check => {
    const ms = timestampMs(check.observedAt);
    return ms >= fromMs && ms <= toMs;
  });
}
