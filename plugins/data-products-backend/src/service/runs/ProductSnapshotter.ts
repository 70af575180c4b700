import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ScorecardSnapshot } from '../../database/ScorecardSnapshotStore';
import { SupplyChainNotifier } from '../notifications/SupplyChainNotifier';
import { ScorecardService } from './ScorecardService';
import { forEachConcurrently } from './forEachConcurrently';
import { UpstreamRunsCache } from './UpstreamRunsCache';
import { yieldToEventLoop } from './yieldToEventLoop';

/**
 * Products scored at once: each is mostly waiting on the database, so a few
 * at a time keep the process busy (bench scoring) while every one still
 * reads its window a chunk at a time.
 */
export const DEFAULT_SCORING_CONCURRENCY = 4;

/** What snapshotting a batch of products did. */
export interface SnapshotOutcome {
  /** Refs of the products snapshotted. */
  snapshotted: string[];
  failed: number;
  /** Owner notices about the supply chain sent after the snapshots. */
  noticesSent: number;
  /**
   * Notices whose send failed (and products whose notices could not be
   * worked out): still due at the product's next snapshot.
   */
  noticesFailed: number;
}

/**
 * Snapshots products and tells their owners what each snapshot calls for:
 * the part the daily scoring task and the rescoring of new runs share. A
 * product whose scoring fails is logged and counted, the others carry on;
 * the snapshot is stored whatever becomes of its notices. Products are
 * scored a few at a time, yielding to the event loop in between, so
 * requests are served while it works; what is not snapshotted when the
 * signal aborts is left for the next run.
 */
export class ProductSnapshotter {
  constructor(
    private readonly deps: {
      /** Shared with the router, so both score alike. */
      scorecards: ScorecardService;
      logger: LoggerService;
      /** Tells owners what their snapshots call for; absent, nothing is sent. */
      notifier?: SupplyChainNotifier;
      /** Products scored at once; {@link DEFAULT_SCORING_CONCURRENCY} by default. */
      concurrency?: number;
    },
  ) {}

  async snapshotEach(
    products: Entity[],
    now: Date,
    signal?: AbortSignal,
  ): Promise<SnapshotOutcome> {
    const { scorecards, logger } = this.deps;
    const outcome: SnapshotOutcome = {
      snapshotted: [],
      failed: 0,
      noticesSent: 0,
      noticesFailed: 0,
    };
    if (products.length === 0) return outcome;
    const ownership = await scorecards.ownershipOfAll(products);
    // Products of one pass often read the same upstreams: read them once.
    const upstreamRuns = new UpstreamRunsCache();
    await forEachConcurrently(
      products,
      this.deps.concurrency ?? DEFAULT_SCORING_CONCURRENCY,
      async product => {
        const ref = stringifyEntityRef(product);
        let snapshot: ScorecardSnapshot | undefined;
        try {
          snapshot = await scorecards.snapshot(
            product,
            now,
            ownership.get(ref),
            upstreamRuns,
          );
          outcome.snapshotted.push(ref);
        } catch (error) {
          outcome.failed += 1;
          logger.warn(`Could not score ${ref}: ${error}`);
        }
        if (snapshot) await this.notify(product, snapshot, now, outcome);
        await yieldToEventLoop();
      },
      signal,
    );
    return outcome;
  }

  /**
   * A failure here is logged, and what was due stays due at the product's
   * next snapshot.
   */
  private async notify(
    product: Entity,
    snapshot: ScorecardSnapshot,
    now: Date,
    outcome: SnapshotOutcome,
  ): Promise<void> {
    const { notifier, logger } = this.deps;
    if (!notifier) return;
    try {
      const notices = await notifier.afterSnapshot(product, snapshot, now);
      outcome.noticesSent += notices.sent;
      outcome.noticesFailed += notices.failed;
    } catch (error) {
      outcome.noticesFailed += 1;
      logger.warn(
        `Could not work out the supply-chain notices of ${snapshot.entityRef}; they are tried again at its next snapshot: ${error}`,
      );
    }
  }
}
