/*
 * A real backend for the inventory's read model: the catalog (with
 * Stockroom's DataProduct module) fed by an entity provider the bench
 * drives, the permission and notifications backends, and the data-products
 * plugin with its scheduled tasks as configured by default (the inventory
 * sync every 15 s), on PostgreSQL. Nothing is mocked.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { Entity } from '@backstage/catalog-model';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { benchEntityProvider, withLocation } from './catalogIngestion';
import type { BenchDatabase } from './databases';
import { freePort } from './runsServer';

export interface InventoryModelBackend {
  baseUrl: string;
  /** A reader's static token: the data-products API and the catalog. */
  readerToken: string;
  /** Hands the catalog these entities in place of all it had. */
  replaceAll(entities: Entity[]): Promise<void>;
  /** Hands the catalog new versions of these entities. */
  update(entities: Entity[]): Promise<void>;
  stop(): Promise<void>;
}

const LOCATION_KEY = 'stockroom-bench';

export async function startInventoryModelBackend(
  db: BenchDatabase,
): Promise<InventoryModelBackend> {
  const dir = path.resolve(
    __dirname,
    '..',
    '.scratch',
    `inventory-model-${process.pid}`,
  );
  fs.mkdirSync(dir, { recursive: true });

  const provider = benchEntityProvider();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const readerToken = crypto.randomBytes(24).toString('base64url');
  const configFile = path.join(dir, 'app-config.yaml');
  fs.writeFileSync(
    configFile,
    YAML.stringify({
      // the notifications backend links notices to the portal
      app: { baseUrl: 'http://127.0.0.1:3000' },
      backend: {
        baseUrl,
        listen: { host: '127.0.0.1', port },
        logger: { level: 'warn' },
        database: db.backendConfig,
        auth: {
          externalAccess: [
            {
              // a reporting job reading the inventory (and the catalog)
              type: 'static',
              options: { token: readerToken, subject: 'bench-reader' },
              accessRestrictions: [
                { plugin: 'data-products' },
                { plugin: 'catalog' },
              ],
            },
          ],
        },
      },
      catalog: {
        rules: [
          {
            allow: [
              'DataProduct',
              'Group',
              'Domain',
              'System',
              'API',
              'Resource',
              'Location',
            ],
          },
        ],
        // edits arrive as provider mutations, processed at once; no
        // background re-processing of 10,000 entities during measurements
        processingInterval: { minutes: 60 },
      },
      permission: { enabled: true },
      stockroom: {
        lifecycle: { notifications: { enabled: false } },
        scoring: { enabled: false },
      },
    }),
  );

  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({ argv: ['--config', configFile], watch: false }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@stockroom/plugin-catalog-backend-module-data-products'));
  backend.add(provider.module);
  backend.add(import('@stockroom/plugin-data-products-backend'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(import('@backstage/plugin-notifications-backend'));
  // service principals are decided by their token's access restrictions
  backend.add(import('./denyUsersPolicy'));

  const stop = async () => {
    try {
      await backend.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  await backend.start();
  const connected = provider.connection();
  if (!connected) {
    await stop();
    throw new Error('the catalog did not connect the bench provider');
  }
  const handed = (entities: Entity[]) =>
    entities.map(entity => ({
      entity: withLocation(entity),
      locationKey: LOCATION_KEY,
    }));
  return {
    baseUrl,
    readerToken,
    replaceAll: entities =>
      connected.applyMutation({ type: 'full', entities: handed(entities) }),
    update: entities =>
      connected.applyMutation({
        type: 'delta',
        added: handed(entities),
        removed: [],
      }),
    stop,
  };
}
