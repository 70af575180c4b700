import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ApiContractHistory,
  ApiIncidentList,
  ApiProductContract,
  CostSettings,
  DEFAULT_COST_SETTINGS,
  contractToOdcs,
  dataProductsToOdcs,
  prepareDataProduct,
  unitCostOfFreshness,
} from '@stockroom/plugin-data-products-common';
import express from 'express';
import Router from 'express-promise-router';
import { stringify as stringifyYaml } from 'yaml';
import { ContractHistoryStore } from '../../database/ContractHistoryStore';
import { authenticated } from '../authenticated';
import { OpenApiRequestValidator } from '../openapi';
import { contractHistoryItem, incidentItem } from './historyItems';
import { parseContractFormat } from './parseContractFormat';
import { ReadProduct, readDataProduct } from './readDataProduct';
import { readSystemProducts } from './readSystemProducts';

export interface ContractsRouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  catalog: CatalogService;
  contractHistory: ContractHistoryStore;
  /** `stockroom.costs` estimate settings (tier multipliers); the defaults otherwise. */
  costs?: CostSettings;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
}

/**
 * A product's contract and what became of it:
 *
 * - `GET /products/:namespace/:name/contract`: as every surface reads it
 *   (explicit spec.contract fields over a referenced ODCS document), or
 *   exported as ODCS (`?format=odcs`); the JSON form carries the unit
 *   cost of additional freshness of its cost and freshness SLA.
 * - `…/contract/history`: the versions the contract-history task recorded,
 *   newest first.
 * - `…/incidents`: the product's drift incidents, newest first.
 * - `GET /systems/:namespace/:name/contract`: a domain exported, the
 *   System's products merged into one ODCS document.
 */
export function createContractsRouter(
  options: ContractsRouterOptions,
): express.Router {
  const { httpAuth, auditor, catalog, contractHistory } = options;
  const costs = options.costs ?? DEFAULT_COST_SETTINGS;
  const validator = options.validator ?? OpenApiRequestValidator.fromDocument();
  // Authentication first, then the API document (400 naming the field).
  const checked = [authenticated(httpAuth), validator.middleware()];
  const router = Router();

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
            contract: { ...contract },
            findings,
            // What the next fresher option would cost per hour of lag saved.
            unitCostOfFreshness: unitCostOfFreshness(
              contract.cost,
              contract.freshness,
              costs,
            ),
          } satisfies ApiProductContract);
        },
      );
    },
  );

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
          res.json({
            items: versions.map(contractHistoryItem),
          } satisfies ApiContractHistory);
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
          res.json({
            items: incidents.map(incidentItem),
          } satisfies ApiIncidentList);
        },
      );
    },
  );

  router.get(
    '/systems/:namespace/:name/contract',
    ...checked,
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const { namespace, name } = req.params;
      // The document's only value, and its default: read so a future format
      // added to the document cannot be served as ODCS by mistake.
      const format = String(validator.queryValues(req).format);
      // YAML, the form ODCS contracts are written in, unless the client
      // prefers JSON; `*/*` and no Accept header get YAML.
      const type =
        req.accepts(['application/yaml', 'application/json']) ===
        'application/json'
          ? 'json'
          : 'yaml';
      const auditorEvent = await auditor.createEvent({
        eventId: 'system-contract-fetch',
        request: req,
        meta: { namespace, name, format, type },
      });
      try {
        if (format !== 'odcs') {
          throw new InputError(`format ${format} is not supported`);
        }
        const { system, products } = await readSystemProducts(
          catalog,
          { namespace, name },
          credentials,
        );
        const document = dataProductsToOdcs(products, system);
        await auditorEvent.success({ meta: { products: products.length } });
        if (type === 'json') {
          res.json(document);
          return;
        }
        res
          .type('application/yaml')
          .set(
            'Content-Disposition',
            `inline; filename="${system.metadata.name}.odcs.yaml"`,
          )
          .send(stringifyYaml(document));
      } catch (error) {
        await auditorEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  return router;
}
