/*
 * The app-config the replicas run on, written at run time into the run's
 * temp dir: one file shared by all (what a cluster shares), one per replica
 * (only where it listens).
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/** How often each task runs in the test: short, so periods elapse in minutes. */
export const TASK_FREQUENCY_SECONDS: Record<string, number> = {
  'data-products-rescore': 10,
  'data-products-inventory-sync': 10,
  'data-products-lifecycle-notifications': 15,
  'data-products-scoring': 20,
  // the alerts run as often as scoring (config.ts of the plugin)
  'data-products-alerts': 20,
  'data-products-history': 20,
  'data-products-contract-history': 20,
  'data-products-runs-retention': 20,
  // not configurable (10 minutes): runs once in the test, a minute in
  'data-products-product-sightings': 600,
};

export interface Tokens {
  pipeline: string;
  reader: string;
  harness: string;
}

export function writeSharedConfig(options: {
  dir: string;
  balancerUrl: string;
  database: string;
  redisNamespace: string;
  catalogTargets: string[];
  tokens: Tokens;
}): string {
  const { tokens } = options;
  const seconds = (id: string) => ({ seconds: TASK_FREQUENCY_SECONDS[id] });
  const config = {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      // What callers reach: the balancer. Plugin-to-plugin calls go to the
      // replica's own listen address (Backstage's HostDiscovery derives the
      // internal URL from backend.listen), as behind any load balancer.
      baseUrl: options.balancerUrl,
      logger: {
        level: 'info',
        // the plugin's idle task runs log at debug: keep them, for the record
        overrides: [{ matchers: { plugin: 'data-products' }, level: 'debug' }],
      },
      // One PostgreSQL database for the whole cluster, a schema per plugin
      // (the scheduler's tables live in each plugin's schema).
      database: {
        client: 'pg',
        pluginDivisionMode: 'schema',
        connection: {
          host: '127.0.0.1',
          port: 5432,
          user: 'postgres',
          database: options.database,
        },
      },
      cache: {
        store: 'redis',
        connection: 'redis://127.0.0.1:6379',
        // this run's keys only: other runs and tests share the machine's Redis
        redis: { client: { namespace: options.redisNamespace } },
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: tokens.pipeline, subject: 'replicas-pipelines' },
            accessRestrictions: [
              { plugin: 'data-products', permission: 'stockroom.run.report' },
            ],
          },
          {
            type: 'static',
            options: { token: tokens.reader, subject: 'replicas-reader' },
            accessRestrictions: [
              { plugin: 'data-products' },
              { plugin: 'catalog' },
            ],
          },
          {
            type: 'static',
            options: { token: tokens.harness, subject: 'replicas-harness' },
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
            'System',
            'Domain',
            'API',
            'Resource',
            'Group',
            'User',
            'Location',
            'DataProduct',
          ],
        },
      ],
      processingInterval: { minutes: 1 },
      locations: options.catalogTargets.map(target => ({
        type: 'file',
        target,
      })),
    },
    permission: { enabled: true },
    stockroom: {
      lifecycle: {
        notifications: {
          frequency: seconds('data-products-lifecycle-notifications'),
        },
      },
      contracts: {
        history: { frequency: seconds('data-products-contract-history') },
      },
      scoring: {
        frequency: seconds('data-products-scoring'),
        rescore: { frequency: seconds('data-products-rescore') },
        history: {
          days: 7,
          frequency: seconds('data-products-history'),
        },
      },
      runs: {
        pruning: { frequency: seconds('data-products-runs-retention') },
      },
      inventory: {
        sync: { frequency: seconds('data-products-inventory-sync') },
      },
    },
  };
  const file = path.join(options.dir, 'app-config.shared.yaml');
  fs.writeFileSync(file, YAML.stringify(config));
  return file;
}

/** The one thing a replica does not share: where it listens. */
export function writeReplicaConfig(dir: string, name: string, port: number) {
  const file = path.join(dir, `app-config.${name}.yaml`);
  fs.writeFileSync(
    file,
    YAML.stringify({ backend: { listen: { host: '127.0.0.1', port } } }),
  );
  return file;
}
