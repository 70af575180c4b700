import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  StockroomPolicy,
  formatIsoDate,
} from '@stockroom/plugin-data-products-common';
import express from 'express';
import Router from 'express-promise-router';
import { readDataProducts } from './catalogReads';
import { evaluateProducts } from './lifecycle/evaluateProducts';
import { lifecycleItem } from './lifecycle/lifecycleItem';
import { parseStateFilter } from './lifecycle/parseStateFilter';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  catalog: CatalogService;
  policy: StockroomPolicy;
  /** The request-time "now" the engine evaluates at. */
  clock?: () => Date;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    auditor,
    catalog,
    policy,
    clock = () => new Date(),
  } = options;
  const router = Router();

  // For cleanup automation: which products are expiring, expired,
  // deprecated… today, computed by the engine now rather than read from the
  // state label, which is only as fresh as the catalog's last processing.
  router.get('/lifecycle', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const states = parseStateFilter(req.query.state);
    const auditorEvent = await auditor.createEvent({
      eventId: 'lifecycle-fetch',
      request: req,
      meta: { states: states ?? 'all' },
    });
    try {
      const now = clock();
      // The caller's credentials, so catalog permissions decide what they see.
      const products = evaluateProducts(
        await readDataProducts(catalog, credentials),
        policy,
        now,
      );
      const items = products
        .filter(product => !states || states.includes(product.evaluation.state))
        .map(lifecycleItem)
        .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
      await auditorEvent.success({ meta: { count: items.length } });
      res.json({ evaluatedOn: formatIsoDate(now), items });
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
