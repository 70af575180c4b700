import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ApiLifecycleList,
  StockroomPolicy,
  formatIsoDate,
} from '@stockroom/plugin-data-products-common';
import express from 'express';
import Router from 'express-promise-router';
import { authenticated } from '../authenticated';
import { readDataProducts } from '../catalogReads';
import { OpenApiRequestValidator } from '../openapi';
import { evaluateProducts } from './evaluateProducts';
import { lifecycleItem } from './lifecycleItem';
import { parseStateFilter } from './parseStateFilter';

export interface LifecycleRouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  catalog: CatalogService;
  policy: StockroomPolicy;
  /** The request-time "now" the engine evaluates at. */
  clock?: () => Date;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
}

/**
 * `GET /lifecycle`, for cleanup automation: which products are expiring,
 * expired, deprecated… today, computed by the engine now rather than read
 * from the state label, which is only as fresh as the catalog's last
 * processing. Findings are the processor's: products are judged with the
 * catalog's context (see evaluateProducts).
 */
export function createLifecycleRouter(
  options: LifecycleRouterOptions,
): express.Router {
  const { httpAuth, auditor, catalog, policy } = options;
  const clock = options.clock ?? (() => new Date());
  const validator = options.validator ?? OpenApiRequestValidator.fromDocument();
  const router = Router();

  // Authentication first, then the API document (400 naming the field).
  router.get(
    '/lifecycle',
    authenticated(httpAuth),
    validator.middleware(),
    async (req, res) => {
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
          .filter(
            product => !states || states.includes(product.evaluation.state),
          )
          .map(lifecycleItem)
          .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
        await auditorEvent.success({ meta: { count: items.length } });
        res.json({
          evaluatedOn: formatIsoDate(now),
          items,
        } satisfies ApiLifecycleList);
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  return router;
}
