import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ApiContractHistory,
  ApiIncidentList,
  ApiProductContract,
  contractToOdcs,
  prepareDataProduct,
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

export interface ContractsRouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  catalog: CatalogService;
  contractHistory: ContractHistoryStore;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
}

/**
 * A product's contract and what became of it:
 *
 * - `GET /products/:namespace/:name/contract`: as every surface reads it
 *   (explicit spec.contract fields over a referenced ODCS document), or
 *   exported as ODCS (`?format=odcs`).
 * - `…/contract/history`: the versions the contract-history task recorded,
 *   newest first.
 * - `…/incidents`: the product's drift incidents, newest first.
 */
export function createContractsRouter(
  options: ContractsRouterOptions,
): express.Router {
  const { httpAuth, auditor, catalog, contractHistory } = options;
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

  return router;
}
