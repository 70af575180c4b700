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
import {
  datasetKeysOf,
  normalizeContract,
} from '@stockroom/plugin-data-products-common';
import { demoRuns, runIdFor } from './scenario';
import {
  datasetOf,
  qualityCheckEvent,
  runEvents,
  streamingEvents,
} from './events';
import { inputDatasetsOf, loadProducts } from './examples';

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
  const totals = { accepted: 0, updated: 0, ignored: 0, duplicates: 0 };
  for (const entity of products) {
    const annotation = entity.metadata.annotations?.['openlineage.io/dataset'];
    if (!annotation) continue;
    const { contract } = normalizeContract(entity);
    const [key] = datasetKeysOf(annotation);
    const dataset = datasetOf(key);
    const runs = demoRuns(entity, contract, now, days);
    const name = entity.metadata.name;
    // what the job reads: its upstream products' datasets (lead time)
    const inputs = inputDatasetsOf(entity, products);
    const events: unknown[] = runs.flatMap((run, slot) =>
      runEvents(`${name}.refresh`, dataset, run, slot, inputs),
    );
    // One Great Expectations validation a day of the first key field.
    const keyField = contract.quality?.keyFields?.[0];
    if (keyField) {
      for (let day = days; day >= 1; day--) {
        events.push(
          qualityCheckEvent(
            dataset,
            keyField,
            runIdFor(`${name}#ge`, day),
            new Date(now.getTime() - day * 86_400_000 + 3_600_000),
            {
              rows: 10_000,
              nulls: day % 7 === 0 ? 40 : 0,
              failed: day % 7 === 0,
            },
          ),
        );
      }
    }
    // The history goes in batches, as a backfill would; the newest runs one
    // event per request, START and COMPLETE apart, as the OpenLineage HTTP
    // transport sends them.
    const live = events.splice(Math.max(0, events.length - 6));
    if (contract.freshness?.tier === 'streaming') {
      live.push(
        ...streamingEvents(
          `${name}.stream`,
          dataset,
          runIdFor(`${name}#stream`, 0),
          now,
        ),
      );
    }
    const count = (reply: Record<string, number>) => {
      totals.accepted += reply.accepted ?? 0;
      totals.updated += reply.updated ?? 0;
      totals.ignored += reply.ignored ?? 0;
      totals.duplicates += reply.duplicates ?? 0;
    };
    for (let i = 0; i < events.length; i += 1000) {
      count(
        await post(
          `${baseUrl}/api/data-products/openlineage`,
          events.slice(i, i + 1000),
        ),
      );
    }
    for (const event of live) {
      count(await post(`${baseUrl}/api/data-products/openlineage`, event));
    }
    console.log(
      `${name}: ${runs.length} runs (${events.length + live.length} events)`,
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
    `replayed: ${totals.accepted} accepted, ${totals.updated} updated, ${totals.ignored} ignored, ${totals.duplicates} duplicates`,
  );
}

main().catch(e => {
  console.error(`replay failed: ${e.message}`);
  process.exit(1);
});
