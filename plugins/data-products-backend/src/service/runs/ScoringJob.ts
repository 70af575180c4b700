import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RunStore } from '../../database/RunStore';
import {
  ScorecardSnapshot,
  ScorecardSnapshotStore,
} from '../../database/ScorecardSnapshotStore';
import { readDataProducts } from '../catalogReads';
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

/** What one run of the task did. */
export interface ScoringSummary {
  products: number;
  /** Snapshotted because runs arrived since their latest snapshot. */
  changed: number;
  /** Snapshotted because today has no snapshot of them yet. */
  daily: number;
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
 * Products due a snapshot at `now`: those with runs written after their
 * latest snapshot (incremental), and those without a snapshot taken today
 * (UTC), so every product has at least one a day to draw trends from.
 */
export function productsDue(
  productRefs: string[],
  latestSnapshots: Map<string, Date>,
  lastRunWrites: Map<string, Date>,
  now: Date,
): { changed: string[]; daily: string[] } {
  const startOfDay = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const changed: string[] = [];
  const daily: string[] = [];
  for (const ref of productRefs) {
    const taken = latestSnapshots.get(ref)?.getTime();
    const written = lastRunWrites.get(ref)?.getTime();
    if (taken !== undefined && written !== undefined && written > taken) {
      changed.push(ref);
    } else if (taken === undefined || taken < startOfDay) {
      daily.push(ref);
    }
  }
  return { changed, daily };
}

/**
 * The scoring task's body: read every DataProduct with the plugin's own
 * credentials and snapshot the ones due (see {@link productsDue}); a product
 * whose scoring fails is logged and tried again on the next run, the others
 * carry on. Products are scored one after another, yielding to the event
 * loop in between (and between the chunks of each one's runs), so a run
 * holds one product's window at a time and requests are served while it
 * works.
 *
 * After each snapshot, the product's owner is told what its supply chain
 * calls for (exhausted error budget, burn rate, tier at risk; see
 * SupplyChainNotifier), once per episode. Without a notifier (no
 * notifications service) nothing is sent.
 */
export class ScoringJob {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: RunStore;
      snapshots: ScorecardSnapshotStore;
      logger: LoggerService;
      /** Shared with the router, so both score alike. */
      scorecards: ScorecardService;
      /** Tells owners what their snapshots call for; absent, nothing is sent. */
      notifier?: SupplyChainNotifier;
      /** Products scored at once; {@link DEFAULT_SCORING_CONCURRENCY} by default. */
      concurrency?: number;
    },
  ) {}

  async run(now: Date, signal?: AbortSignal): Promise<ScoringSummary> {
    const { catalog, auth, store, snapshots, logger, scorecards } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const products = await readDataProducts(catalog, credentials);
    const byRef = new Map<string, Entity>(
      products.map(product => [stringifyEntityRef(product), product]),
    );
    const latestSnapshots = await snapshots.latestSnapshotTimes();

    // Runs written since the oldest latest snapshot cover every product
    // that has one; daily snapshots keep that a day's worth at most.
    const oldest = Math.min(
      ...[...byRef.keys()].map(
        ref => latestSnapshots.get(ref)?.getTime() ?? Infinity,
      ),
    );
    const lastRunWrites = new Map(
      Number.isFinite(oldest)
        ? (await store.productsWithRunsSince(new Date(oldest))).map(p => [
            p.entityRef,
            p.lastRecordedAt,
          ])
        : [],
    );

    const due = productsDue(
      [...byRef.keys()],
      latestSnapshots,
      lastRunWrites,
      now,
    );
    const dueProducts = [...due.changed, ...due.daily].map(
      ref => byRef.get(ref)!,
    );
    const ownership = await scorecards.ownershipOfAll(dueProducts);

    const summary: ScoringSummary = {
      products: products.length,
      changed: 0,
      daily: 0,
      failed: 0,
      noticesSent: 0,
      noticesFailed: 0,
    };
    const changed = new Set(due.changed);
    const upstreamRuns = new UpstreamRunsCache();
    // What is not snapshotted when the signal aborts stays due for the next run.
    await forEachConcurrently(
      dueProducts,
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
          summary[changed.has(ref) ? 'changed' : 'daily'] += 1;
        } catch (error) {
          summary.failed += 1;
          logger.warn(`Could not score ${ref}: ${error}`);
        }
        if (snapshot) await this.notify(product, snapshot, now, summary);
        await yieldToEventLoop();
      },
      signal,
    );
    return summary;
  }

  /**
   * The snapshot is stored whatever becomes of its notices: a failure here
   * is logged, and what was due stays due at the product's next snapshot.
   */
  private async notify(
    product: Entity,
    snapshot: ScorecardSnapshot,
    now: Date,
    summary: ScoringSummary,
  ): Promise<void> {
    const { notifier, logger } = this.deps;
    if (!notifier) return;
    try {
      const notices = await notifier.afterSnapshot(product, snapshot, now);
      summary.noticesSent += notices.sent;
      summary.noticesFailed += notices.failed;
    } catch (error) {
      summary.noticesFailed += 1;
      logger.warn(
        `Could not work out the supply-chain notices of ${snapshot.entityRef}; they are tried again at its next snapshot: ${error}`,
      );
    }
  }
}
