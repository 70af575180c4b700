import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ORDERS_NAME, ORDERS_NAMESPACE } from './probeCatalog';
import { startProbeBackend } from './__testUtils__/probeBackend';
import { RequestProbe } from './RequestProbe';
import { sendProbe } from './sendProbe';

jest.setTimeout(180_000);

const CLIENTS = 8;
const RUNS = 20;
/** The longest the event loop may stall while one request is handled. */
const MAX_EVENT_LOOP_STALL_MS = 1_000;
/** The size of the large batch, just under the 5 MB the API takes. */
const BATCH_MB = 4.8;

const T0 = Date.parse('2026-11-20T06:00:00Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const olRunId = (i: number) =>
  `0193a3c4-5b6d-7e8f-9a0b-${String(i).padStart(12, '0')}`;

function event(type: string, i: number, at: number) {
  return {
    eventType: type,
    eventTime: iso(at),
    run: { runId: olRunId(i) },
    job: { namespace: 'airflow', name: 'orders_daily' },
    outputs: [{ namespace: ORDERS_NAMESPACE, name: ORDERS_NAME }],
  };
}

/** Every client sends every event, each in its own order: a START and a COMPLETE per run. */
function eventsInOrder(client: number) {
  const events = Array.from({ length: RUNS }, (_, i) => [
    event('START', i, T0 + i * MINUTE),
    event('COMPLETE', i, T0 + (i + 5) * MINUTE),
  ]).flat();
  // rotate and reverse by client, so batches meet rows in different orders
  const rotated = [
    ...events.slice((client * 7) % events.length),
    ...events.slice(0, (client * 7) % events.length),
  ];
  return client % 2 === 0 ? rotated : rotated.reverse();
}

function nativeRunsInOrder(client: number) {
  const runs = Array.from({ length: RUNS }, (_, i) => ({
    product: 'dataproduct:default/orders',
    runId: `probe-load-${i}`,
    status: 'success',
    startedAt: iso(T0 + i * MINUTE),
    finishedAt: iso(T0 + (i + 30) * MINUTE),
    rowCount: 100 + i,
    schema: [{ name: 'order_id', type: 'string' }],
  }));
  return client % 2 === 0 ? runs : runs.reverse();
}

const post = (path: string, json: unknown): RequestProbe => ({
  name: `POST ${path}`,
  method: 'POST',
  path,
  json,
  status: 200,
  message: /./,
});

/**
 * The probe suite's load cases (issue #11): concurrent pipelines about the
 * same runs (PostgreSQL answered `deadlock detected` with a 500), and the
 * largest request the API takes, which must not stall the event loop for
 * every other caller. On the plugin as deployed (probeBackend.ts).
 */
describe('load probes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let port: number;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const backend = await startProbeBackend(knex, 'products');
      port = backend.server.port();
      stop = () => backend.stop();
    });

    afterAll(async () => {
      await stop?.();
    });

    it('takes the same runs from 8 pipelines at once: no 5xx, each run stored once', async () => {
      const replies = await Promise.all(
        Array.from({ length: CLIENTS }, (_, client) => [
          sendProbe(
            port,
            '/api/data-products',
            post('/openlineage', eventsInOrder(client)),
          ),
          sendProbe(
            port,
            '/api/data-products',
            post('/runs', { runs: nativeRunsInOrder(client) }),
          ),
        ]).flat(),
      );

      expect(replies.map(r => r.status).filter(s => s !== 200)).toEqual([]);
      const [{ n: runs }] = await knex('runs').count({ n: '*' });
      // RUNS OpenLineage runs and RUNS native runs, none twice
      expect(Number(runs)).toBe(2 * RUNS);
      const accepted = replies.reduce((sum, r) => sum + r.body.accepted, 0);
      expect(accepted).toBe(2 * RUNS);
    });

    it(`handles a batch just under 5 MB without stalling the event loop over ${MAX_EVENT_LOOP_STALL_MS} ms`, async () => {
      // ~4.8 MB of COMPLETE events, each with a schema facet of 20 fields
      const fields = Array.from({ length: 20 }, (_, f) => ({
        name: `column_${f}`,
        type: 'STRING',
        description: 'd'.repeat(40),
      }));
      const withSchema = (i: number) => {
        const e: any = event('COMPLETE', 1000 + i, T0 + (i % 1000) * MINUTE);
        e.outputs[0].facets = { schema: { fields } };
        return e;
      };
      const eventBytes = JSON.stringify(withSchema(0)).length + 1;
      const batch = Array.from(
        { length: Math.floor((BATCH_MB * 1024 * 1024) / eventBytes) },
        (_, i) => withSchema(i),
      );
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      const reply = await sendProbe(
        port,
        '/api/data-products',
        post('/openlineage', batch),
      );
      histogram.disable();

      expect(reply.status).toBe(200);
      // the longest stall, in ms
      expect(Math.round(histogram.max / 1e6)).toBeLessThan(
        MAX_EVENT_LOOP_STALL_MS,
      );
    });

    it(`rescores a product with those runs without stalling the event loop over ${MAX_EVENT_LOOP_STALL_MS} ms`, async () => {
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      const reply = await sendProbe(port, '/api/data-products', {
        ...post('/products/default/orders/scorecard/refresh', undefined),
      });
      histogram.disable();

      expect(reply.status).toBe(200);
      expect(Math.round(histogram.max / 1e6)).toBeLessThan(
        MAX_EVENT_LOOP_STALL_MS,
      );
    });
  });
});
