import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationLogStore } from '../../database/NotificationLogStore';
import { OnceOnlyDelivery } from '../notifications/OnceOnlyDelivery';
import { MissingProduct } from './findMissingProducts';
import { MissingItem } from './missingItem';
import { MissingProductsReport } from './MissingProductsReport';

// A few products going missing together is one owner's emptied file.
const OUTAGE_MIN_COUNT = 3;

/** The notifications topic of missing-product notices. */
export const MISSING_TOPIC = 'data-product-missing';

/** What one run did. */
export interface MissingNoticesSummary {
  sent: number;
  alreadySent: number;
  failed: number;
}

/**
 * Tells a product's owner, once, that the catalog dropped (or is about to
 * drop) their product, with the catalog's error for its file. A stale
 * product is not notified: it is still in the catalog, and the API lists it.
 *
 * Once-only through the same notification log as the lifecycle notices. The
 * key holds the last sighting, so a product that comes back and goes missing
 * again is a new notice, and the orphaned-then-gone steps of one
 * disappearance are one.
 */
export class MissingProductNotices {
  private readonly delivery: OnceOnlyDelivery;

  constructor(
    private readonly deps: {
      report: MissingProductsReport;
      store: NotificationLogStore;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {
    this.delivery = new OnceOnlyDelivery({
      log: deps.store,
      notifications: deps.notifications,
      logger: deps.logger,
    });
  }

  async run(now: Date): Promise<MissingNoticesSummary> {
    const { missing, knownCount, describe } =
      await this.deps.report.findMissing();
    const summary = { sent: 0, alreadySent: 0, failed: 0 };
    const dropped = missing.filter(product => product.status !== 'stale');
    if (looksLikeCatalogOutage(dropped.length, knownCount)) {
      this.deps.logger.warn(
        `${dropped.length} of ${knownCount} known data products are missing from the catalog at once: not notifying their owners, as this looks like the catalog re-ingesting or failing rather than owners' edits. GET /api/data-products/lifecycle/missing lists them.`,
      );
      return summary;
    }
    for (const product of dropped) {
      if (!product.known.owner) continue;
      summary[await this.notifyOnce(product, describe, now)] += 1;
    }
    return summary;
  }

  private async notifyOnce(
    product: MissingProduct,
    describe: (product: MissingProduct) => Promise<MissingItem>,
    now: Date,
  ): Promise<keyof MissingNoticesSummary> {
    const { entityRef, owner, lastSeenAt } = product.known;
    const outcome = await this.delivery.deliver(
      {
        notice: {
          dedupeKey: [
            'missing',
            entityRef,
            owner,
            lastSeenAt.toISOString(),
          ].join('|'),
          kind: 'missing',
          entityRef,
          recipient: owner!,
          sentAt: now,
        },
        // The file is re-read only for a notice that goes out.
        payload: async () => missingPayload(await describe(product)),
        about: `the notice that ${entityRef} is missing from the catalog to ${owner}`,
      },
      now,
    );
    // Without retries, a failure is the only other outcome.
    return outcome === 'sent' || outcome === 'alreadySent' ? outcome : 'failed';
  }
}

/**
 * Owners edit files one at a time; most of the inventory vanishing at once
 * is the catalog (a fresh database re-ingesting, a broken provider), and
 * telling every owner their product is missing would be noise. More than
 * half of the known products, and more than a handful, is the line.
 */
export function looksLikeCatalogOutage(
  droppedCount: number,
  knownCount: number,
): boolean {
  return droppedCount > OUTAGE_MIN_COUNT && droppedCount * 2 > knownCount;
}

function missingPayload(item: MissingItem) {
  return {
    title: `${item.title ?? item.entityRef} is missing from the catalog`,
    description: `${item.entityRef} (last seen ${item.lastSeenAt}, defined in ${
      item.location ?? 'an unknown file'
    }): ${item.explanation}`,
    severity: 'high' as const,
    topic: MISSING_TOPIC,
    scope: `missing:${item.entityRef}`,
    metadata: { entityRef: item.entityRef, notice: 'missing' },
  };
}
