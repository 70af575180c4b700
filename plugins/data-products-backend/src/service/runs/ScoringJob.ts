import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RunStore } from '../../database/RunStore';
import { ScorecardSnapshotStore } from '../../database/ScorecardSnapshotStore';
import { readDataProducts } from '../catalogReads';
import { SupplyChainNotifier } from '../notifications/SupplyChainNotifier';
import { ScorecardService } from './ScorecardService';
import { ProductSnapshotter } from './ProductSnapshotter';

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
 * credentials and snapshot the ones due (see {@link productsDue}), telling
 * their owners what each snapshot calls for (see {@link ProductSnapshotter}).
 * Products with new runs are usually rescored sooner, by the rescoring task
 * (RescoreJob); this task is what guarantees every product a snapshot a day.
 */
export class ScoringJob {
  private readonly snapshotter: ProductSnapshotter;

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
      /** Products scored at once (ProductSnapshotter's default if absent). */
      concurrency?: number;
    },
  ) {
    this.snapshotter = new ProductSnapshotter(deps);
  }

  async run(now: Date, signal?: AbortSignal): Promise<ScoringSummary> {
    const { catalog, auth, store, snapshots } = this.deps;
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
    const outcome = await this.snapshotter.snapshotEach(
      dueProducts,
      now,
      signal,
    );
    const changed = new Set(due.changed);
    const rescored = outcome.snapshotted.filter(ref => changed.has(ref)).length;
    return {
      products: products.length,
      changed: rescored,
      daily: outcome.snapshotted.length - rescored,
      failed: outcome.failed,
      noticesSent: outcome.noticesSent,
      noticesFailed: outcome.noticesFailed,
    };
  }
}
