import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  NOW,
  ORDERS_DATASET,
  catalogProduct,
  createRunsApp,
  group,
  nativeRun,
  rowCounts,
  runEvent,
} from './__testUtils__/runsApp';
import { ScorecardService } from './ScorecardService';
import { openStores } from '../../database/openStores';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const ORDERS_REF = 'dataproduct:default/orders';
const HOUR = 60 * MINUTE;

/**
 * The orders product of the scorecard test, with a contract whose every
 * score can be worked out by hand below.
 */
const orders = catalogProduct('orders', {
  datasets: ORDERS_DATASET,
  owner: 'group:default/orders-team',
  consumers: [
    'component:default/checkout',
    'component:default/billing',
    'dataproduct:default/revenue',
    'component:default/checkout', // the same consumer twice is one
  ],
  contract: {
    schema: [
      {
        name: 'order_id',
        type: 'string',
        description: 'Order id',
        key: 'primary',
        required: true,
      },
      { name: 'customer_id', type: 'string', description: 'Who ordered' },
      { name: 'total', type: 'decimal' },
    ],
    freshness: { p95: '30m', p99: '60m', tier: 'micro-batch' },
    escalation: { channel: '#orders', onCall: 'pagerduty:orders' },
    lineage: { upstreams: ['dataproduct:default/crm'] },
    accessPatterns: [{ type: 'batch', location: ORDERS_DATASET }],
    quality: {
      keyFields: ['order_id'],
      maxNullRate: 0.01,
      maxDuplicateRate: 0.001,
    },
  },
});

function uuid(i: number): string {
  return `0192963f-929e-731b-a075-${String(i).padStart(12, '0')}`;
}

/**
 * 42 runs, one every 12 hours up to now: 40 successful with the lags below
 * (minutes, measured against nominalEndTime), then 2 failed. Ten successful
 * runs report key-field counts on 1,000 rows.
 */
const LAGS = [
  ...Array.from({ length: 36 }, (_, i) => 10 + (i % 15)), // 10..24
  28,
  29,
  45,
  61,
];
const NULLS = [5, 15]; // alternating: rates 0.005 and 0.015
const DISTINCT = [998, 996]; // duplicate rates 0.002 and 0.004

function pipelineEvents() {
  const starts: object[] = [];
  const ends: object[] = [];
  for (let i = 0; i < 42; i++) {
    const finished = new Date(NOW.getTime() - (42 - i) * 12 * HOUR);
    const started = new Date(finished.getTime() - 5 * MINUTE);
    const runId = uuid(i);
    starts.push(runEvent('START', runId, { eventTime: started.toISOString() }));
    if (i >= 40) {
      ends.push(
        runEvent('FAIL', runId, {
          eventTime: finished.toISOString(),
          runFacets: { errorMessage: { message: `failure ${i}` } },
        }),
      );
      continue;
    }
    const watermark = new Date(finished.getTime() - LAGS[i] * MINUTE);
    const metrics =
      i < 10
        ? {
            dataQualityMetrics: {
              rowCount: 1000,
              columnMetrics: {
                order_id: {
                  nullCount: NULLS[i % 2],
                  distinctCount: DISTINCT[i % 2],
                },
              },
            },
          }
        : {};
    ends.push(
      runEvent('COMPLETE', runId, {
        eventTime: finished.toISOString(),
        runFacets: {
          nominalTime: {
            nominalStartTime: new Date(
              watermark.getTime() - HOUR,
            ).toISOString(),
            nominalEndTime: watermark.toISOString(),
          },
        },
        outputs: [
          {
            namespace: 'postgres://warehouse:5432',
            name: 'analytics.public.orders',
            facets: {
              ...(i === 0
                ? {
                    // As contracted (types in the warehouse's case): no drift.
                    schema: {
                      fields: [
                        { name: 'order_id', type: 'STRING' },
                        { name: 'customer_id', type: 'STRING' },
                        { name: 'total', type: 'DECIMAL' },
                      ],
                    },
                  }
                : {}),
            },
            outputFacets: metrics,
          },
        ],
      }),
    );
  }
  return { starts, ends };
}

describe('scorecard API', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const entities = [
        orders,
        catalogProduct('bare', { owner: 'group:default/nobody' }),
        group('orders-team', ['user:default/ada']),
      ];
      return { knex, ...(await createRunsApp(knex, { entities })) };
    }

    it('scores replayed runs exactly as worked out by hand', async () => {
      const { app, knex } = await setup();
      const { starts, ends } = pipelineEvents();
      // Every START first, each opening a run; then every COMPLETE/FAIL,
      // each a new event of a known run: an update that closes it.
      const counts = {
        accepted: 0,
        updated: 0,
        ignored: 0,
        duplicates: 0,
        refused: 0,
        problems: [],
        warnings: [],
      };
      expect(
        (await request(app).post('/openlineage').send(starts)).body,
      ).toEqual({ ...counts, accepted: 42 });
      expect((await request(app).post('/openlineage').send(ends)).body).toEqual(
        { ...counts, updated: 42 },
      );
      // One drift incident this quarter (2026-Q4), one in the last.
      await knex('drift_incidents').insert([
        {
          entity_ref: 'dataproduct:default/orders',
          kind: 'breaking-change-without-major',
          dedupe_key: 'q4',
          opened_at: new Date('2026-10-02T00:00:00Z'),
          details: '{}',
        },
        {
          entity_ref: 'dataproduct:default/orders',
          kind: 'breaking-change-without-major',
          dedupe_key: 'q3',
          opened_at: new Date('2026-09-15T00:00:00Z'),
          details: '{}',
        },
      ]);

      const response = await request(app)
        .post('/products/default/orders/scorecard/refresh')
        .set('Authorization', mockCredentials.user.header('user:default/ada'));

      expect(response.status).toBe(200);
      const card = response.body;

      // Freshness: 40 lags sorted; P95 is rank ⌈0.95·40⌉ = 38 → 29m,
      // P99 rank ⌈0.99·40⌉ = 40 → 61m. 29m ≤ 30m but 61m > 60m: a 4.
      expect(card.dimensions.freshness.score).toBe(4);
      expect(card.dimensions.freshness.evidence).toEqual(
        expect.objectContaining({
          runs: 42,
          successfulRuns: 40,
          measuredRuns: 40,
          p95LagMs: 29 * MINUTE,
          p99LagMs: 61 * MINUTE,
          promisedP95Ms: 30 * MINUTE,
          promisedP99Ms: 60 * MINUTE,
        }),
      );

      // Reliability: 2 failed + 1 run over the 60m p99 = 3 breaches in 42
      // runs = 71.4 per 1,000: over 50, at most 100 → 2.
      expect(card.dimensions.reliability.score).toBe(2);
      expect(card.dimensions.reliability.evidence).toEqual(
        expect.objectContaining({
          runs: 42,
          failedRuns: 2,
          lateRuns: 1,
          breaches: 3,
          breachesPer1000: (3 * 1000) / 42,
        }),
      );

      // Quality: order_id null rate mean(0.005, 0.015) = 0.01 = 1× the max
      // (5); duplicate rate mean(0.002, 0.004) = 0.003 = 3× 0.001 (3).
      // The worst decides: 3.
      expect(card.dimensions.quality.score).toBe(3);
      const checks = card.dimensions.quality.evidence.checks;
      expect(checks).toHaveLength(2);
      expect(checks[0]).toEqual(
        expect.objectContaining({
          field: 'order_id',
          metric: 'nullRate',
          runs: 10,
        }),
      );
      expect(checks[0].rate).toBeCloseTo(0.01, 12);
      expect(checks[1]).toEqual(
        expect.objectContaining({
          field: 'order_id',
          metric: 'duplicateRate',
          runs: 10,
        }),
      );
      expect(checks[1].rate).toBeCloseTo(0.003, 12);
      expect(card.dimensions.quality.evidence.worst).toEqual({
        field: 'order_id',
        metric: 'duplicateRate',
      });

      // Stability: a schema was observed; one incident this quarter → 4.
      expect(card.dimensions.stability.score).toBe(4);
      expect(card.dimensions.stability.evidence).toEqual(
        expect.objectContaining({ hasEvidence: true, incidents: 1 }),
      );

      // Contract: mean(2/3 described, SLA 1, escalation 1, lineage 1,
      // access 1) = 93.3 % → at least 80 % → 4.
      expect(card.dimensions.contract.score).toBe(4);
      expect(card.dimensions.contract.evidence.percent).toBeCloseTo(
        ((2 / 3 + 4) / 5) * 100,
        6,
      );

      // Ownership: a Group, with a member, channel and on-call → 4 of 4 → 5.
      expect(card.dimensions.ownership.score).toBe(5);
      expect(card.dimensions.ownership.evidence.checks).toEqual({
        ownerIsGroup: true,
        groupHasMembers: true,
        escalationChannel: true,
        onCall: true,
      });

      // Reuse: 3 distinct consumers → 3.
      expect(card.dimensions.reuse.score).toBe(3);
      expect(card.dimensions.reuse.evidence.consumers).toBe(3);

      // Overall: (4 + 2 + 3 + 4 + 4 + 5 + 3) / 7 = 3.57 → 3.6.
      expect(card.overall).toBe(3.6);
      expect(card).toEqual(
        expect.objectContaining({
          entityRef: 'dataproduct:default/orders',
          computedAt: NOW.toISOString(),
          window: {
            from: new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString(),
            to: NOW.toISOString(),
            runs: 42,
          },
        }),
      );
      for (const dimension of Object.values(card.dimensions) as any[]) {
        expect(typeof dimension.summary).toBe('string');
      }

      // The snapshot serves reads as it was computed.
      const read = await request(app).get('/products/default/orders/scorecard');
      expect(read.body).toEqual(card);

      // The history carries the snapshot's lag evidence.
      const history = await request(app).get(
        '/products/default/orders/scorecard/history',
      );
      expect(history.body.items).toEqual([
        expect.objectContaining({
          computedAt: NOW.toISOString(),
          lag: {
            p95Ms: 29 * MINUTE,
            p99Ms: 61 * MINUTE,
            promisedP95Ms: 30 * MINUTE,
            promisedP99Ms: 60 * MINUTE,
          },
        }),
      ]);
    });

    /**
     * Runs as real producers send them (standards.md "Runs are accumulated
     * by runId"), one event per request: Airflow's nominalTime on START
     * only, COMPLETE/FAIL/ABORT without outputs (dbt-ol, Flink), and one
     * COMPLETE that arrives before its START.
     */
    async function replayAsProducersSend(app: Parameters<typeof request>[0]) {
      const post = async (event: object) =>
        (await request(app).post('/openlineage').send(event)).body;
      const start = (runId: string, at: string, nominalEndTime?: string) =>
        runEvent('START', runId, {
          eventTime: at,
          ...(nominalEndTime
            ? {
                runFacets: {
                  nominalTime: {
                    nominalStartTime: new Date(
                      Date.parse(nominalEndTime) - HOUR,
                    ).toISOString(),
                    nominalEndTime,
                  },
                },
              }
            : {}),
        });
      const end = (type: string, runId: string, at: string) =>
        runEvent(type, runId, { eventTime: at, outputs: [] });
      const opened = { accepted: 1, updated: 0, ignored: 0 };
      const closed = { accepted: 0, updated: 1, ignored: 0 };
      const outcome = (body: any) => ({
        accepted: body.accepted,
        updated: body.updated,
        ignored: body.ignored,
      });

      // Four successes finishing at 06:30, lags 20, 25, 40 and 70 minutes.
      const watermarks = ['06:10', '06:05', '05:50', '05:20'];
      for (let i = 0; i < 3; i++) {
        const day = `2026-11-2${i}`;
        expect(
          outcome(
            await post(
              start(
                uuid(100 + i),
                `${day}T06:00:00Z`,
                `${day}T${watermarks[i]}:00Z`,
              ),
            ),
          ),
        ).toEqual(opened);
        expect(
          outcome(
            await post(end('COMPLETE', uuid(100 + i), `${day}T06:30:00Z`)),
          ),
        ).toEqual(closed);
      }
      // The fourth's COMPLETE first: no outputs, so no product's yet.
      expect(
        outcome(await post(end('COMPLETE', uuid(103), '2026-11-23T06:30:00Z'))),
      ).toEqual({ accepted: 0, updated: 0, ignored: 1 });
      expect(
        outcome(
          await post(
            start(uuid(103), '2026-11-23T06:00:00Z', '2026-11-23T05:20:00Z'),
          ),
        ),
      ).toEqual(opened);
      // A failure and a cancellation, neither naming its outputs.
      await post(start(uuid(104), '2026-11-24T06:00:00Z'));
      expect(
        outcome(await post(end('FAIL', uuid(104), '2026-11-24T06:10:00Z'))),
      ).toEqual(closed);
      await post(start(uuid(105), '2026-11-24T08:00:00Z'));
      expect(
        outcome(await post(end('ABORT', uuid(105), '2026-11-24T08:01:00Z'))),
      ).toEqual(closed);
    }

    it('scores runs sent as producers send them: terminal events without outputs count, an abort is neither success nor failure', async () => {
      const { app } = await setup();
      await replayAsProducersSend(app);

      const card = (
        await request(app).post('/products/default/orders/scorecard/refresh')
      ).body;

      // Lags [20, 25, 40, 70] m: P95 rank ⌈0.95·4⌉ = 4 → 70m, P99 the same.
      expect(card.dimensions.freshness.evidence).toEqual(
        expect.objectContaining({
          runs: 5,
          successfulRuns: 4,
          measuredRuns: 4,
          p95LagMs: 70 * MINUTE,
          p99LagMs: 70 * MINUTE,
        }),
      );
      // 5 runs (the abort left out): 1 failed + 1 over the 60m p99 = 2
      // breaches, 400 per 1,000: over 100 → 1.
      expect(card.dimensions.reliability.evidence).toEqual(
        expect.objectContaining({
          runs: 5,
          failedRuns: 1,
          lateRuns: 1,
          breaches: 2,
          breachesPer1000: 400,
        }),
      );
      expect(card.dimensions.reliability.score).toBe(1);
      expect(card.window.runs).toBe(5);
    });

    it('counts an abort as a failure when the platform says so', async () => {
      const knex = await databases.init(databaseId);
      const { app } = await createRunsApp(knex, {
        entities: [orders, group('orders-team', ['user:default/ada'])],
        router: { scoring: { abortCountsAsFailure: true } },
      });
      await replayAsProducersSend(app);

      const card = (
        await request(app).post('/products/default/orders/scorecard/refresh')
      ).body;

      // 6 runs: 2 failed + 1 late = 3 breaches, 500 per 1,000.
      expect(card.dimensions.reliability.evidence).toEqual(
        expect.objectContaining({
          runs: 6,
          failedRuns: 2,
          lateRuns: 1,
          breaches: 3,
          breachesPer1000: 500,
        }),
      );
    });

    it('scores a product without a snapshot on first read, and stores it', async () => {
      const { app, knex } = await setup();
      expect((await rowCounts(knex)).snapshots).toBe(0);

      const first = await request(app).get('/products/default/bare/scorecard');

      expect(first.status).toBe(200);
      expect(first.body.dimensions.freshness).toEqual(
        expect.objectContaining({ score: null }),
      );
      expect(first.body.dimensions.stability.score).toBeNull();
      expect(first.body.window.runs).toBe(0);
      // No group in the catalog for the default owner: ownership 1 (0 checks).
      expect(first.body.dimensions.ownership.score).toBe(1);
      expect((await rowCounts(knex)).snapshots).toBe(1);

      const second = await request(app).get('/products/default/bare/scorecard');
      expect(second.body).toEqual(first.body);
      expect((await rowCounts(knex)).snapshots).toBe(1);
    });

    it('serves the history in a range, oldest first', async () => {
      const knex = await databases.init(databaseId);
      let now = new Date('2026-11-20T00:00:00Z');
      const { app } = await createRunsApp(knex, {
        entities: [orders, group('orders-team', ['user:default/ada'])],
        clock: () => now,
      });
      for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) {
        now = new Date(`${day}T06:00:00Z`);
        await request(app).post('/products/default/orders/scorecard/refresh');
      }
      now = new Date('2026-11-25T00:00:00Z');

      const range = await request(app).get(
        '/products/default/orders/scorecard/history?from=2026-11-21&to=2026-11-22',
      );
      const all = await request(app).get(
        '/products/default/orders/scorecard/history',
      );

      expect(range.status).toBe(200);
      expect(range.body).toEqual({
        entityRef: 'dataproduct:default/orders',
        from: '2026-11-21T00:00:00.000Z',
        to: '2026-11-22T23:59:59.999Z',
        items: [
          expect.objectContaining({ computedAt: '2026-11-21T06:00:00.000Z' }),
          expect.objectContaining({ computedAt: '2026-11-22T06:00:00.000Z' }),
        ],
      });
      expect(range.body.items[0]).toEqual({
        computedAt: '2026-11-21T06:00:00.000Z',
        overall: expect.any(Number),
        scores: expect.objectContaining({
          contract: 4,
          ownership: 5,
          reuse: 3,
        }),
        window: expect.objectContaining({ runs: 0 }),
        // No runs: nothing measured, the promise still shown.
        lag: {
          p95Ms: null,
          p99Ms: null,
          promisedP95Ms: 30 * MINUTE,
          promisedP99Ms: 60 * MINUTE,
        },
      });
      expect(all.body.items).toHaveLength(3);
    });

    it('lists runs latest first and pages with before', async () => {
      const { app } = await setup();
      await request(app)
        .post('/runs')
        .send({
          runs: [1, 2, 3, 4, 5].map(day =>
            nativeRun(`nightly-${day}`, {
              startedAt: `2026-11-0${day}T01:00:00Z`,
              finishedAt: `2026-11-0${day}T02:00:00Z`,
              watermark: `2026-11-0${day}T00:00:00Z`,
            }),
          ),
        });

      const page1 = await request(app).get(
        '/products/default/orders/runs?limit=2',
      );
      const page2 = await request(app).get(
        `/products/default/orders/runs?limit=2&before=${page1.body.nextBefore}`,
      );
      const page3 = await request(app).get(
        `/products/default/orders/runs?limit=2&before=${page2.body.nextBefore}`,
      );

      expect(page1.body).toEqual({
        entityRef: 'dataproduct:default/orders',
        items: [
          {
            runId: 'nightly-5',
            status: 'success',
            // A native report: no OpenLineage job, parent or events.
            job: null,
            parent: null,
            streaming: false,
            lastEventAt: null,
            datasetKey: null,
            startedAt: '2026-11-05T01:00:00.000Z',
            finishedAt: '2026-11-05T02:00:00.000Z',
            watermark: '2026-11-05T00:00:00.000Z',
            rowCount: 1000,
            columns: null,
            errorMessage: null,
            // 2 h after its watermark: beyond the 60m p99 SLA.
            lagMs: 2 * HOUR,
            breach: true,
          },
          expect.objectContaining({ runId: 'nightly-4' }),
        ],
        nextBefore: '2026-11-04T02:00:00.000Z',
      });
      expect(page2.body.items.map((r: any) => r.runId)).toEqual([
        'nightly-3',
        'nightly-2',
      ]);
      expect(page3.body).toEqual(
        expect.objectContaining({
          items: [expect.objectContaining({ runId: 'nightly-1' })],
          nextBefore: null,
        }),
      );
      const defaults = await request(app)
        .get('/products/default/orders/runs')
        .set('Authorization', mockCredentials.service.header());
      expect(defaults.body.items).toHaveLength(5);
    });
    it('gives each run its lag and breach, from the previous success across pages', async () => {
      const { app } = await setup();
      // orders promises p95 30m, p99 60m: a lag beyond 60m breaches.
      await request(app)
        .post('/runs')
        .send({
          runs: [
            nativeRun('r1', {
              startedAt: '2026-11-01T01:40:00Z',
              finishedAt: '2026-11-01T02:00:00Z',
              watermark: '2026-11-01T01:30:00Z',
            }),
            nativeRun('r2', {
              startedAt: '2026-11-01T02:40:00Z',
              finishedAt: '2026-11-01T02:50:00Z',
              watermark: undefined,
            }),
            nativeRun('r3', {
              status: 'failed',
              startedAt: '2026-11-01T02:55:00Z',
              finishedAt: '2026-11-01T03:00:00Z',
              watermark: undefined,
              errorMessage: 'extract timed out',
            }),
            nativeRun('r4', {
              startedAt: '2026-11-01T04:00:00Z',
              finishedAt: '2026-11-01T04:10:00Z',
              watermark: undefined,
            }),
          ],
        });

      const page1 = await request(app).get(
        '/products/default/orders/runs?limit=1',
      );
      const page2 = await request(app).get(
        `/products/default/orders/runs?limit=2&before=${page1.body.nextBefore}`,
      );
      const verdicts = (page: request.Response) =>
        page.body.items.map((run: any) => [run.runId, run.lagMs, run.breach]);

      // r4 has no watermark: 80m since r2, the successful run on page 2.
      expect(verdicts(page1)).toEqual([['r4', 80 * MINUTE, true]]);
      expect(verdicts(page2)).toEqual([
        ['r3', null, true],
        // 50m since r1, on the page after.
        ['r2', 50 * MINUTE, false],
      ]);
      const all = await request(app).get('/products/default/orders/runs');
      expect(verdicts(all)).toEqual([
        ['r4', 80 * MINUTE, true],
        ['r3', null, true],
        ['r2', 50 * MINUTE, false],
        ['r1', 30 * MINUTE, false],
      ]);
    });

    it('breaches only failed runs of a product without an SLA, and measures the first run of a product not at all', async () => {
      const { app } = await setup();
      await request(app)
        .post('/runs')
        .send({
          runs: [
            nativeRun('b1', {
              product: 'dataproduct:default/bare',
              watermark: undefined,
            }),
            nativeRun('b2', {
              product: 'dataproduct:default/bare',
              finishedAt: '2026-11-25T09:40:00Z',
              watermark: '2026-11-20T00:00:00Z',
            }),
          ],
        });

      const runs = await request(app).get('/products/default/bare/runs');

      expect(
        runs.body.items.map((run: any) => [run.runId, run.lagMs, run.breach]),
      ).toEqual([
        ['b2', (5 * 24 + 9) * HOUR + 40 * MINUTE, false],
        ['b1', null, false],
      ]);
    });

    it('opens one observed-schema drift incident per distinct drift on refresh, and stability counts them', async () => {
      const knex = await databases.init(databaseId);
      const entities = [orders, group('orders-team', ['user:default/ada'])];
      const {
        contractHistory,
        runs,
        scorecardSnapshots: snapshots,
      } = await openStores(mockServices.database({ knex }));
      const scorecards = new ScorecardService({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        store: runs,
        snapshots,
        contractHistory,
      });
      let now = new Date('2026-11-24T12:00:00Z');
      const { app } = await createRunsApp(knex, {
        entities,
        clock: () => now,
        router: { scorecards },
      });
      const contracted = [
        { name: 'order_id', type: 'string' },
        { name: 'customer_id', type: 'string' },
        { name: 'total', type: 'decimal' },
      ];
      const renamed = [
        { name: 'order_id', type: 'string' },
        { name: 'customer', type: 'string' },
        { name: 'total', type: 'decimal' },
      ];
      const renamedAndRetyped = [
        { name: 'order_id', type: 'string' },
        { name: 'customer', type: 'string' },
        { name: 'total', type: 'float' },
      ];
      let hour = 0;
      /** A run reporting `schema`, then a refresh an hour later. */
      async function runThenRefresh(schema: object[]) {
        hour += 1;
        const finishedAt = new Date(
          Date.parse('2026-11-24T12:00:00Z') + hour * HOUR,
        );
        now = new Date(finishedAt.getTime() + 5 * MINUTE);
        const report = await request(app)
          .post('/runs')
          .send({
            runs: [
              nativeRun(`s${hour}`, {
                startedAt: new Date(
                  finishedAt.getTime() - MINUTE,
                ).toISOString(),
                finishedAt: finishedAt.toISOString(),
                watermark: new Date(
                  finishedAt.getTime() - 10 * MINUTE,
                ).toISOString(),
                schema,
              }),
            ],
          });
        expect(report.body).toEqual(expect.objectContaining({ accepted: 1 }));
        const card = await request(app).post(
          '/products/default/orders/scorecard/refresh',
        );
        return card.body.dimensions.stability;
      }
      const incidents = () => contractHistory.listIncidents(ORDERS_REF);

      // As contracted: evidence for stability, and nothing drifts.
      expect(await runThenRefresh(contracted)).toEqual(
        expect.objectContaining({
          score: 5,
          evidence: expect.objectContaining({ incidents: 0 }),
        }),
      );
      expect(await incidents()).toEqual([]);

      // customer_id renamed and total retyped: one incident, counted.
      expect((await runThenRefresh(renamedAndRetyped)).score).toBe(4);
      const [opened] = await incidents();
      expect(opened).toEqual({
        id: expect.any(Number),
        entityRef: ORDERS_REF,
        kind: 'observed-schema-drift',
        dedupeKey: expect.stringMatching(
          /^observed-schema-drift\|dataproduct:default\/orders\|[0-9a-f]{64}$/,
        ),
        openedAt: now,
        details: {
          runId: 's2',
          observedAt: '2026-11-24T14:00:00.000Z',
          drift: [
            expect.objectContaining({
              change: 'field-renamed',
              field: 'customer_id',
              observedField: 'customer',
            }),
            expect.objectContaining({
              change: 'type-changed',
              field: 'total',
              expectedType: 'decimal',
              observedType: 'float',
            }),
          ],
        },
      });

      // The same drift run after run, or back to the contract: no new one.
      expect((await runThenRefresh(renamedAndRetyped)).score).toBe(4);
      expect((await runThenRefresh(contracted)).score).toBe(4);
      expect(await incidents()).toHaveLength(1);

      // Another drift is another incident.
      expect((await runThenRefresh(renamed)).score).toBe(3);
      expect((await incidents()).map(i => i.details.runId)).toEqual([
        's5',
        's2',
      ]);
    });
  });
});
