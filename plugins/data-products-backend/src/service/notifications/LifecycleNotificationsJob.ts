import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { StockroomPolicy } from '@stockroom/plugin-data-products-common';
import { NotificationLogStore } from '../../database/NotificationLogStore';
import { readDataProducts, readDependents } from '../catalogReads';
import { evaluateProducts } from '../lifecycle/evaluateProducts';
import { DueNotice } from './DueNotice';
import { dueNotices } from './dueNotices';
import { noticePayload } from './noticePayload';
import { OnceOnlyDelivery } from './OnceOnlyDelivery';

/** What one run did; notices are counted once each. */
export interface LifecycleNotificationsSummary {
  /** Notices due today, sent before or not. */
  due: number;
  /** Sent by this run. */
  sent: number;
  /** Skipped: sent before, by any instance. */
  alreadySent: number;
  /** Sending failed; the notice stays due and is retried on the next run. */
  failed: number;
}

/**
 * The scheduled task's body: read the inventory with the plugin's own
 * credentials, work out which notices are due (pure, see dueNotices) and
 * deliver each one that no instance has delivered before (at most once; a
 * failed one is tried again on the next run).
 */
export class LifecycleNotificationsJob {
  private readonly delivery: OnceOnlyDelivery;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      notifications: NotificationService;
      store: NotificationLogStore;
      policy: StockroomPolicy;
      logger: LoggerService;
    },
  ) {
    this.delivery = new OnceOnlyDelivery({
      log: deps.store,
      notifications: deps.notifications,
      logger: deps.logger,
    });
  }

  async run(
    now: Date,
    signal?: AbortSignal,
  ): Promise<LifecycleNotificationsSummary> {
    const notices = await this.noticesDue(now);
    const summary = { due: notices.length, sent: 0, alreadySent: 0, failed: 0 };
    for (const notice of notices) {
      // Unsent notices stay due, so stopping early loses nothing.
      if (signal?.aborted) break;
      const outcome = await this.delivery.deliverNotice(
        notice,
        () => noticePayload(notice),
        now,
      );
      summary[outcome] += 1;
    }
    return summary;
  }

  private async noticesDue(now: Date): Promise<DueNotice[]> {
    const { catalog, auth, policy } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const products = evaluateProducts(
      await readDataProducts(catalog, credentials),
      policy,
      now,
    );
    const deprecated = products
      .filter(product => product.evaluation.state === 'deprecated')
      .map(product => product.entityRef);
    const consumers =
      deprecated.length > 0
        ? await readDependents(catalog, deprecated, credentials)
        : [];
    return dueNotices({ products, consumers, now });
  }
}
