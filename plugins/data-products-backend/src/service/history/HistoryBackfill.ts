import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DEFAULT_SCORING_WINDOW_DAYS } from '@stockroom/plugin-data-products-common';
import { HistoryMarkStore } from '../../database/HistoryMarkStore';
import { FinishSpan, RunStore } from '../../database/RunStore';
import {
  ScorecardSnapshot,
  ScorecardSnapshotStore,
} from '../../database/ScorecardSnapshotStore';
import { readDataProducts } from '../catalogReads';
import { ScorecardService } from '../runs/ScorecardService';
import { DEFAULT_SCORING_CONCURRENCY } from '../runs/ProductSnapshotter';
import { forEachConcurrently } from '../runs/forEachConcurrently';
import { UpstreamRunsCache } from '../runs/UpstreamRunsCache';
import { yieldToEventLoop } from '../runs/yieldToEventLoop';
import { daysToCompute } from './daysToCompute';
import { ProductHistory } from './ProductHistory';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many past days a history holds (dataproduct-spec.md: up to 90). */
export const DEFAULT_HISTORY_DAYS = 90;
/**
 * Runs recorded this close to a pass are looked at again by the next one:
 * an ingestion transaction stamps its runs before it commits, so one may
 * become visible after a pass that started later than its stamp.
 */
const COMMIT_MARGIN_MS = 60_000;

/** What one pass did. */
export interface HistoryBackfillSummary {
  /** DataProducts in the catalog. */
  products: number;
  /** Products whose past days were (re)computed. */
  backfilled: number;
  /** Past days computed, over all products. */
  days: number;
  /** Products whose pass failed; their whole history is computed next time. */
  failed: number;
}

/**
 * History from the start (dataproduct-spec.md "Supply chain"): past daily
 * snapshots computed from the runs already stored, so a new install's, a
 * replay's or a late run's trends show up to 90 days at once.
 *
 * Each pass finds what changed since the last: a product never backfilled
 * has its whole history computed (first start, a new product); for the
 * others, runs recorded since their mark that finished before today — late
 * runs, a replay — change the days whose windows hold them
 * ({@link daysToCompute}). Those days are computed ({@link ProductHistory})
 * and stored in place of what was there (each a snapshot at the day's last
 * millisecond), then the product is snapshotted live, so today's tier-at-risk
 * verdict reads the new history; the live snapshot goes to `afterSnapshot`
 * (owner notices). Marks move forward only for products that succeeded.
 */
export class HistoryBackfill {
  private readonly windowDays: number;
  private readonly historyDays: number;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: RunStore;
      snapshots: ScorecardSnapshotStore;
      marks: HistoryMarkStore;
      history: ProductHistory;
      scorecards: ScorecardService;
      logger: LoggerService;
      windowDays?: number;
      historyDays?: number;
      afterSnapshot?: (
        product: Entity,
        snapshot: ScorecardSnapshot,
        now: Date,
      ) => Promise<unknown>;
    },
  ) {
    this.windowDays = deps.windowDays ?? DEFAULT_SCORING_WINDOW_DAYS;
    this.historyDays = deps.historyDays ?? DEFAULT_HISTORY_DAYS;
  }

  async run(now: Date, signal?: AbortSignal): Promise<HistoryBackfillSummary> {
    const { catalog, auth, logger } = this.deps;
    // Runs recorded before this are surely visible to the reads below.
    const through = new Date(now.getTime() - COMMIT_MARGIN_MS);
    const credentials = await auth.getOwnServiceCredentials();
    const products = new Map(
      (await readDataProducts(catalog, credentials)).map(product => [
        stringifyEntityRef(product),
        product,
      ]),
    );
    const changed = await this.changedSince(
      [...products.keys()],
      await this.deps.marks.marks(),
      now,
    );
    const due = [...changed]
      .map(([ref, span]) => ({
        product: products.get(ref)!,
        days: daysToCompute(span, now, {
          windowDays: this.windowDays,
          historyDays: this.historyDays,
        }),
      }))
      .filter(item => item.days.length > 0);
    const ownership = await this.deps.scorecards.ownershipOfAll(
      due.map(item => item.product),
    );

    const summary = {
      products: products.size,
      backfilled: 0,
      days: 0,
      failed: 0,
    };
    const failed: string[] = [];
    // Upstream runs read once per pass for every product downstream.
    const pastUpstreamRuns = new UpstreamRunsCache();
    const liveUpstreamRuns = new UpstreamRunsCache();
    const unfinished = new Set(
      due.map(item => stringifyEntityRef(item.product)),
    );
    await forEachConcurrently(
      due,
      DEFAULT_SCORING_CONCURRENCY,
      async ({ product, days }) => {
        const ref = stringifyEntityRef(product);
        try {
          const facts = ownership.get(ref)!;
          const snapshots = await this.deps.history.snapshotsAt(
            product,
            days,
            facts,
            pastUpstreamRuns,
          );
          await this.deps.snapshots.replaceSnapshots(ref, snapshots);
          const live = await this.deps.scorecards.snapshot(
            product,
            now,
            facts,
            liveUpstreamRuns,
          );
          await this.deps.afterSnapshot?.(product, live, now);
          summary.backfilled += 1;
          summary.days += days.length;
        } catch (error) {
          summary.failed += 1;
          failed.push(ref);
          logger.warn(`Could not compute the history of ${ref}: ${error}`);
        }
        unfinished.delete(ref);
        await yieldToEventLoop();
      },
      signal,
    );
    // Products left when the pass stopped keep their marks (or lack them),
    // so their changes are still found next time.
    await this.deps.marks.advance(
      through,
      [...products.keys()].filter(ref => !unfinished.has(ref)),
      failed,
    );
    return summary;
  }

  /**
   * Per product, the finishes its history has not seen: every day since its
   * first run for a product without a mark, else the span of the runs
   * recorded after its mark; only runs that can still be in a past day's
   * window, and finished before today.
   */
  private async changedSince(
    refs: string[],
    marks: Map<string, Date>,
    now: Date,
  ): Promise<Map<string, FinishSpan>> {
    const todayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    const range = {
      finishedFrom: new Date(
        todayStart - (this.historyDays + this.windowDays) * DAY_MS,
      ),
      finishedBefore: new Date(todayStart),
    };
    const fresh = refs.filter(ref => !marks.has(ref));
    const known = refs.filter(ref => marks.has(ref));
    const changed = new Map<string, FinishSpan>();
    if (fresh.length > 0) {
      const spans = await this.deps.store.finishSpans({
        ...range,
        entityRefs: fresh,
      });
      for (const [ref, { first }] of spans) {
        changed.set(ref, { first, last: now });
      }
    }
    if (known.length > 0) {
      // Marks move together, so the oldest is usually every product's.
      const oldest = new Date(
        Math.min(...known.map(ref => marks.get(ref)!.getTime())),
      );
      const late = await this.deps.store.finishSpans({
        ...range,
        recordedAfter: oldest,
      });
      for (const ref of known) {
        const span = late.get(ref);
        if (span) changed.set(ref, span);
      }
    }
    return changed;
  }
}
