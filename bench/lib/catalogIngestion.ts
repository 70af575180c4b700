/*
 * Catalog ingestion through Backstage's real catalog backend on PostgreSQL:
 * one entity provider hands the catalog N entities of one kind (a full
 * mutation), and the clock runs until every entity is processed, stitched
 * and served by the catalog's API. Run once for DataProducts and once for
 * Components, each in its own fresh database, to compare what users feel.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import {
  DataProductEntityV1alpha1,
  addCalendarDays,
  formatIsoDate,
  toCatalogShape,
} from '@stockroom/plugin-data-products-common';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import YAML from 'yaml';
import { BenchDatabase, postgresDatabase } from './databases';
import { syntheticComponent, syntheticDataProduct } from './synthetic';

/**
 * What is ingested: DataProducts, Components as synthetic.ts makes them
 * (same owners and systems, far less data), or Components carrying the
 * very data a stored DataProduct carries (same document weight, Backstage's
 * built-in kind).
 */
export type IngestedKind = 'DataProduct' | 'Component' | 'ComponentSameData';

/** The catalog kind of what `kind` ingests. */
export function catalogKindOf(kind: IngestedKind) {
  return kind === 'DataProduct' ? 'DataProduct' : 'Component';
}

export interface IngestionResult {
  kind: IngestedKind;
  /** Entities of `kind` handed to the catalog. */
  n: number;
  /** Groups, domains, systems, APIs and resources they refer to (the same for both kinds). */
  supporting: number;
  /** From the mutation until every entity had been processed once. */
  processedSeconds: number;
  /** … until every entity had a final (stitched) entity and nothing waited to be stitched. */
  stitchedSeconds: number;
  /** … until the catalog's API served all `n` entities of the kind: the figure that counts. */
  servedSeconds: number;
  /**
   * CPU the backend process (catalog and our module; not PostgreSQL) spent
   * from the mutation until served, user and system: steadier than wall
   * time on a shared machine.
   */
  backendCpuSeconds: number;
  /** Rows of the catalog's search table at the end (one per indexed field value). */
  searchRows: number;
  /** Mean size of a stored final entity of `kind`, in bytes of JSON. */
  finalEntityBytes: number;
  /** Relations stored in the catalog at the end. */
  relations: number;
  /** The machine's 1-minute load average when the run started (2 cores). */
  loadAtStart: number;
}

const LOCATION = 'bench:stockroom-catalog-ingestion';

/**
 * The entities the synthetic ones refer to, so every owner, domain, system,
 * API and resource exists: 50 groups, 7 domains, 23 systems, 30 APIs,
 * 40 resources (see synthetic.ts).
 */
export function supportingEntities(): Entity[] {
  const entity = (kind: string, name: string, spec: object): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    spec: spec as Entity['spec'],
  });
  const range = (count: number) => Array.from({ length: count }, (_, i) => i);
  return [
    ...range(50).map(i =>
      entity('Group', `team-${i}`, { type: 'team', children: [] }),
    ),
    ...range(7).map(i =>
      entity('Domain', `domain-${i}`, { owner: `group:team-${i}` }),
    ),
    ...range(23).map(i =>
      entity('System', `system-${i}`, {
        owner: `group:team-${i % 50}`,
        domain: `domain-${i % 7}`,
      }),
    ),
    ...range(30).map(i =>
      entity('API', `api-${i}`, {
        type: 'openapi',
        lifecycle: 'production',
        owner: `group:team-${i % 50}`,
        system: `system-${i % 23}`,
        definition: 'openapi: 3.0.0\ninfo: { title: bench, version: 1.0.0 }\n',
      }),
    ),
    ...range(40).map(i =>
      entity('Resource', `raw-${i}`, {
        type: 'table',
        owner: `group:team-${i % 50}`,
        system: `system-${i % 23}`,
      }),
    ),
  ];
}

/**
 * Synthetic product i with its lifecycle dates a fixed distance before
 * `today`, so the catalog (which judges at its own clock) always finds a
 * current, reviewed, renewed product whatever day the benchmark runs.
 */
export function ingestedDataProduct(i: number, today: Date): Entity {
  const product = syntheticDataProduct(i);
  const daysAgo = (days: number) =>
    formatIsoDate(addCalendarDays(today, -days));
  const lifecycle = product.spec.lifecycle;
  lifecycle.createdOn = daysAgo(300);
  if (lifecycle.renewedOn) lifecycle.renewedOn = daysAgo(20);
  if (lifecycle.reviewedOn) lifecycle.reviewedOn = daysAgo(20);
  return product as unknown as Entity;
}

/**
 * A Component with a Component's references (owner, system, dependsOn,
 * providesApis, consumesApis, as synthetic.ts) carrying everything else
 * product i carries once stored by the catalog: its metadata, category,
 * version, lifecycle details, contract and cost, and the label and
 * annotation the DataProduct processor writes. Backstage's Component
 * schema allows further spec fields, so the built-in processor takes it as
 * is: the same document weight under a kind Backstage knows.
 */
export function componentWithProductData(i: number, today: Date): Entity {
  const stored = toCatalogShape(
    ingestedDataProduct(i, today) as unknown as DataProductEntityV1alpha1,
  );
  const component = syntheticComponent(i);
  const {
    type: _type,
    lifecycle: _lifecycle,
    owner: _owner,
    domain: _domain,
    system: _system,
    ...data
  } = stored.spec as Record<string, unknown>;
  return {
    apiVersion: component.apiVersion,
    kind: 'Component',
    metadata: {
      ...stored.metadata,
      name: component.metadata.name,
      annotations: {
        ...stored.metadata.annotations,
        'stockroom.io/category': String(data.category),
      },
      labels: { 'stockroom.io/state': 'active' },
    },
    spec: { ...data, ...component.spec } as Entity['spec'],
  };
}

/**
 * A catalog module with the benches' entity provider, and the connection the
 * catalog gives it once started (undefined before).
 */
export function benchEntityProvider() {
  let connection: EntityProviderConnection | undefined;
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'stockroom-bench-provider',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'stockroom-bench',
            connect: async c => {
              connection = c;
            },
          });
        },
      });
    },
  });
  return { module, connection: () => connection };
}

/** An entity as the bench provider hands it over, from its one location. */
export function withLocation(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** The catalog's own database of a BenchDatabase on PostgreSQL. */
function catalogKnex(db: BenchDatabase): Knex {
  const config = db.backendConfig as {
    connection: Knex.PgConnectionConfig;
    prefix: string;
  };
  return knexFactory({
    client: 'pg',
    connection: { ...config.connection, database: `${config.prefix}catalog` },
    pool: { min: 0, max: 1 },
  });
}

interface Progress {
  states: number;
  unprocessed: number;
  failed: string[];
  stitchQueue: number;
  finals: number;
}

async function progress(knex: Knex): Promise<Progress> {
  const count = async (query: Knex.QueryBuilder) =>
    Number(((await query.count({ c: '*' })) as any)[0].c);
  const failed = await knex('refresh_state')
    .whereNotNull('errors')
    .andWhereNot('errors', '[]')
    .andWhereNot('errors', '')
    .limit(3)
    .select('entity_ref', 'errors');
  return {
    states: await count(knex('refresh_state')),
    unprocessed: await count(knex('refresh_state').whereNull('result_hash')),
    failed: failed.map(
      (row: any) => `${row.entity_ref}: ${String(row.errors).slice(0, 500)}`,
    ),
    stitchQueue: await count(knex('stitch_queue')),
    finals: await count(knex('final_entities').whereNotNull('final_entity')),
  };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Starts a real backend (backend-defaults' createBackend: real database
 * manager on PostgreSQL, scheduler, auth, HTTP) with the catalog, Stockroom's
 * DataProduct module as its README installs it, and one entity provider;
 * hands the catalog `n` entities of `kind` plus the entities they refer to
 * in one full mutation; and times until every one is processed, stitched
 * and served. A fresh database is created for the run and dropped after.
 * Nothing is mocked; the only thing not as in production is that the
 * catalog reprocesses an entity every 60 minutes instead of every 100–150 s,
 * so the measurement sees the first ingestion only.
 */
export async function measureCatalogIngestion(options: {
  kind: IngestedKind;
  n: number;
  /** Give up after this many seconds. */
  timeoutSeconds?: number;
  log?: (line: string) => void;
}): Promise<IngestionResult> {
  const { kind, n } = options;
  const catalogKind = catalogKindOf(kind);
  const log = options.log ?? (() => {});
  const label = `ingest_${kind.toLowerCase()}`;
  const db = await postgresDatabase(label);
  if (!db) throw new Error('PostgreSQL is needed for the ingestion benchmark');
  const dir = path.resolve(
    __dirname,
    '..',
    '.scratch',
    `${label}-${process.pid}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  const bench = benchEntityProvider();
  const provider = bench.module;

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = crypto.randomBytes(24).toString('base64url');
  const configFile = path.join(dir, 'app-config.yaml');
  fs.writeFileSync(
    configFile,
    YAML.stringify({
      backend: {
        baseUrl,
        listen: { host: '127.0.0.1', port },
        logger: { level: 'warn' },
        database: db.backendConfig,
        auth: {
          externalAccess: [
            {
              // the harness reads the catalog to see what it serves
              type: 'static',
              options: { token, subject: 'bench-harness' },
              accessRestrictions: [{ plugin: 'catalog' }],
            },
          ],
        },
      },
      catalog: {
        rules: [
          {
            allow: [
              'Component',
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
        processingInterval: { minutes: 60 },
      },
    }),
  );

  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({ argv: ['--config', configFile], watch: false }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@stockroom/plugin-catalog-backend-module-data-products'));
  backend.add(provider);

  const knex = catalogKnex(db);
  try {
    await backend.start();
    const connection = bench.connection();
    if (!connection)
      throw new Error('the catalog did not connect the provider');
    const today = new Date();
    const main = Array.from({ length: n }, (_, i) => {
      if (kind === 'DataProduct') return ingestedDataProduct(i, today);
      if (kind === 'ComponentSameData') {
        return componentWithProductData(i, today);
      }
      return syntheticComponent(i);
    });
    const supporting = supportingEntities();
    const entities = [...supporting, ...main].map(entity => ({
      entity: withLocation(entity),
      locationKey: 'stockroom-bench',
    }));
    const total = entities.length;

    const loadAtStart = os.loadavg()[0];
    const start = process.hrtime.bigint();
    const cpuAtStart = process.cpuUsage();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
    await connection.applyMutation({ type: 'full', entities });
    log(`${kind}: mutation applied after ${elapsed().toFixed(1)} s`);

    const deadline = options.timeoutSeconds ?? 1800;
    let processedSeconds: number | undefined;
    let stitchedSeconds: number | undefined;
    let lastLog = 0;
    while (stitchedSeconds === undefined) {
      if (elapsed() > deadline) {
        throw new Error(`${kind}: not ingested after ${deadline} s`);
      }
      const p = await progress(knex);
      if (p.failed.length) {
        throw new Error(
          `${kind}: processing failed for\n${p.failed.join('\n')}`,
        );
      }
      const t = elapsed();
      if (processedSeconds === undefined && p.states === total) {
        if (p.unprocessed === 0) processedSeconds = t;
      }
      if (
        processedSeconds !== undefined &&
        p.stitchQueue === 0 &&
        p.finals === total
      ) {
        stitchedSeconds = t;
        break;
      }
      if (t - lastLog >= 15) {
        lastLog = t;
        log(
          `${kind}: ${t.toFixed(0)} s, ${
            p.states - p.unprocessed
          }/${total} processed, ${p.finals} final, ${
            p.stitchQueue
          } waiting to be stitched`,
        );
      }
      await sleep(250);
    }

    // Served: the catalog's own API answers with all n entities of the kind.
    let servedSeconds: number | undefined;
    let backendCpuSeconds = 0;
    while (servedSeconds === undefined) {
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-query?filter=kind=${catalogKind.toLowerCase()}&limit=1`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      if (!res.ok) {
        throw new Error(
          `catalog API answered ${res.status}: ${await res.text()}`,
        );
      }
      const { totalItems } = (await res.json()) as { totalItems: number };
      if (totalItems === n) {
        servedSeconds = elapsed();
        const cpu = process.cpuUsage(cpuAtStart);
        backendCpuSeconds = (cpu.user + cpu.system) / 1e6;
      } else if (elapsed() > deadline) {
        throw new Error(`${kind}: the API serves ${totalItems} of ${n}`);
      } else await sleep(250);
    }
    log(
      `${kind}: processed ${processedSeconds!.toFixed(
        1,
      )} s, stitched ${stitchedSeconds.toFixed(
        1,
      )} s, served ${servedSeconds.toFixed(1)} s`,
    );

    // What was stored: checks that the work really happened, and its size.
    const one = await fetch(
      `${baseUrl}/api/catalog/entities/by-name/${catalogKind.toLowerCase()}/default/${
        kind === 'DataProduct' ? 'product-1' : 'service-1'
      }`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const served = (await one.json()) as Entity;
    if (
      !served.relations?.some(
        r => r.type === 'ownedBy' && r.targetRef === 'group:default/team-1',
      )
    ) {
      throw new Error(`${kind}: the served entity lacks its ownedBy relation`);
    }
    const [{ c: searchRows }] = (await knex('search').count({ c: '*' })) as any;
    const [{ c: relations }] = (await knex('relations').count({
      c: '*',
    })) as any;
    const [{ bytes }] = (await knex('final_entities')
      .where('entity_ref', 'like', `${catalogKind.toLowerCase()}:%`)
      .avg({ bytes: knex.raw('length(final_entity)') })) as any;
    return {
      kind,
      n,
      supporting: supporting.length,
      processedSeconds: processedSeconds!,
      stitchedSeconds,
      servedSeconds,
      backendCpuSeconds,
      searchRows: Number(searchRows),
      finalEntityBytes: Math.round(Number(bytes)),
      relations: Number(relations),
      loadAtStart,
    };
  } finally {
    await knex.destroy();
    await backend.stop().catch(() => {});
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
