/*
 * Replays 30 days of realistic OpenLineage events for the example data
 * products through the portal's real ingestion endpoint, then asks for fresh
 * scorecards. See docs/runs-and-scorecards.md ("Demo data").
 *
 *   yarn demo:replay [--url http://localhost:7007] [--days 30]
 *
 * Auth: the dev-only static token of app-config.yaml
 * (backend.auth.externalAccess), or STOCKROOM_PIPELINE_TOKEN.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import {
  DataProductEntityV1alpha1,
  datasetKeysOf,
  normalizeContract,
} from '@stockroom/plugin-data-products-common';
import { demoRuns } from './scenario';
import { datasetOf, runEvents } from './events';

const DEV_TOKEN = 'stockroom-dev-pipeline-token-do-not-use-in-production';
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const baseUrl = arg(
  'url',
  process.env.STOCKROOM_URL ?? 'http://localhost:7007',
);
const days = Number(arg('days', '30'));
const token = process.env.STOCKROOM_PIPELINE_TOKEN ?? DEV_TOKEN;
const examples = path.resolve(__dirname, '../../examples/data-products');

function loadProducts(): DataProductEntityV1alpha1[] {
  return fs
    .readdirSync(examples)
    .filter(f => f.endsWith('.yaml') && !f.endsWith('.odcs.yaml'))
    .flatMap(f => {
      const file = path.join(examples, f);
      return parseAllDocuments(fs.readFileSync(file, 'utf8'))
        .map(d => d.toJS())
        .filter(e => e?.kind === 'DataProduct')
        .map(e => {
          const odcs = e.spec?.contract?.odcs;
          if (odcs?.$yaml) {
            e.spec.contract.odcs = parse(
              fs.readFileSync(
                path.resolve(path.dirname(file), odcs.$yaml),
                'utf8',
              ),
            );
          }
          return e as DataProductEntityV1alpha1;
        });
    });
}

async function waitForBackend() {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`no backend answered at ${baseUrl}`);
    await new Promise(r => setTimeout(r, 2000));
  }
}

/**
 * Ingestion maps datasets to products through the catalog: wait until the
 * catalog has read every example product, or the first events would all be
 * counted as unknown datasets.
 */
async function waitForCatalog(names: string[]) {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const res = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?filter=kind=dataproduct&fields=metadata.name&limit=1000`,
      { headers: { authorization: `Bearer ${token}` } },
    ).catch(() => undefined);
    if (res?.ok) {
      const { items } = (await res.json()) as {
        items: Array<{ metadata: { name: string } }>;
      };
      const known = new Set(items.map(item => item.metadata.name));
      if (names.every(name => known.has(name))) return;
    }
    if (Date.now() > deadline) {
      throw new Error('the catalog never listed all example data products');
    }
    await new Promise(r => setTimeout(r, 3000));
  }
}

async function post(url: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(`${res.status} from ${url}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : {};
}

async function main() {
  await waitForBackend();
  const products = loadProducts();
  await waitForCatalog(products.map(p => p.metadata.name));
  const now = new Date();
  const totals = { accepted: 0, ignored: 0, duplicates: 0 };
  for (const entity of products) {
    const annotation = entity.metadata.annotations?.['openlineage.io/dataset'];
    if (!annotation) continue;
    const { contract } = normalizeContract(entity);
    const [key] = datasetKeysOf(annotation);
    const dataset = datasetOf(key);
    const runs = demoRuns(entity, contract, now, days);
    const events = runs.flatMap(run =>
      runEvents(`${entity.metadata.name}.refresh`, dataset, run),
    );
    for (let i = 0; i < events.length; i += 1000) {
      const reply = await post(
        `${baseUrl}/api/data-products/openlineage`,
        events.slice(i, i + 1000),
      );
      totals.accepted += reply.accepted ?? 0;
      totals.ignored += reply.ignored ?? 0;
      totals.duplicates += reply.duplicates ?? 0;
    }
    console.log(
      `${entity.metadata.name}: ${runs.length} runs (${events.length} events)`,
    );
  }
  for (const entity of products) {
    const ns = entity.metadata.namespace ?? 'default';
    await post(
      `${baseUrl}/api/data-products/products/${ns}/${entity.metadata.name}/scorecard/refresh`,
      {},
    ).catch(e => console.warn(`refresh ${entity.metadata.name}: ${e.message}`));
  }
  console.log(
    `replayed: ${totals.accepted} accepted, ${totals.ignored} ignored, ${totals.duplicates} duplicates`,
  );
}

main().catch(e => {
  console.error(`replay failed: ${e.message}`);
  process.exit(1);
});
