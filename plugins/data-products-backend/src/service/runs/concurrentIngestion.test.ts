/**
 * Issue #11 item 3: pipelines posting at the same moment about the same runs
 * (an orchestrator's retries, two schedulers, a backfill beside the live
 * feed) must never see a 500 — PostgreSQL used to answer `deadlock detected`
 * — and nothing may be counted twice or lost. Several clients post
 * overlapping batches, in different orders, to both ingestion endpoints of
 * the real router over real HTTP, at once; every event and run is sent by
 * every client, so the exact outcome totals and row counts follow from the
 * data alone.
 */
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AddressInfo } from 'net';
import { Server } from 'http';
import { Knex } from 'knex';
import { seededShuffle } from './__testUtils__/realProducers';
import {
  catalogProduct,
  createRunsApp,
  group,
  nativeRun,
  runEvent,
} from './__testUtils__/runsApp';

jest.setTimeout(120_000);

const OPENLINEAGE_RUNS = 24; // a START and a COMPLETE each
const ORDERS_NATIVE_RUNS = 30; // no schema: one statement per request
const IDENTITY_NATIVE_RUNS = 30; // with a schema: a transaction per request

const ORDERS = 'dataproduct:default/orders';
const IDENTITY = 'dataproduct:default/identity';
const T0 = Date.parse('2026-11-25T06:00:00Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A UUID per OpenLineage run, as the OpenLineage clients send. */
const olRunId = (i: number) =>
  `0192963f-929e-731b-a075-${String(i).padStart(12, '0')}`;

/** Run i starts at T0 + i min and completes 5 min later. */
function openLineageEvents() {
  const events: Array<Record<string, any>> = [];
  for (let i = 0; i < OPENLINEAGE_RUNS; i++) {
    events.push(
      runEvent('START', olRunId(i), { eventTime: iso(T0 + i * MINUTE) }),
      runEvent('COMPLETE', olRunId(i), {
        eventTime: iso(T0 + (i + 5) * MINUTE),
      }),
    );
  }
  return events;
}

function nativeRuns() {
  const runs: Array<Record<string, unknown>> = [];
  for (let i = 0; i < ORDERS_NATIVE_RUNS; i++) {
    runs.push(
      nativeRun(`native-orders-${i}`, {
        finishedAt: iso(T0 + i * MINUTE),
        startedAt: iso(T0 + (i - 10) * MINUTE),
        watermark: iso(T0 + (i - 30) * MINUTE),
      }),
    );
  }
  for (let i = 0; i < IDENTITY_NATIVE_RUNS; i++) {
    runs.push(
      nativeRun(`native-identity-${i}`, {
        product: IDENTITY,
        finishedAt: iso(T0 + i * MINUTE),
        startedAt: iso(T0 + (i - 10) * MINUTE),
        watermark: iso(T0 + (i - 30) * MINUTE),
        schema: [{ name: 'customer_id', type: 'string' }],
      }),
    );
  }
  return runs;
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

interface Reply {
  status: number;
  body: any;
}

describe('concurrent ingestion of overlapping batches', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server | undefined;
    afterEach(async () => {
      await new Promise(resolve => server?.close(resolve) ?? resolve(null));
      server = undefined;
    });

    async function start(knex: Knex) {
      const { app } = await createRunsApp(knex, {
        entities: [
          catalogProduct('orders', {
            datasets: 'postgres://warehouse:5432/analytics.public.orders',
          }),
          catalogProduct('identity'),
          group('orders-team', ['user:default/ada']),
        ],
      });
      server = app.listen(0, '127.0.0.1');
      await new Promise(resolve => server!.once('listening', resolve));
      const { port } = server!.address() as AddressInfo;
      return async (path: string, body: unknown): Promise<Reply> => {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers: {
            authorization: mockCredentials.service.header(),
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // a non-JSON error page is kept as text, for the failure message
        }
        return { status: response.status, body: parsed };
      };
    }

    // Many small requests about the same runs race to open them (double
    // counts); large ones hold many rows at once and meet in different
    // orders (deadlocks).
    it.each([
      [8, 4],
      [16, 16],
    ])(
      'answers every request of %p clients posting %p items at a time, counts each event and run once, and stores each exactly once',
      async (clientCount, batchSize) => {
        const knex = await databases.init(databaseId);
        const post = await start(knex);
        const events = openLineageEvents();
        const runs = nativeRuns();

        // Each client sends everything, in its own order, in batches;
        // the clients' requests interleave with one another.
        const clients = Array.from({ length: clientCount }, (_, c) => {
          const eventBatches = batches(
            seededShuffle(events, 100 + c),
            batchSize,
          );
          const runBatches = batches(seededShuffle(runs, 200 + c), batchSize);
          return (async () => {
            const replies: Array<{ kind: 'ol' | 'native' } & Reply> = [];
            const rounds = Math.max(eventBatches.length, runBatches.length);
            for (let i = 0; i < rounds; i++) {
              const sent = await Promise.all([
                eventBatches[i]
                  ? post('/openlineage', eventBatches[i]).then(r => ({
                      kind: 'ol' as const,
                      ...r,
                    }))
                  : undefined,
                runBatches[i]
                  ? post('/runs', { runs: runBatches[i] }).then(r => ({
                      kind: 'native' as const,
                      ...r,
                    }))
                  : undefined,
              ]);
              for (const reply of sent) if (reply) replies.push(reply);
            }
            return replies;
          })();
        });
        const replies = (await Promise.all(clients)).flat();

        // Every request answered 200: none failed because another wrote.
        const failed = replies.filter(r => r.status !== 200);
        expect(failed).toEqual([]);

        const sum = (kind: 'ol' | 'native', key: string) =>
          replies
            .filter(r => r.kind === kind)
            .reduce((n, r) => n + Number(r.body[key] ?? 0), 0);
        // OpenLineage: each run opened once (its first event to arrive) and
        // updated once (its other event); every other copy is a duplicate.
        const olEvents = clientCount * events.length;
        expect({
          accepted: sum('ol', 'accepted'),
          updated: sum('ol', 'updated'),
          ignored: sum('ol', 'ignored'),
          duplicates: sum('ol', 'duplicates'),
          refused: sum('ol', 'refused'),
        }).toEqual({
          accepted: OPENLINEAGE_RUNS,
          updated: OPENLINEAGE_RUNS,
          ignored: 0,
          duplicates: olEvents - 2 * OPENLINEAGE_RUNS,
          refused: 0,
        });
        // Native: each run accepted once, the other copies duplicates.
        expect({
          accepted: sum('native', 'accepted'),
          duplicates: sum('native', 'duplicates'),
          refused: sum('native', 'refused'),
        }).toEqual({
          accepted: runs.length,
          duplicates: (clientCount - 1) * runs.length,
          refused: 0,
        });

        // One row per run, each closed with its own times; one row per event.
        const count = async (table: string) =>
          Number((await knex(table).count({ n: '*' }))[0].n);
        expect(await count('run_events')).toBe(2 * OPENLINEAGE_RUNS);
        expect(await count('runs')).toBe(OPENLINEAGE_RUNS + runs.length);
        expect(await count('observed_schemas')).toBe(IDENTITY_NATIVE_RUNS);

        const rows: Array<{
          entity_ref: string;
          run_id: string;
          status: string;
          started_at: unknown;
          finished_at: unknown;
        }> = await knex('runs')
          .orderBy(['entity_ref', 'run_id'])
          .select(
            'entity_ref',
            'run_id',
            'status',
            'started_at',
            'finished_at',
          );
        const time = (value: unknown) =>
          new Date(
            value instanceof Date ? value : Number(value) || String(value),
          ).toISOString();
        const stored = rows.map(row => ({
          ref: row.entity_ref,
          runId: row.run_id,
          status: row.status,
          startedAt: time(row.started_at),
          finishedAt: time(row.finished_at),
        }));
        const expected = [
          ...Array.from({ length: IDENTITY_NATIVE_RUNS }, (_, i) => ({
            ref: IDENTITY,
            runId: `native-identity-${i}`,
            status: 'success',
            startedAt: iso(T0 + (i - 10) * MINUTE),
            finishedAt: iso(T0 + i * MINUTE),
          })),
          ...Array.from({ length: OPENLINEAGE_RUNS }, (_, i) => ({
            ref: ORDERS,
            runId: olRunId(i),
            status: 'success',
            startedAt: iso(T0 + i * MINUTE),
            finishedAt: iso(T0 + (i + 5) * MINUTE),
          })),
          ...Array.from({ length: ORDERS_NATIVE_RUNS }, (_, i) => ({
            ref: ORDERS,
            runId: `native-orders-${i}`,
            status: 'success',
            startedAt: iso(T0 + (i - 10) * MINUTE),
            finishedAt: iso(T0 + i * MINUTE),
          })),
        ];
        const key = (r: { ref: string; runId: string }) =>
          `${r.ref} ${r.runId}`;
        expected.sort((a, b) => (key(a) < key(b) ? -1 : 1));
        stored.sort((a, b) => (key(a) < key(b) ? -1 : 1));
        expect(stored).toEqual(expected);
      },
    );
  });
});
