import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ProductSightingsStore } from '../database/ProductSightingsStore';
import {
  MissingNoticesSummary,
  MissingProductNotices,
} from '../service/lifecycle/MissingProductNotices';
import { ProductSightingsJob } from '../service/lifecycle/ProductSightingsJob';
import { FIRST_RUN_DELAY, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that records which products the catalog has. */
export const PRODUCT_SIGHTINGS_TASK_ID = 'data-products-product-sightings';

/** What one run did. */
export interface ProductSightingsSummary {
  /** Products the catalog has now. */
  seen: number;
  /** Missing-product notices; absent when notices are disabled. */
  notices?: MissingNoticesSummary;
}

/**
 * Records which products the catalog has (what GET /lifecycle/missing
 * compares it against: the catalog forgets a product whose file stops
 * defining it), then tells owners, once, of products that dropped out.
 */
export function productSightingsJob(options: {
  catalog: CatalogService;
  auth: AuthService;
  store: ProductSightingsStore;
  /** Absent when lifecycle notifications are disabled. */
  missingNotices?: MissingProductNotices;
  logger: LoggerService;
  clock?: () => Date;
}): ScheduledJob<ProductSightingsSummary> {
  const { missingNotices, logger, clock = () => new Date() } = options;
  const sightings = new ProductSightingsJob(options);
  return {
    id: PRODUCT_SIGHTINGS_TASK_ID,
    schedule: {
      scope: 'global',
      // Often enough that a product's last sighting and file are recent
      // when it goes missing (the orphan cleanup runs every 30 s).
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: FIRST_RUN_DELAY,
    },
    async run() {
      const now = clock();
      const seen = await sightings.run(now);
      logger.debug(`Product sightings: ${seen} products in the catalog`);
      const notices = await missingNotices?.run(now);
      if (notices && notices.sent + notices.failed > 0) {
        logger.info(
          `Missing-product notices: ${notices.sent} sent, ${notices.alreadySent} sent before, ${notices.failed} failed`,
        );
      }
      return { seen, ...(notices ? { notices } : {}) };
    },
  };
}
