import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RunStore } from '../../database/RunStore';
import { ScorecardSnapshotStore } from '../../database/ScorecardSnapshotStore';
import { readDataProductsByRefs } from '../catalogReads';
import { SupplyChainNotifier } from '../notifications/SupplyChainNotifier';
import { ProductSnapshotter } from './ProductSnapshotter';
import { ScorecardService } from './ScorecardService';

/**
 * How far back the first pass of a process looks for new runs. Older ones
 * are the daily scoring task's: it rescores every product with runs newer
 * than its snapshot.
 */
export const FIRST_PASS_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/**
 * How far before the previous complete pass the next one looks again. A
 * run's `recorded_at` is stamped before its transaction commits, and
 * replicas' clocks differ a little: a run stamped just before the previous
 * pass began may have become visible only after that pass read.
 */
export const VISIBILITY_MARGIN_MS = 60 * 1000;

/** What one pass of the rescoring task did. */
export interface RescoreSummary {
  /** Products with runs recorded after their latest snapshot. */
  withNewRuns: number;
  rescored: number;
  failed: number;
  /** Of those with new runs, products the catalog does not hold. */
  notInCatalog: number;
  noticesSent: number;
  noticesFailed: number;
}

/**
 * The products among `lastRunWrites` whose newest run was recorded after
 * their latest snapshot was taken, or that have no snapshot yet.
 */
export function productsWithNewerRuns(
  lastRunWrites: ReadonlyArray<{ entityRef: string; lastRecordedAt: Date }>,
  latestSnapshots: ReadonlyMap<string, Date>,
): string[] {
  return lastRunWrites
    .filter(({ entityRef, lastRecordedAt }) => {
      const taken = latestSnapshots.get(entityRef);
      return taken === undefined || lastRecordedAt > taken;
    })
    .map(({ entityRef }) => entityRef);
}

/**
 * Run → score within a minute: every pass rescores the products whose runs
 * arrived since their latest snapshot, so a new run shows on the Scorecard
 * one period (`stockroom.scoring.rescore.frequency`) after it is stored,
 * not when the daily scoring task comes round.
 *
 * Debounced and coalesced by construction: a pass finds products by their
 * newest run, so many runs of one product between passes cost one
 * rescore; the task is global, so one replica of a cluster runs each pass
 * whichever replica stored the runs. A pass reads only the runs table's
 * recent rows (by `recorded_at`, indexed), the latest snapshot times of
 * the products found there, and those products from the catalog: its cost
 * follows the products with new runs, not the inventory.
 */
export class RescoreJob {
  private readonly snapshotter: ProductSnapshotter;
  /** Start of this process's last pass that left nothing behind. */
  private lastCompletePassAt?: Date;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: RunStore;
      snapshots: ScorecardSnapshotStore;
      logger: LoggerService;
      /** Shared with the router and the daily task, so all score alike. */
      scorecards: ScorecardService;
      /** Tells owners what their snapshots call for; absent, nothing is sent. */
      notifier?: SupplyChainNotifier;
      concurrency?: number;
    },
  ) {
    this.snapshotter = new ProductSnapshotter(deps);
  }

  async run(now: Date, signal?: AbortSignal): Promise<RescoreSummary> {
    const { catalog, auth, store, snapshots } = this.deps;
    const since = new Date(
      Math.max(
        now.getTime() - FIRST_PASS_LOOKBACK_MS,
        (this.lastCompletePassAt?.getTime() ?? -Infinity) - VISIBILITY_MARGIN_MS,
      ),
    );
    const lastRunWrites = await store.productsWithRunsSince(since);
    const latestSnapshots = await snapshots.latestSnapshotTimes(
      lastRunWrites.map(({ entityRef }) => entityRef),
    );
    const due = productsWithNewerRuns(lastRunWrites, latestSnapshots);
    const products = await readDataProductsByRefs(
      catalog,
      due,
      await auth.getOwnServiceCredentials(),
    );
    const outcome = await this.snapshotter.snapshotEach(products, now, signal);

    const summary: RescoreSummary = {
      withNewRuns: due.length,
      rescored: outcome.snapshotted.length,
      failed: outcome.failed,
      notInCatalog: due.length - products.length,
      noticesSent: outcome.noticesSent,
      noticesFailed: outcome.noticesFailed,
    };
    // A product that failed, or was not reached before an abort, still has
    // runs newer than its snapshot: the next pass must look back as far.
    if (outcome.snapshotted.length === products.length) {
      this.lastCompletePassAt = now;
    }
    return summary;
  }
}
