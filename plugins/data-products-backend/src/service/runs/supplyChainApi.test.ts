/**
 * Issue #13 item 7: the scorecard API serves the supply-chain figures of a
 * product (dataproduct-spec.md "Supply chain: lead time, volatility, error
 * budget") and its tier-at-risk verdict. One product with one declared
 * upstream, both with runs at known times; every figure below is worked
 * out by hand from the spec.
 */
import {
  TestDatabases,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { DEFAULT_POLICY } from '@stockroom/plugin-data-products-common';
import express from 'express';
import request from 'supertest';
import { createInventoryRouter } from '../inventory';
import {
  ORDERS_DATASET,
  catalogProduct,
  createRunsApp,
  group,
  nativeRun,
  runEvent,
} from './__testUtils__/runsApp';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ORDERS_REF = 'dataproduct:default/orders';
const CRM_REF = 'dataproduct:default/crm-accounts';

/** Day k (1 ≤ k ≤ 20) at 00:00 UTC: 2026-11-05 … 2026-11-24. */
const dayStart = (k: number) =>
  Date.parse('2026-11-05T00:00:00Z') + (k - 1) * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
/** Runs k = 10 and 20 are the slow and stale ones. */
const slow = (k: number) => k === 10 || k === 20;

const orders = catalogProduct('orders', {
  contract: {
    freshness: { p95: '2h', p99: '4h' },
    // Short form: the product's namespace and kind DataProduct.
    lineage: { upstreams: ['dataproduct:crm-accounts'] },
  },
});
orders.spec!.leadTime = { target: '3h' };
const crm = catalogProduct('crm-accounts', {});

/**
 * crm-accounts finishes a run at 13:00 each day k; orders starts at 14:00
 * the same day, so it absorbs that day's upstream run (finished before its
 * start) and not the next one. Orders finishes 1 h 30 min after the
 * upstream (15:30), or 6 h 30 min after it (19:30) on slow days; its data
 * is 1 h old at finish, or 10 h on slow days.
 */
function history() {
  const upstream = [];
  const product = [];
  for (let k = 1; k <= 20; k++) {
    const upstreamFinish = dayStart(k) + 13 * HOUR;
    upstream.push(
      nativeRun(`crm-${k}`, {
        product: CRM_REF,
        startedAt: iso(upstreamFinish - HOUR),
        finishedAt: iso(upstreamFinish),
        watermark: iso(upstreamFinish - HOUR),
      }),
    );
    const finish = upstreamFinish + (slow(k) ? 390 : 90) * MINUTE;
    product.push(
      nativeRun(`orders-${k}`, {
        product: ORDERS_REF,
        startedAt: iso(dayStart(k) + 14 * HOUR),
        finishedAt: iso(finish),
        watermark: iso(finish - (slow(k) ? 10 : 1) * HOUR),
      }),
    );
  }
  return [...upstream, ...product];
}

describe('supply chain in the scorecard API', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const app = await createRunsApp(knex, {
        entities: [orders, crm, group('orders-team', ['user:default/ada'])],
      });
      const sent = await request(app.app)
        .post('/runs')
        .send({ runs: history() });
      expect(sent.status).toBe(200);
      return app;
    }

    it('serves lead time, end-to-end lead time, volatility, fragile and error budgets as worked out by hand', async () => {
      const { app } = await setup();
      const res = await request(app).get('/products/default/orders/scorecard');
      expect(res.status).toBe(200);
      const { supplyChain } = res.body;
      const window = {
        from: '2026-10-26T12:00:00.000Z', // NOW − 30 days
        to: '2026-11-25T12:00:00.000Z',
      };

      // Lead times: 18 runs of 90 min, 2 of 390 min (finish − 13:00).
      // Nearest rank of 20: P50 is the 10th (90 min), P95 the 19th (390 min).
      const leadTime = {
        p50Ms: 5_400_000, // 90 × 60,000
        p95Ms: 23_400_000, // 390 × 60,000
        overTarget: true, // 390 min > target 3 h
        evidence: {
          window,
          successfulRuns: 20,
          measuredRuns: 20,
          p50Ms: 5_400_000,
          p95Ms: 23_400_000,
          targetMs: 10_800_000, // 3 × 3,600,000
          unmeasured: [],
        },
      };
      expect(supplyChain.leadTime).toMatchObject(leadTime);
      // crm-accounts has no upstream: every chain ends at the absorbed run,
      // so end to end equals the one hop.
      expect(supplyChain.endToEndLeadTime).toMatchObject(leadTime);

      // The newest run, orders-20 (2026-11-24 19:30), started at 14:00 and
      // absorbed crm-20 (13:00 that day), not crm-19: 6 h 30 min. Its chain
      // ends there, crm-accounts having no upstream.
      expect(supplyChain.recentRuns).toHaveLength(20);
      expect(supplyChain.recentRuns[0]).toEqual({
        runId: 'orders-20',
        finishedAt: '2026-11-24T19:30:00.000Z',
        cutoff: { from: 'startedAt', at: '2026-11-24T14:00:00.000Z' },
        upstreamSource: 'declared',
        upstreams: [CRM_REF],
        absorbed: [
          {
            entityRef: CRM_REF,
            runId: 'crm-20',
            finishedAt: '2026-11-24T13:00:00.000Z',
          },
        ],
        notAbsorbed: [],
        leadTimeMs: 23_400_000, // 390 min
        reason: null,
        cause: null,
        endToEnd: {
          leadTimeMs: 23_400_000,
          origin: {
            entityRef: CRM_REF,
            runId: 'crm-20',
            finishedAt: '2026-11-24T13:00:00.000Z',
          },
          chain: [
            {
              entityRef: ORDERS_REF,
              runId: 'orders-20',
              finishedAt: '2026-11-24T19:30:00.000Z',
              leadTimeMs: 23_400_000,
            },
            {
              entityRef: CRM_REF,
              runId: 'crm-20',
              finishedAt: '2026-11-24T13:00:00.000Z',
              leadTimeMs: null,
            },
          ],
          reason: null,
          cause: null,
        },
      });
      // orders-19 (2026-11-23 15:30) absorbed crm-19: 90 min.
      expect(supplyChain.recentRuns[1]).toMatchObject({
        runId: 'orders-19',
        absorbed: [{ runId: 'crm-19' }],
        leadTimeMs: 5_400_000,
      });

      // Lags: 18 of 1 h, 2 of 10 h. Mean (18 + 20) / 20 = 1.9 h =
      // 6,840,000 ms; variance (18 × 0.9² + 2 × 8.1²) / 20 = 145.8 / 20 =
      // 7.29 h², so the standard deviation is 2.7 h = 9,720,000 ms; CV =
      // 2.7 / 1.9 = 1.42… ≥ 0.5: high.
      expect(supplyChain.volatility.lag).toMatchObject({
        values: 20,
        level: 'high',
      });
      expect(supplyChain.volatility.lag.mean).toBeCloseTo(6_840_000, 3);
      expect(supplyChain.volatility.lag.standardDeviation).toBeCloseTo(
        9_720_000,
        3,
      );
      expect(supplyChain.volatility.lag.value).toBeCloseTo(27 / 19, 10);
      // Every run reports 1,000 rows: no swing at all.
      expect(supplyChain.volatility.rowCount).toMatchObject({
        values: 20,
        value: 0,
        level: 'low',
      });
      expect(supplyChain.volatility.upstreamDrift).toMatchObject({
        quarter: '2026-Q4',
        incidents: 0,
      });

      // Over target and high volatility.
      expect(supplyChain.fragile).toMatchObject({
        fragile: true,
        overTarget: true,
        volatility: 'high',
      });

      // n = 20 runs, none failed; 2 are late against both p95 (2 h) and
      // p99 (4 h). p95 allows ⌊0.05 × 20⌋ = 1: remaining 1 − 2/1 = −1.
      // p99 allows ⌊0.01 × 20⌋ = 0 and 2 were used: remaining 0.
      expect(supplyChain.errorBudgets.p95).toMatchObject({
        promisedMs: 7_200_000,
        runs: 20,
        failedRuns: 0,
        lateRuns: 2,
        used: 2,
        allowed: 1,
        remaining: -1,
        exhausted: true,
      });
      expect(supplyChain.errorBudgets.p99).toMatchObject({
        promisedMs: 14_400_000,
        runs: 20,
        lateRuns: 2,
        used: 2,
        allowed: 0,
        remaining: 0,
        exhausted: true,
      });
      // The last 24 h (from 2026-11-24T12:00Z) hold one run, orders-20
      // (19:30 that day), over p95: (1 / 1) ÷ 0.05 = 20; no alert with
      // fewer than 5 runs.
      expect(supplyChain.errorBudgets.burnRate).toMatchObject({
        runs: 1,
        overP95: 1,
        value: 20,
        alert: false,
      });
    });

    it('judges the tier at risk over the stored daily snapshots and today', async () => {
      const { app: runsApp, snapshots, ...app } = await setup();
      // Days 2026-11-12 … 2026-11-24 (13 days) scored freshness 2 and
      // reliability 3.
      for (let day = 0; day < 13; day++) {
        await snapshots.insertSnapshot({
          entityRef: ORDERS_REF,
          takenAt: new Date(Date.parse('2026-11-12T12:00:00Z') + day * DAY),
          overall: 2.5,
          scores: {
            freshness: 2,
            reliability: 3,
            quality: null,
            stability: null,
            contract: null,
            ownership: null,
            reuse: null,
          },
          evidence: {},
          window: { from: '', to: '', runs: 0 },
        });
      }
      const res = await request(runsApp).post(
        '/products/default/orders/scorecard/refresh',
      );
      expect(res.status).toBe(200);
      // Today: P95 lag 10 h = 5 × p95 (2 h), beyond 3×: freshness 1.
      // Breaches 2 per 20 runs = 100 per 1,000: reliability 2.
      expect(res.body.dimensions.freshness.score).toBe(1);
      expect(res.body.dimensions.reliability.score).toBe(2);
      // Freshness ≤ 2 on all 14 days 2026-11-12 … 2026-11-25; reliability
      // only today. The streak of flagged days starts today: the first day
      // that ends 14 low days.
      expect(res.body.tierAtRisk).toEqual({
        applies: true,
        atRisk: true,
        period: { from: '2026-11-12', to: '2026-11-25', days: 14 },
        freshness: { atRisk: true, daysAtMost2: 14 },
        reliability: { atRisk: false, daysAtMost2: 1 },
        missingDays: [],
        atRiskSince: '2026-11-25',
        summary: expect.any(String),
      });
      // What the refresh served is what GET serves.
      const served = await request(runsApp).get(
        '/products/default/orders/scorecard',
      );
      expect(served.body.tierAtRisk).toEqual(res.body.tierAtRisk);
      expect(served.body.supplyChain.fragile.fragile).toBe(true);
      // The inventory lists the flags of the latest snapshots: orders is
      // fragile, at risk and out of budget (p95 and p99 both spent);
      // crm-accounts has no snapshot yet, so nothing is known.
      const inventory = express()
        .use(
          createInventoryRouter({
            httpAuth: mockServices.httpAuth(),
            permissions: app.permissions,
            catalog: app.catalog,
            snapshots,
            policy: DEFAULT_POLICY,
            clock: () => new Date('2026-11-25T12:00:00.000Z'),
          }),
        )
        .use(mockErrorHandler());
      const listed = await request(inventory).get('/products');
      expect(listed.status).toBe(200);
      const flags = Object.fromEntries(
        listed.body.items.map((item: Record<string, unknown>) => [
          item.name,
          [item.fragile, item.tierAtRisk, item.budgetExhausted],
        ]),
      );
      expect(flags).toEqual({
        orders: [true, true, true],
        'crm-accounts': [null, null, null],
      });
      // Filters: true keeps the flagged, false the others, unknown included.
      const namesOf = async (query: string) =>
        (await request(inventory).get(`/products?${query}`)).body.items.map(
          (item: { name: string }) => item.name,
        );
      expect(await namesOf('fragile=true')).toEqual(['orders']);
      expect(await namesOf('fragile=false')).toEqual(['crm-accounts']);
      expect(await namesOf('tierAtRisk=true&budgetExhausted=true')).toEqual([
        'orders',
      ]);
      expect(await namesOf('budgetExhausted=false')).toEqual(['crm-accounts']);
    });

    it('measures a run against the products its OpenLineage inputs are, over the declared lineage', async () => {
      const knex = await databases.init(databaseId);
      const CRM_DATASET = 'postgres://warehouse:5432/crm.public.accounts';
      // Declares no lineage; its OpenLineage runs read crm-accounts.
      const ordersOl = catalogProduct('orders', {
        datasets: ORDERS_DATASET,
        contract: { freshness: { p95: '2h', p99: '4h' } },
      });
      const crmOl = catalogProduct('crm-accounts', { datasets: CRM_DATASET });
      const { app } = await createRunsApp(knex, {
        entities: [ordersOl, crmOl, group('orders-team', ['user:default/ada'])],
      });
      // crm-accounts finished at 13:00 on 2026-11-23 and 2026-11-24.
      expect(
        (
          await request(app)
            .post('/runs')
            .send({
              runs: [23, 24].map(day =>
                nativeRun(`crm-${day}`, {
                  product: CRM_REF,
                  startedAt: `2026-11-${day}T12:00:00Z`,
                  finishedAt: `2026-11-${day}T13:00:00Z`,
                  watermark: `2026-11-${day}T12:00:00Z`,
                }),
              ),
            })
        ).status,
      ).toBe(200);
      // orders ran 14:00–15:30 on 2026-11-24, reading crm's dataset.
      const RUN = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a61';
      const inputs = [
        { namespace: 'postgres://warehouse:5432', name: 'crm.public.accounts' },
      ];
      const sent = await request(app)
        .post('/openlineage')
        .send([
          runEvent('START', RUN, {
            eventTime: '2026-11-24T14:00:00.000Z',
            inputs,
          }),
          runEvent('COMPLETE', RUN, {
            eventTime: '2026-11-24T15:30:00.000Z',
            inputs,
          }),
        ]);
      expect(sent.body.accepted).toBe(1);

      const res = await request(app).get('/products/default/orders/scorecard');
      expect(res.status).toBe(200);
      // 15:30 − 13:00 (crm-24, the newest finished by the 14:00 start).
      expect(res.body.supplyChain.recentRuns).toEqual([
        expect.objectContaining({
          runId: RUN,
          upstreamSource: 'openlineage',
          upstreams: [CRM_REF],
          absorbed: [
            {
              entityRef: CRM_REF,
              runId: 'crm-24',
              finishedAt: '2026-11-24T13:00:00.000Z',
            },
          ],
          leadTimeMs: 9_000_000, // 2 h 30 min
        }),
      ]);
      expect(res.body.supplyChain.leadTime).toMatchObject({
        p50Ms: 9_000_000,
        p95Ms: 9_000_000,
        evidence: { successfulRuns: 1, measuredRuns: 1 },
      });
    });

    it('serves a product without a declared upstream: lead time unknown, with the reason', async () => {
      const { app } = await setup();
      const res = await request(app).get(
        '/products/default/crm-accounts/scorecard',
      );
      expect(res.status).toBe(200);
      expect(res.body.supplyChain.leadTime).toMatchObject({
        p50Ms: null,
        p95Ms: null,
        overTarget: null,
        evidence: {
          successfulRuns: 20,
          measuredRuns: 0,
          unmeasured: [{ cause: 'no-upstream', runs: 20 }],
        },
      });
      // crm-accounts is a shared mart without an SLA: nothing promised.
      expect(res.body.supplyChain.errorBudgets.p95.promisedMs).toBeNull();
      expect(res.body.tierAtRisk.applies).toBe(true);
    });
  });
});
