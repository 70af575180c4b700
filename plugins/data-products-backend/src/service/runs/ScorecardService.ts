import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_MEMBER,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DataProductEntityV1alpha1,
  DEFAULT_SCORE_THRESHOLDS,
  DEFAULT_SCORING_WINDOW_DAYS,
  NormalizedContract,
  OwnershipFacts,
  ScoreThresholds,
  RunWindow,
  RunWindowMeter,
  Scorecard,
  SupplyChainRun,
  SupplyChainSettings,
  scoreRunWindow,
  normalizeContract,
} from '@stockroom/plugin-data-products-common';
import { ContractHistoryStore } from '../../database/ContractHistoryStore';
import { ObservedSchema, RunStore } from '../../database/RunStore';
import {
  SCORECARD_DIMENSIONS,
  ScorecardSnapshot,
  ScorecardSnapshotStore,
} from '../../database/ScorecardSnapshotStore';
import { ownersOf } from '../entityRefs';
import { observedDriftIncident } from './observedDriftIncident';
import { supplyChainRun } from './lineageOf';
import { SupplyChainFigures, flagsOf } from './SupplyChainFigures';
import { UpstreamRunsCache } from './UpstreamRunsCache';
import { yieldToEventLoop } from './yieldToEventLoop';
import {
  QUARTER_LOOKBACK_MS,
  consumerCountOf,
  driftFactsOf,
} from './scoringFacts';

const DAY_MS = 24 * 60 * 60 * 1000;
// Owner groups per catalog request.
const REFS_PER_REQUEST = 100;

/** How scorecards are computed; the spec's defaults unless configured. */
export interface ScoringOptions {
  windowDays?: number;
  thresholds?: ScoreThresholds;
  /** `stockroom.runs.abortCountsAsFailure`: score ABORTed runs as failed. */
  abortCountsAsFailure?: boolean;
  /** Runs read per chunk while scoring; the store's default otherwise. */
  chunkSize?: number;
  /** `stockroom.supplyChain`: volatility, error-budget and tier-at-risk thresholds. */
  supplyChain?: SupplyChainSettings;
}

/**
 * Gathers a product's evidence (runs in the window, drift incidents, owner
 * group facts, consumers), has the rule engine score it, and snapshots the
 * result. Scores themselves are the engine's (`scoreRunWindow`, the same
 * rules as `computeScorecard`); nothing here decides one. Runs are read in
 * chunks and reduced as they arrive, yielding to the event loop between
 * chunks, so scoring a product with hundreds of thousands of runs neither
 * holds them in memory nor stalls the requests served meanwhile.
 *
 * Before scoring, the product's latest observed schema is compared with its
 * contract (the engine's `observedSchemaDrift`) and a drift opens an
 * incident in the contract-history store, so the stability score of the
 * same snapshot counts it. Without that store (`contractHistory`), no
 * observed-schema incident is opened and no incident or contract change is
 * counted.
 */
export class ScorecardService {
  private readonly windowDays: number;
  /** The thresholds every score is computed with; the scorecard API serves them. */
  readonly thresholds: ScoreThresholds;
  private readonly abortCountsAsFailure: boolean;
  private readonly chunkSize?: number;
  private readonly supplyChain: SupplyChainFigures;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: RunStore;
      /** Where snapshots are stored. */
      snapshots: ScorecardSnapshotStore;
      /** Where drift incidents are opened and read, and contract changes read. */
      contractHistory?: ContractHistoryStore;
      logger?: LoggerService;
    } & ScoringOptions,
  ) {
    this.windowDays = deps.windowDays ?? DEFAULT_SCORING_WINDOW_DAYS;
    this.thresholds = deps.thresholds ?? DEFAULT_SCORE_THRESHOLDS;
    this.abortCountsAsFailure = deps.abortCountsAsFailure ?? false;
    this.chunkSize = deps.chunkSize;
    this.supplyChain = new SupplyChainFigures({
      ...deps,
      windowDays: this.windowDays,
    });
  }

  /**
   * Scores `product` at `now` and stores the snapshot. Owner facts are read
   * from the catalog unless given (the scheduled task reads them for every
   * product at once).
   */
  async snapshot(
    product: Entity,
    now: Date,
    ownership?: OwnershipFacts,
    /** A scoring pass shares the upstream runs it read across its products. */
    upstreamRuns?: UpstreamRunsCache,
  ): Promise<ScorecardSnapshot> {
    const entityRef = stringifyEntityRef(product);
    // Explicit fields merged over a mapped ODCS document, as every surface
    // reads contracts.
    const { contract } = normalizeContract(
      product as DataProductEntityV1alpha1,
    );
    // Read once: it is both the drift checked and the stability evidence.
    const observed = await this.deps.store.latestObservedSchema(entityRef);
    await this.openObservedDrift(entityRef, contract, observed, now);
    const productRuns: SupplyChainRun[] = [];
    const scorecard = await this.score(
      product,
      contract,
      now,
      ownership ?? (await this.ownershipOf(product)),
      productRuns,
      observed !== undefined,
    );
    const snapshot = snapshotOf(entityRef, now, scorecard);
    // Beside the scores, not scored: what the scorecard's "Supply chain"
    // section and the inventory's flags read.
    const supplyChain = await this.supplyChain.compute(
      product,
      contract,
      productRuns,
      now,
      upstreamRuns,
    );
    const tierAtRisk = await this.supplyChain.tierAtRisk(product, snapshot);
    snapshot.evidence.supplyChain = supplyChain;
    snapshot.evidence.tierAtRisk = tierAtRisk;
    snapshot.flags = flagsOf(supplyChain, tierAtRisk);
    await this.deps.snapshots.insertSnapshot(snapshot);
    return snapshot;
  }

  /** Ownership facts of many products, in a few catalog reads. */
  async ownershipOfAll(
    products: Entity[],
  ): Promise<Map<string, OwnershipFacts>> {
    const ownerOf = new Map(
      products.map(product => [stringifyEntityRef(product), ownerRef(product)]),
    );
    const groupRefs = [
      ...new Set(
        [...ownerOf.values()].filter((ref): ref is string => ref !== undefined),
      ),
    ];
    const groups = await this.readGroups(groupRefs);
    return new Map(
      [...ownerOf].map(([productRef, owner]) => [
        productRef,
        factsOf(owner ? groups.get(owner) : undefined),
      ]),
    );
  }

  /**
   * Opens the observed-schema drift incident of the product's latest
   * observed schema, if it drifts and no incident of that drift is open.
   * True when one was opened now.
   */
  private async openObservedDrift(
    entityRef: string,
    contract: NormalizedContract,
    observed: ObservedSchema | undefined,
    now: Date,
  ): Promise<boolean> {
    const { contractHistory, logger } = this.deps;
    if (!contractHistory) return false;
    const incident = observed
      ? observedDriftIncident(entityRef, contract, observed, now)
      : undefined;
    if (!incident) return false;
    const opened = await contractHistory.openIncident(incident);
    if (opened) {
      const drift = incident.details.drift as Array<{ message: string }>;
      logger?.info(
        `Opened an observed-schema drift incident for ${entityRef}: ${drift
          .map(d => d.message)
          .join('; ')}`,
      );
    }
    return opened;
  }

  private async score(
    product: Entity,
    contract: NormalizedContract,
    now: Date,
    ownership: OwnershipFacts,
    runs: SupplyChainRun[],
    hasObservedSchema: boolean,
  ): Promise<Scorecard> {
    const { store } = this.deps;
    const entityRef = stringifyEntityRef(product);
    const from = new Date(now.getTime() - this.windowDays * DAY_MS);
    const [window, checks, drift] = await Promise.all([
      this.measureRuns(entityRef, from, now, runs),
      store.listQualityChecks(entityRef, from, now),
      driftFactsOf(
        this.deps.contractHistory,
        entityRef,
        new Date(now.getTime() - QUARTER_LOOKBACK_MS),
      ),
    ]);
    return scoreRunWindow(
      window,
      {
        contract,
        checks,
        drift: {
          openedAt: drift.incidentsOpenedAt,
          hasStabilityEvidence: hasObservedSchema || drift.hasContractChange,
        },
        ownership,
        consumerCount: consumerCountOf(product),
      },
      now,
      this.thresholds,
    );
  }

  /**
   * The window's runs, read a chunk at a time and reduced as they come
   * (counts, lags, rate sums): memory stays at a chunk plus a number per
   * run however many runs the window holds, and other requests are served
   * between chunks rather than after the whole window. Each run is also
   * kept, without its column counts, in `runs`: the product's runs of its
   * supply-chain figures, read once.
   */
  private async measureRuns(
    entityRef: string,
    from: Date,
    now: Date,
    runs: SupplyChainRun[],
  ): Promise<RunWindow> {
    const meter = new RunWindowMeter(now, this.windowDays);
    // An abort is neither success nor failure, unless the platform says so.
    const chunks = this.deps.store.scoringRuns(entityRef, {
      from,
      to: now,
      statuses: this.abortCountsAsFailure
        ? ['success', 'failed', 'aborted']
        : ['success', 'failed'],
      chunkSize: this.chunkSize,
    });
    for await (const chunk of chunks) {
      for (const run of chunk) {
        meter.add(
          run.status === 'aborted' ? { ...run, status: 'failed' } : run,
        );
        runs.push(supplyChainRun(run));
      }
      await yieldToEventLoop();
    }
    return meter.result();
  }

  private async ownershipOf(product: Entity): Promise<OwnershipFacts> {
    const owner = ownerRef(product);
    if (!owner) {
      return factsOf(undefined);
    }
    const groups = await this.readGroups([owner]);
    return factsOf(groups.get(owner));
  }

  /** Owner Groups by ref; a ref that is no Group in the catalog is absent. */
  private async readGroups(refs: string[]): Promise<Map<string, Entity>> {
    const groups = new Map<string, Entity>();
    if (refs.length === 0) return groups;
    const credentials: BackstageCredentials =
      await this.deps.auth.getOwnServiceCredentials();
    for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
      const chunk = refs.slice(i, i + REFS_PER_REQUEST);
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: chunk,
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.members',
            'relations',
          ],
        },
        { credentials },
      );
      items.forEach((entity, index) => {
        if (entity && entity.kind.toLocaleLowerCase('en-US') === 'group') {
          groups.set(chunk[index], entity);
        }
      });
    }
    return groups;
  }
}

/** The product's owner, when it names a Group (a User owner fails the check). */
function ownerRef(product: Entity): string | undefined {
  const [owner] = ownersOf(product);
  if (!owner) return undefined;
  return parseEntityRef(owner).kind.toLocaleLowerCase('en-US') === 'group'
    ? owner
    : undefined;
}

function factsOf(group: Entity | undefined): OwnershipFacts {
  if (!group) {
    return { ownerIsGroup: false, groupHasMembers: false };
  }
  const members = group.spec?.members;
  return {
    ownerIsGroup: true,
    // The catalog turns spec.members and users' memberOf into hasMember.
    groupHasMembers:
      (group.relations ?? []).some(r => r.type === RELATION_HAS_MEMBER) ||
      (Array.isArray(members) && members.length > 0),
  };
}

/** The snapshot of a scorecard: a column per score, the rest as JSON. */
export function snapshotOf(
  entityRef: string,
  takenAt: Date,
  scorecard: Scorecard,
): ScorecardSnapshot {
  const scores = {} as ScorecardSnapshot['scores'];
  const evidence: Record<string, unknown> = {};
  for (const dimension of SCORECARD_DIMENSIONS) {
    const { score, ...rest } = scorecard.dimensions[dimension];
    scores[dimension] = score;
    evidence[dimension] = rest;
  }
  return {
    entityRef,
    takenAt,
    overall: scorecard.overall,
    scores,
    evidence,
    window: scorecard.window,
  };
}
