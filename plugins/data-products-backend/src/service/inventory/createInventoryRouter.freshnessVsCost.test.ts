import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ProductFixture,
  createInventoryApp,
  refOf,
  snapshotRow,
} from './__testUtils__/inventoryApp';

jest.setTimeout(120_000);

const HOUR_MS = 3_600_000;

/**
 * The figures of the inventory's "Freshness vs cost" view, worked out by
 * hand from dataproduct-spec.md "Freshness versus cost". Every fixture
 * promises p95 30m (see catalogEntity); the default multipliers are
 * streaming 4, micro-batch 1.5, daily 1 at typical p95 1m, 30m, 1d.
 */
const PRODUCTS: ProductFixture[] = [
  {
    // options declared: the spec's example
    name: 'declared',
    category: 'shared-mart',
    owner: 'orders-team',
    tier: 'micro-batch',
    cost: {
      monthly: 4200,
      currency: 'usd',
      options: [
        { tier: 'streaming', p95: '1m', monthly: 11000 },
        { tier: 'daily', p95: '1d', monthly: 900 },
      ],
    },
    scores: { overall: 4, freshness: 4 },
  },
  {
    // no options: estimated from the tier multipliers
    name: 'estimated',
    category: 'shared-mart',
    owner: 'orders-team',
    tier: 'micro-batch',
    cost: { monthly: 3000, currency: 'EUR' },
    scores: { overall: 3, freshness: 3 },
  },
  {
    // no cost: unknown, never a number
    name: 'no-cost',
    category: 'shared-mart',
    owner: 'orders-team',
    tier: 'daily',
    scores: { overall: 2 },
  },
  {
    // never scored
    name: 'unscored',
    category: 'shared-mart',
    owner: 'orders-team',
    tier: 'daily',
    cost: { monthly: 100, currency: 'USD' },
  },
];

/** The freshness evidence as the scoring task stores it. */
function freshnessEvidence(p95LagMs: number | null, summary: string) {
  return JSON.stringify({
    freshness: {
      evidence: {
        window: {
          from: '2026-10-26T07:00:00.000Z',
          to: '2026-11-25T07:00:00.000Z',
        },
        runs: 30,
        successfulRuns: 29,
        measuredRuns: p95LagMs === null ? 0 : 29,
        p95LagMs,
        p99LagMs: p95LagMs,
        promisedP95Ms: 30 * 60_000,
        promisedP99Ms: null,
        thresholds: { 3: 1.5, 2: 3 },
      },
      summary,
    },
    // the bulk of a real snapshot, which the read must not need
    supplyChain: { recentRuns: [] },
  });
}

describe('GET /products: freshness vs cost', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  // From the catalog read; from the read model with the evidence written
  // beside the latest scores (by the store); and from the read model whose
  // latest scores were caught up without it (read from the snapshots).
  const SOURCES = [
    ['catalog', 'catalog'],
    ['read-model', 'store'],
    ['read-model', 'caught-up'],
  ] as const;

  it.each(
    databases
      .eachSupportedId()
      .flatMap(([id]) =>
        SOURCES.map(([source, written]) => [id, source, written] as const),
      ),
  )(
    'serves each product’s observed lag and what a tier move would cost, on %p from the %s (%s)',
    async (databaseId, source, written) => {
      const knex = await databases.init(databaseId);
      const { app, snapshots } = await createInventoryApp(knex, {
        products: PRODUCTS,
        source,
      });
      // Newer snapshots than the fixtures' (06:00) with freshness evidence;
      // no-cost keeps its snapshot without any.
      const at = new Date('2026-11-25T07:00:00.000Z');
      const rows = [
        {
          ...snapshotRow(refOf('declared'), at, { overall: 4, freshness: 4 }),
          evidence: freshnessEvidence(45 * 60_000, 'P95 45m > p95 30m'),
        },
        {
          ...snapshotRow(refOf('estimated'), at, { overall: 3 }),
          evidence: freshnessEvidence(null, 'No runs in the last 30 days'),
        },
      ];
      if (written === 'store') {
        for (const row of rows as Array<Record<string, unknown>>) {
          await snapshots.insertSnapshot({
            entityRef: row.entity_ref as string,
            takenAt: at,
            overall: row.overall as number,
            scores: {
              freshness: row.freshness as number | null,
              reliability: null,
              quality: null,
              stability: null,
              contract: null,
              ownership: null,
              reuse: null,
            },
            evidence: JSON.parse(row.evidence as string),
            window: JSON.parse(row.window as string),
          });
        }
      } else {
        await knex('scorecard_snapshots').insert(rows);
        await snapshots.reconcileLatestScores();
      }

      const evidenceRead = jest.spyOn(snapshots, 'latestFreshnessEvidence');

      const response = await request(app).get('/products?sort=name');

      expect(response.status).toBe(200);
      // beside the latest scores, the evidence needs no read of the snapshot
      const readFor = evidenceRead.mock.calls.flatMap(([refs]) => refs);
      expect(readFor.includes(refOf('declared'))).toBe(written !== 'store');
      const byName = Object.fromEntries(
        response.body.items.map((item: any) => [item.name, item]),
      );
      const evidence = {
        takenAt: '2026-11-25T07:00:00.000Z',
        window: {
          from: '2026-10-26T07:00:00.000Z',
          to: '2026-11-25T07:00:00.000Z',
        },
        runs: 30,
        promisedP95Ms: 1_800_000,
      };

      // Declared: (11,000 − 4,200) ÷ (30m − 1m = 29/60 h) = 14,068.97…
      const declared = byName.declared.freshnessVsCost;
      expect(declared.observedLag).toEqual({
        p95Ms: 2_700_000,
        reason: null,
        evidence: { ...evidence, measuredRuns: 29 },
      });
      expect(declared.unitCostOfFreshness.value).toBeCloseTo(
        6800 / (29 / 60),
        6,
      );
      expect(declared.unitCostOfFreshness).toMatchObject({
        currency: 'USD',
        estimated: false,
        today: { monthly: 4200, p95Ms: 1_800_000, tier: 'micro-batch' },
        summary:
          'USD 14,069 / month per hour of lag saved (streaming at p95 1m for USD 11,000 vs USD 4,200 today at p95 30m)',
      });
      expect(
        declared.unitCostOfFreshness.options.map((o: any) => [
          o.tier,
          o.monthly,
          o.estimated,
          o.extraMonthly,
          o.fresher,
        ]),
      ).toEqual([
        ['streaming', 11000, false, 6800, true],
        // a slower tier saves 3,300 a month and adds 23.5 h of lag
        ['daily', 900, false, -3300, false],
      ]);
      expect(declared.unitCostOfFreshness.options[1].hoursSaved).toBe(-23.5);

      // Estimated: streaming 3,000 × 4 ÷ 1.5 = 8,000; daily 3,000 ÷ 1.5 =
      // 2,000; (8,000 − 3,000) ÷ 29/60 h = 10,344.83…
      const estimated = byName.estimated.freshnessVsCost;
      expect(estimated.observedLag).toEqual({
        p95Ms: null,
        reason: 'No runs in the last 30 days',
        evidence: { ...evidence, measuredRuns: 0 },
      });
      expect(estimated.unitCostOfFreshness.value).toBeCloseTo(
        5000 / (29 / 60),
        6,
      );
      expect(estimated.unitCostOfFreshness).toMatchObject({
        currency: 'EUR',
        estimated: true,
        summary:
          'Estimated: EUR 10,345 / month per hour of lag saved (streaming at p95 1m for EUR 8,000 vs EUR 3,000 today at p95 30m)',
      });
      expect(
        estimated.unitCostOfFreshness.options.map((o: any) => [
          o.tier,
          o.p95Ms,
          o.monthly,
          o.estimated,
        ]),
      ).toEqual([
        ['streaming', 60_000, 8000, true],
        ['daily', 24 * HOUR_MS, 2000, true],
      ]);

      // A snapshot without freshness evidence, and no cost: unknown, with why.
      const noCost = byName['no-cost'].freshnessVsCost;
      expect(noCost.observedLag).toEqual({
        p95Ms: null,
        reason:
          'The latest scorecard snapshot holds no freshness evidence; the next scoring records it',
        evidence: null,
      });
      expect(noCost.unitCostOfFreshness).toMatchObject({
        value: null,
        options: [],
        summary:
          'Unknown: no cost declared (spec.cost.monthly), so no price of freshness',
      });

      // Never scored: no lag; the price needs no snapshot (daily is the
      // slowest tier: streaming 100 × 4 = 400 is the next step).
      const unscored = byName.unscored.freshnessVsCost;
      expect(unscored.observedLag).toEqual({
        p95Ms: null,
        reason: 'Not scored yet: the product has no scorecard snapshot',
        evidence: null,
      });
      expect(unscored.unitCostOfFreshness.next).toMatchObject({
        tier: 'streaming',
        monthly: 400,
      });
    },
  );

  it('estimates with the configured tier multipliers', async () => {
    const knex = await databases.init('SQLITE_3');
    const { app } = await createInventoryApp(knex, {
      products: [PRODUCTS[1]],
      router: {
        costs: {
          tierMultipliers: { streaming: 3, 'micro-batch': 1.5, daily: 1 },
          tierTypicalP95: {
            streaming: '5m',
            'micro-batch': '30m',
            daily: '1d',
          },
        },
      },
    });

    const response = await request(app).get('/products');

    // streaming 3,000 × 3 ÷ 1.5 = 6,000 at 5m: (6,000 − 3,000) ÷ 25/60 h = 7,200
    const [item] = response.body.items;
    expect(item.freshnessVsCost.unitCostOfFreshness.next).toMatchObject({
      tier: 'streaming',
      p95Ms: 300_000,
      monthly: 6000,
      estimated: true,
    });
    expect(item.freshnessVsCost.unitCostOfFreshness.value).toBeCloseTo(7200, 6);
  });
});
