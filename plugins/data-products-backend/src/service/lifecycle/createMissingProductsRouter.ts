import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { authenticated } from '../authenticated';
import {
  readerCredentials,
  requireInventoryReader,
} from '../inventory/requireInventoryReader';
import { OpenApiRequestValidator } from '../openapi';
import { MissingProductsReport } from './MissingProductsReport';

export interface MissingProductsRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  report: MissingProductsReport;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
}

/**
 * `GET /lifecycle/missing`: products the plugin has seen that the catalog
 * lost (or is about to), or no longer updates, with the catalog's error for
 * their file. The catalog forgets a product whose file stops defining it
 * without a word to its owner; this is where the owner finds out.
 *
 * A gone product has no catalog entity left to check permissions on, so the
 * list is gated by the inventory's permission, which already lets its
 * holders see every product.
 */
export function createMissingProductsRouter(
  options: MissingProductsRouterOptions,
): express.Router {
  const { httpAuth, permissions, auditor, report } = options;
  const validator = options.validator ?? OpenApiRequestValidator.fromDocument();
  const router = Router();

  router.get(
    '/lifecycle/missing',
    authenticated(httpAuth),
    validator.middleware(),
    async (req, res) => {
      await requireInventoryReader(
        await readerCredentials(req, httpAuth),
        permissions,
        'list missing products',
      );
      const auditorEvent = await auditor.createEvent({
        eventId: 'lifecycle-missing-fetch',
        request: req,
      });
      try {
        const items = await report.list();
        await auditorEvent.success({ meta: { count: items.length } });
        res.json({ items });
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  return router;
}
