import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  StockroomPolicy,
  contractToOdcs,
  formatIsoDate,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import express from 'express';
import Router from 'express-promise-router';
import { stringify as stringifyYaml } from 'yaml';
import { ContractHistoryStore } from '../database/ContractHistoryStore';
import { authenticated } from './authenticated';
import { readDataProducts } from './catalogReads';
import { contractHistoryItem, incidentItem } from './contracts/historyItems';
import { parseContractFormat } from './contracts/parseContractFormat';
import { ReadProduct, readDataProduct } from './contracts/readDataProduct';
import { evaluateProducts } from './lifecycle/evaluateProducts';
import { lifecycleItem } from './lifecycle/lifecycleItem';
import { parseStateFilter } from './lifecycle/parseStateFilter';
import { OpenApiRequestValidator, loadOpenApiDocument } from './openapi';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  catalog: CatalogService;
  policy: StockroomPolicy;
  contractHistory: ContractHistoryStore;
  /** The request-time "now" the engine evaluates at. */
  clock?: () => Date;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    auditor,
    catalog,
    policy,
    contractHistory,
    clock = () => new Date(),
  } = options;
  const validator = options.validator ?? OpenApiRequestValidator.fromDocument();
  // Authentication first, then the API document (400 naming the field).
  const checked = [authenticated(httpAuth), validator.middleware()];
  const router = Router();

  router.get('/openapi.json', ...checked, (_req, res) => {
    res.json(loadOpenApiDocument());
  });

  /**
   * Runs `handle` as one audited read of a product: the caller must be a
   * user or a service, and the catalog is read with their credentials.
   */
  async function auditedProductRead(
    req: express.Request,
    eventId: string,
    meta: Record<string, unknown>,
    handle: (product: ReadProduct) => Promise<void>,
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { namespace, name } = req.params;
    const auditorEvent = await auditor.createEvent({
      eventId,
      request: req,
      meta: { namespace, name, ...meta },
    });
    try {
      await handle(
        await readDataProduct(catalog, { namespace, name }, credentials),
      );
      await auditorEvent.success();
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  }

  // For cleanup automation: which products are expiring, expired,
  // deprecated… today, computed by the engine now rather than read from the
  // state label, which is only as fresh as the catalog's last processing.
  router.get('/lifecycle', ...checked, async (req, res) => {
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

  // The product's contract as every surface reads it (explicit spec.contract
  // fields over a referenced ODCS document), or exported as ODCS.
  router.get(
    '/products/:namespace/:name/contract',
    ...checked,
    async (req, res) => {
      const format = parseContractFormat(req.query.format);
      await auditedProductRead(
        req,
        'contract-fetch',
        { format },
        async ({ entity, entityRef }) => {
          if (format === 'odcs') {
            res
              .type('application/yaml')
              .set(
                'Content-Disposition',
                `inline; filename="${entity.metadata.name}.odcs.yaml"`,
              )
              .send(stringifyYaml(contractToOdcs(entity)));
            return;
          }
          const { contract, contractFindings: findings } =
            prepareDataProduct(entity);
          res.json({
            entityRef,
            version: contract.version ?? null,
            contract,
            findings,
          });
        },
      );
    },
  );

  // Recorded by the data-products-contract-history task, newest first.
  router.get(
    '/products/:namespace/:name/contract/history',
    ...checked,
    async (req, res) => {
      await auditedProductRead(
        req,
        'contract-history-fetch',
        {},
        async ({ entityRef }) => {
          const versions = await contractHistory.listVersions(entityRef);
          res.json({ items: versions.map(contractHistoryItem) });
        },
      );
    },
  );

  router.get(
    '/products/:namespace/:name/incidents',
    ...checked,
    async (req, res) => {
      await auditedProductRead(
        req,
        'incidents-fetch',
        {},
        async ({ entityRef }) => {
          const incidents = await contractHistory.listIncidents(entityRef);
          res.json({ items: incidents.map(incidentItem) });
        },
      );
    },
  );

  return router;
}
