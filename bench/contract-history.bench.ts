/*
 * `yarn bench contract-history [--n 10000]`
 *
 * A new install's first contract-history pass: the scheduled task's body
 * (ContractHistoryJob: read every DataProduct, normalize and fingerprint its
 * contract, record it) over N products never seen, on PostgreSQL, then the
 * idle pass after it. Baseline in the same run, on a fresh database: the
 * same first contracts recorded a transaction per product through
 * `recordVersion`, as the task did before it recorded first sightings in
 * batches. Mocked: the catalog is Backstage's in-memory catalog mock (no
 * HTTP); the store, the engine and the task are the plugin's own.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_POLICY,
  prepareDataProduct,
} from '@stockroom/plugin-data-products-common';
import {
  ContractHistoryJob,
  firstSighting,
  openStores,
} from '@stockroom/plugin-data-products-backend/testUtils';
import { ingestedDataProduct } from './lib/catalogIngestion';
import { postgresDatabase } from './lib/databases';
import { fmt, machineFacts, option, writeReport } from './lib/report';

const n = Number(option('n', '10000'));
const quietLogger: any = {
  info() {},
  warn: console.warn,
  error: console.error,
  debug() {},
  child: () => quietLogger,
};
const seconds = (since: number) => (performance.now() - since) / 1000;

async function main() {
  const now = new Date();
  const entities = Array.from({ length: n }, (_, i) =>
    ingestedDataProduct(i, now),
  );

  // the task, batched
  const db = (await postgresDatabase('contract_history'))!;
  let firstPass: number;
  let idlePass: number;
  let summary: unknown;
  try {
    const stores = await openStores(db.service as never);
    const job = new ContractHistoryJob({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      store: stores.contractHistory,
      policy: DEFAULT_POLICY,
      logger: quietLogger,
    });
    let started = performance.now();
    summary = await job.run(now);
    firstPass = seconds(started);
    started = performance.now();
    await job.run(new Date(now.getTime() + 60_000));
    idlePass = seconds(started);
  } finally {
    await db.close();
  }

  // baseline: a transaction per product
  const baselineDb = (await postgresDatabase('contract_history_baseline'))!;
  let perProduct: number;
  try {
    const { contractHistory } = await openStores(baselineDb.service as never);
    const started = performance.now();
    for (const entity of entities) {
      await contractHistory.recordVersion(
        firstSighting(prepareDataProduct(entity as never), now),
      );
    }
    perProduct = seconds(started);
  } finally {
    await baselineDb.close();
  }

  const lines = [
    `first pass over ${fmt(n)} new products: ${fmt(
      firstPass,
      1,
    )} s (${JSON.stringify(summary)})`,
    `baseline, a transaction per product: ${fmt(
      perProduct,
      1,
    )} s; batched / baseline: ${fmt(firstPass / perProduct, 2)}×`,
    `idle pass after it: ${fmt(
      idlePass,
      2,
    )} s; the records, first − idle: ${fmt(firstPass - idlePass, 1)} s (${fmt(
      (firstPass - idlePass) / perProduct,
      2,
    )}× the baseline)`,
  ];
  lines.forEach(line => console.log(line));
  const markdown = `# Benchmark: a new install's first contract-history pass

\`yarn bench contract-history\`: the contract-history task's body over ${fmt(
    n,
  )} DataProducts never seen (bench/lib/catalogIngestion.ts), on PostgreSQL 15, then its next pass. Baseline in the same run, on a fresh database: the same first contracts recorded a transaction per product (\`recordVersion\`), as the task did before it recorded first sightings in batches of 200. Mocked: the catalog is Backstage's in-memory catalog mock; the store, the engine and the task are the plugin's own.

| | seconds |
|---|---:|
| first pass (read, normalize, fingerprint, record in batches) | **${fmt(
    firstPass,
    1,
  )}** |
| baseline: the records alone, a transaction per product | ${fmt(
    perProduct,
    1,
  )} |
| idle pass after it (nothing changed) | ${fmt(idlePass, 2)} |

The whole batched pass takes ${fmt(
    firstPass / perProduct,
    2,
  )}× the baseline's records alone.

Machine: ${Object.values(machineFacts()).join(', ')}
`;
  writeReport('contract-history', markdown, {
    n,
    firstPassSeconds: firstPass,
    perProductBaselineSeconds: perProduct,
    idlePassSeconds: idlePass,
    summary,
  });
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
