import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { Entity } from '@backstage/catalog-model';
import { toCatalogShape } from '@stockroom/plugin-data-products-common';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import YAML from 'yaml';
import type { BenchDatabase } from './databases';
import { benchDatasetAnnotation } from './openLineageEvents';
import { syntheticDataProduct } from './synthetic';

/** N example-like products as the catalog serves them, dataset `bench://warehouse/t<i>`. */
export function benchProducts(n: number): Entity[] {
  return Array.from({ length: n }, (_, i) => {
    const product = syntheticDataProduct(i);
    product.metadata.annotations = {
      'openlineage.io/dataset': `bench://warehouse/t${i}`,
    };
    return toCatalogShape(product);
  });
}

export interface IngestBackend {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  /** The OpenLineage endpoint pipelines POST to. */
  endpoint: string;
  /** The pipelines' static token: data-products only, `stockroom.run.report` only. */
  token: string;
  /** A reader's static token: the data-products API and the catalog it reads through. */
  readerToken: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

const token = () => crypto.randomBytes(24).toString('base64url');

/**
 * A real Backstage backend, wired as packages/backend wires the demo portal
 * (backend-defaults' createBackend: real auth, httpAuth, permissions,
 * httpRouter, database, scheduler, root HTTP router with its middleware),
 * with the catalog (and Stockroom's DataProduct module) serving `products`
 * DataProducts from a file location, the permission backend with the demo
 * portal's policy, the notifications backend, and the data-products plugin
 * on `db`. Pipelines call it
 * with a static token under `backend.auth.externalAccess`, restricted as
 * docs/security.md says (plugin data-products, permission
 * stockroom.run.report). Nothing is mocked.
 *
 * Scoring, its alerts and the lifecycle notices are switched off in config
 * so no scheduled job runs during a measurement (unless `stockroom` says
 * otherwise); the contract history job cannot be (it first runs a minute
 * after start-up and reads the catalog).
 */
export async function startIngestBackend(options: {
  db: BenchDatabase;
  products: number;
  /** backend.logger.level; `warn` drops the per-request access log line. */
  logLevel?: string;
  /** The `stockroom` config block, in place of the one that turns scoring off. */
  stockroom?: object;
  /** Product i's `contract.lineage.upstreams`, in place of the synthetic one. */
  lineage?: (i: number) => string[];
}): Promise<IngestBackend> {
  const { db, products } = options;
  const dir = path.resolve(
    __dirname,
    '..',
    '.scratch',
    `ingest-backend-${process.pid}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  // the catalog's source: N DataProducts whose dataset is the events' output
  const catalogFile = path.join(dir, 'products.yaml');
  fs.writeFileSync(
    catalogFile,
    Array.from({ length: products }, (_, i) => {
      const product = syntheticDataProduct(i);
      product.metadata.annotations = {
        'openlineage.io/dataset': benchDatasetAnnotation(i),
      };
      if (options.lineage) {
        (product.spec.contract as { lineage: object }).lineage = {
          upstreams: options.lineage(i),
        };
      }
      return YAML.stringify(product);
    }).join('---\n'),
  );

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const pipelineToken = token();
  const harnessToken = token();
  const otherToken = token();
  const readerToken = token();
  const config = {
    // the notifications backend links notices to the portal
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      logger: { level: options.logLevel ?? 'warn' },
      database: db.backendConfig,
      auth: {
        externalAccess: [
          {
            // the pipelines: report runs to Stockroom, nothing else
            type: 'static',
            options: { token: pipelineToken, subject: 'bench-pipelines' },
            accessRestrictions: [
              { plugin: 'data-products', permission: 'stockroom.run.report' },
            ],
          },
          {
            // a token for something else: must be refused
            type: 'static',
            options: { token: otherToken, subject: 'bench-ops' },
            accessRestrictions: [
              { plugin: 'data-products', permission: 'stockroom.task.trigger' },
            ],
          },
          {
            // a reader of scorecards: the API reads the catalog on its behalf
            type: 'static',
            options: { token: readerToken, subject: 'bench-reader' },
            accessRestrictions: [
              { plugin: 'data-products' },
              { plugin: 'catalog' },
            ],
          },
          {
            // the harness: reads the catalog to see it is ready
            type: 'static',
            options: { token: harnessToken, subject: 'bench-harness' },
            accessRestrictions: [{ plugin: 'catalog' }],
          },
        ],
      },
    },
    catalog: {
      rules: [{ allow: ['DataProduct', 'Location'] }],
      locations: [{ type: 'file', target: catalogFile }],
    },
    permission: { enabled: true },
    stockroom: options.stockroom ?? {
      lifecycle: { notifications: { enabled: false } },
      scoring: { enabled: false },
    },
  };
  const configFile = path.join(dir, 'app-config.yaml');
  fs.writeFileSync(configFile, YAML.stringify(config));

  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({ argv: ['--config', configFile], watch: false }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@stockroom/plugin-catalog-backend-module-data-products'));
  backend.add(import('@stockroom/plugin-data-products-backend'));
  backend.add(import('@backstage/plugin-permission-backend'));
  // owners' notices (budgets, tiers at risk) are delivered, as in the portal
  backend.add(import('@backstage/plugin-notifications-backend'));
  // service principals are decided by their token's access restrictions
  // before any policy, as in production (see denyUsersPolicy.ts)
  backend.add(import('./denyUsersPolicy'));

  const stop = async () => {
    try {
      await backend.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await backend.start();
    await catalogReady(baseUrl, harnessToken, products);
    const endpoint = `${baseUrl}/api/data-products/openlineage`;
    await checkAccess(endpoint, { pipelineToken, otherToken });
    return { baseUrl, endpoint, token: pipelineToken, readerToken, stop };
  } catch (error) {
    await stop().catch(() => {}); // the start-up error is the one to see
    throw error;
  }
}

/** Waits until the catalog serves all `n` DataProducts (processed and stitched). */
async function catalogReady(baseUrl: string, harnessToken: string, n: number) {
  // the catalog processes some 100 entities a second on this machine
  const deadline = Date.now() + Math.max(180_000, n * 30);
  let seen = 0;
  while (Date.now() < deadline) {
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?filter=kind=dataproduct&limit=1`,
      { headers: { authorization: `Bearer ${harnessToken}` } },
    );
    if (res.ok) {
      seen = ((await res.json()) as { totalItems: number }).totalItems;
      if (seen >= n) return;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `The catalog served only ${seen} of ${n} DataProducts in time`,
  );
}

/**
 * Auth and permissions are live: no token is a 401, a token without
 * stockroom.run.report a 403 (both before the body is read).
 */
async function checkAccess(
  endpoint: string,
  tokens: { pipelineToken: string; otherToken: string },
) {
  const body = JSON.stringify({});
  const statusWith = async (authorization?: string) =>
    (
      await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body,
      })
    ).status;
  const anonymous = await statusWith();
  const unpermitted = await statusWith(`Bearer ${tokens.otherToken}`);
  if (anonymous !== 401 || unpermitted !== 403) {
    throw new Error(
      `Expected 401 without a token and 403 with a token lacking stockroom.run.report; got ${anonymous} and ${unpermitted}`,
    );
  }
}
