/*
 * `yarn bench ingest [--runs 25000] [--products 200] [--batch 500] [--concurrency 4]`
 *
 * OpenLineage events/second through the real ingestion endpoint (HTTP on
 * 127.0.0.1 → validation → dataset mapping → knex store) on SQLite and
 * PostgreSQL, against the same rows written by a raw multi-row INSERT in the
 * same run. Each run is a START and a COMPLETE event carrying the facets
 * real producers send (nominal time, schema, output statistics, quality).
 */
import { fmt, machineFacts, option, writeReport } from './lib/report';
import { BenchDatabase, postgresDatabase, sqliteDatabase, withPeakMemory } from './lib/databases';
import { benchProducts, startRunsServer } from './lib/runsServer';

const runs = Number(option('runs', '25000'));
const productCount = Number(option('products', '200'));
const batch = Number(option('batch', '500'));
const concurrency = Number(option('concurrency', '4'));
const HOUR = 3600_000;

function uuid(i: number) {
  const hex = i.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

function eventsFor(i: number, now: number) {
  const product = i % productCount;
  const finishedAt = new Date(now - (runs - i) * 60_000);
  const dataset = { namespace: 'bench://warehouse', name: `t${product}` };
  const base = {
    producer: 'https://example.com/bench',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    job: { namespace: 'bench', name: `job-${product}` },
    inputs: [],
  };
  const runFacets = {
    nominalTime: {
      nominalStartTime: new Date(finishedAt.getTime() - 2 * HOUR).toISOString(),
      nominalEndTime: new Date(finishedAt.getTime() - HOUR).toISOString(),
    },
  };
  return [
    {
      ...base,
      eventType: 'START',
      eventTime: new Date(finishedAt.getTime() - 60_000).toISOString(),
      run: { runId: uuid(i), facets: runFacets },
      outputs: [dataset],
    },
    {
      ...base,
      eventType: 'COMPLETE',
      eventTime: finishedAt.toISOString(),
      run: { runId: uuid(i), facets: runFacets },
      outputs: [
        {
          ...dataset,
          facets: {
            schema: {
              fields: ['id', 'field_1', 'field_2', 'field_3', 'field_4'].map(name => ({
                name,
                type: 'string',
              })),
            },
          },
          outputFacets: {
            outputStatistics: { rowCount: 10_000 },
            dataQualityMetrics: {
              rowCount: 10_000,
              columnMetrics: { id: { nullCount: 0, distinctCount: 10_000 } },
            },
          },
        },
      ],
    },
  ];
}

async function throughEndpoint(db: BenchDatabase) {
  const server = await startRunsServer(db, benchProducts(productCount));
  const now = Date.now();
  const bodies: string[] = [];
  const perBatch = batch / 2;
  for (let i = 0; i < runs; i += perBatch) {
    const events = [];
    for (let j = i; j < Math.min(runs, i + perBatch); j++) events.push(...eventsFor(j, now));
    bodies.push(JSON.stringify(events));
  }
  // warm the product index and JIT on a run id range the measurement never uses
  await fetch(`${server.url}/openlineage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(eventsFor(runs + 1, now)),
  });
  let next = 0;
  let accepted = 0;
  const { result: seconds, peakMiB } = await withPeakMemory(async () => {
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const res = await fetch(`${server.url}/openlineage`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          if (!res.ok) throw new Error(`${res.status}: ${(await res.text()).slice(0, 300)}`);
          accepted += ((await res.json()) as { accepted: number }).accepted;
        }
      }),
    );
    return Number(process.hrtime.bigint() - start) / 1e9;
  });
  await server.close();
  if (accepted !== runs * 2) throw new Error(`accepted ${accepted} of ${runs * 2} events`);
  return { eventsPerSecond: (runs * 2) / seconds, seconds, peakMiB };
}

/** The same rows the endpoint stored, written by plain multi-row INSERTs. */
async function rawInsert(db: BenchDatabase) {
  const { knex } = db;
  const [stored, schemas] = await Promise.all([knex('runs').select(), knex('observed_schemas').select()]);
  await knex('observed_schemas').delete();
  await knex('runs').delete();
  const strip = (rows: any[]) => rows.map(({ id, ...rest }) => rest);
  const runRows = strip(stored);
  const schemaRows = strip(schemas);
  const chunk = db.name === 'SQLite' ? 500 : 1000;
  const start = process.hrtime.bigint();
  await knex.transaction(async tx => {
    for (let i = 0; i < runRows.length; i += chunk) await tx('runs').insert(runRows.slice(i, i + chunk));
    for (let i = 0; i < schemaRows.length; i += chunk) {
      await tx('observed_schemas').insert(schemaRows.slice(i, i + chunk));
    }
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { eventsPerSecond: (runs * 2) / seconds, seconds, rows: runRows.length + schemaRows.length };
}

async function main() {
  const results: any[] = [];
  for (const open of [sqliteDatabase, postgresDatabase]) {
    const db = await open('ingest');
    if (!db) continue;
    try {
      const endpoint = await throughEndpoint(db);
      const raw = await rawInsert(db);
      const ratio = endpoint.eventsPerSecond / raw.eventsPerSecond;
      results.push({ db: db.name, endpoint, raw, ratio });
      console.log(
        `${db.name}: endpoint ${fmt(endpoint.eventsPerSecond)} events/s (${fmt(endpoint.seconds, 1)} s), ` +
          `raw INSERT ${fmt(raw.eventsPerSecond)} events/s, ratio ${fmt(ratio, 2)}, peak RSS ${fmt(endpoint.peakMiB)} MiB`,
      );
    } finally {
      await db.close();
    }
  }
  const pg = results.find(r => r.db === 'PostgreSQL');
  const lines = [
    '# Benchmark: run ingestion (OpenLineage)',
    '',
    `${fmt(runs)} runs = ${fmt(runs * 2)} RunEvents (START + COMPLETE) for ${productCount} products, ` +
      `${batch} events per request, ${concurrency} requests in flight, HTTP on 127.0.0.1.`,
    'Baseline: the very rows the endpoint stored (runs + observed schemas), deleted and written again',
    'by plain multi-row INSERTs in one transaction, in the same run.',
    '',
    '| database | endpoint events/s | raw INSERT events/s | ratio | peak RSS |',
    '|---|---:|---:|---:|---:|',
    ...results.map(
      r =>
        `| ${r.db} | ${fmt(r.endpoint.eventsPerSecond)} | ${fmt(r.raw.eventsPerSecond)} | ${fmt(r.ratio, 2)} | ${fmt(r.endpoint.peakMiB)} MiB |`,
    ),
    '',
    pg
      ? `PostgreSQL targets: ≥ 5,000 events/s (${pg.endpoint.eventsPerSecond >= 5000 ? 'meets' : 'misses'}), ` +
        `≥ 0.5× raw (${pg.ratio >= 0.5 ? 'meets' : 'misses'}).`
      : 'PostgreSQL was not reachable: no PostgreSQL figures.',
    '',
    'Single-event requests (an OpenLineage transport without batching) pay the HTTP and auth cost per',
    'event; batch on the client (OpenLineage `CompositeTransport`/async clients) for high volumes.',
    '',
    `Machine: ${Object.entries(machineFacts()).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
  ];
  writeReport('ingest', lines.join('\n'), { runs, productCount, batch, concurrency, results });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
