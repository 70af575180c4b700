import { mockApis } from '@backstage/frontend-test-utils';
import { DataProductsClient } from './DataProductsClient';

const ref = { kind: 'DataProduct', namespace: 'default', name: 'orders/core' };

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function clientAnswering(response: Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response,
  );
  const client = new DataProductsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage:7007' }),
    fetchApi: { fetch: fetch as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('DataProductsClient', () => {
  it('reads the contract history of a product from the backend', async () => {
    const item = {
      version: '2.1.0',
      fingerprint: 'abc123',
      recordedAt: '2026-10-01T08:00:00.000Z',
      changes: [
        {
          kind: 'non-breaking',
          change: 'field-added',
          path: 'spec.contract.schema[6]',
          message: 'merged_into was added',
        },
      ],
      verdict: 'ok',
    };
    const { client, fetch } = clientAnswering(json({ items: [item] }));

    await expect(client.getContractHistory(ref)).resolves.toEqual({
      items: [item],
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/data-products/products/default/orders%2Fcore/contract/history',
      expect.anything(),
    );
  });

  it('treats a 404 as "nothing recorded yet"', async () => {
    const { client } = clientAnswering(
      json({ error: { name: 'NotFoundError', message: 'nope' } }, 404),
    );
    await expect(client.getContractHistory(ref)).resolves.toEqual({
      items: [],
    });
  });

  it('tolerates a body without items', async () => {
    const { client } = clientAnswering(json({}));
    await expect(client.getContractHistory(ref)).resolves.toEqual({
      items: [],
    });
  });

  it('throws a ResponseError on other failures', async () => {
    const { client } = clientAnswering(
      json({ error: { name: 'Error', message: 'database is down' } }, 500),
    );
    await expect(client.getContractHistory(ref)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 500,
    });
  });

  describe('scorecards', () => {
    const base =
      'http://backstage:7007/api/data-products/products/default/orders%2Fcore';

    const scorecard = {
      entityRef: 'dataproduct:default/orders/core',
      overall: 3.8,
      computedAt: '2026-11-25T06:00:00.000Z',
      window: {
        from: '2026-10-26T06:00:00.000Z',
        to: '2026-11-25T06:00:00.000Z',
        runs: 2880,
      },
      dimensions: {
        freshness: {
          score: 3,
          summary: 'P95 lag 41 min vs 30 min promised over 2,880 runs',
          evidence: { p95LagMs: 2460000, promisedP95Ms: 1800000 },
        },
        reliability: { score: 4, summary: 'x', evidence: {} },
        quality: {
          score: null,
          summary: 'No key fields declared',
          evidence: {},
        },
        stability: { score: 5, summary: 'x', evidence: {} },
        contract: { score: 5, summary: 'x', evidence: {} },
        ownership: { score: 4, summary: 'x', evidence: {} },
        reuse: { score: 2, summary: 'x', evidence: {} },
      },
    };

    it('reads the latest scorecard', async () => {
      const { client, fetch } = clientAnswering(json(scorecard));
      await expect(client.getScorecard(ref)).resolves.toEqual(scorecard);
      expect(fetch).toHaveBeenCalledWith(
        `${base}/scorecard`,
        expect.anything(),
      );
    });

    it('reads a dimension the answer lacks as unknown, never as a score', async () => {
      const { freshness } = scorecard.dimensions;
      const { client } = clientAnswering(
        json({ ...scorecard, overall: 'high', dimensions: { freshness } }),
      );
      const card = await client.getScorecard(ref);
      expect(card!.overall).toBeNull();
      expect(card!.dimensions.freshness.score).toBe(3);
      expect(card!.dimensions.reuse).toEqual({
        score: null,
        summary: null,
        evidence: null,
      });
    });

    it('reads a 404 as "no scorecard"', async () => {
      const { client } = clientAnswering(json({ error: {} }, 404));
      await expect(client.getScorecard(ref)).resolves.toBeUndefined();
    });

    it('reads the history with its range, and the lag wherever the backend puts it', async () => {
      const { client, fetch } = clientAnswering(
        json({
          entityRef: 'dataproduct:default/orders/core',
          items: [
            {
              computedAt: '2026-11-01T06:00:00.000Z',
              overall: 4,
              scores: { freshness: 4, quality: null },
              window: { from: 'a', to: 'b', runs: 10 },
            },
            {
              takenAt: '2026-11-02T06:00:00.000Z',
              overall: 3.5,
              scores: { freshness: 3 },
              evidence: {
                freshness: {
                  summary: 'P95 lag …',
                  evidence: {
                    p95LagMs: 2460000,
                    p99LagMs: 4000000,
                    promisedP95Ms: 1800000,
                    promisedP99Ms: 3600000,
                  },
                },
              },
            },
            {
              computedAt: '2026-11-03T06:00:00.000Z',
              overall: null,
              scores: {},
              lag: { p95Ms: 1000, p99Ms: null },
            },
            { overall: 5 },
          ],
        }),
      );
      const history = await client.getScorecardHistory(ref, {
        from: '2026-11-01',
        to: '2026-11-25',
      });
      expect(fetch).toHaveBeenCalledWith(
        `${base}/scorecard/history?from=2026-11-01&to=2026-11-25`,
        expect.anything(),
      );
      expect(history.items).toHaveLength(3);
      expect(history.items[0]).toEqual({
        computedAt: '2026-11-01T06:00:00.000Z',
        overall: 4,
        scores: {
          freshness: 4,
          reliability: null,
          quality: null,
          stability: null,
          contract: null,
          ownership: null,
          reuse: null,
        },
        window: { from: 'a', to: 'b', runs: 10 },
        lag: null,
      });
      expect(history.items[1].computedAt).toBe('2026-11-02T06:00:00.000Z');
      expect(history.items[1].lag).toEqual({
        p95Ms: 2460000,
        p99Ms: 4000000,
        promisedP95Ms: 1800000,
        promisedP99Ms: 3600000,
      });
      expect(history.items[2].lag).toEqual({
        p95Ms: 1000,
        p99Ms: null,
        promisedP95Ms: null,
        promisedP99Ms: null,
      });
    });

    it('reads runs with paging parameters', async () => {
      const run = {
        runId: 'r1',
        status: 'failed',
        datasetKey: null,
        startedAt: null,
        finishedAt: '2026-11-24T06:00:00.000Z',
        watermark: null,
        rowCount: null,
        columns: null,
        errorMessage: 'boom',
        lagMs: null,
        breach: true,
      };
      const { client, fetch } = clientAnswering(
        json({ items: [run, { status: 'no id' }], nextBefore: null }),
      );
      await expect(
        client.getRuns(ref, { limit: 200, before: '2026-11-25T00:00:00Z' }),
      ).resolves.toEqual({
        items: [
          {
            runId: 'r1',
            status: 'failed',
            datasetKey: null,
            startedAt: null,
            finishedAt: '2026-11-24T06:00:00.000Z',
            watermark: null,
            rowCount: null,
            errorMessage: 'boom',
            lagMs: null,
            breach: true,
          },
        ],
        nextBefore: null,
      });
      expect(fetch).toHaveBeenCalledWith(
        `${base}/runs?limit=200&before=2026-11-25T00%3A00%3A00Z`,
        expect.anything(),
      );
    });

    it('reads incidents, and a 404 as none', async () => {
      const incident = {
        id: 7,
        kind: 'breaking-change-without-major',
        openedAt: '2026-11-02T06:00:00.000Z',
        details: { fromVersion: '2.0.0', toVersion: '2.1.0' },
      };
      const { client, fetch } = clientAnswering(json({ items: [incident] }));
      await expect(client.getIncidents(ref)).resolves.toEqual({
        items: [incident],
      });
      expect(fetch).toHaveBeenCalledWith(
        `${base}/incidents`,
        expect.anything(),
      );

      const { client: missing } = clientAnswering(json({}, 404));
      await expect(missing.getIncidents(ref)).resolves.toEqual({ items: [] });
    });

    it('asks the backend to refresh with a POST', async () => {
      const { client, fetch } = clientAnswering(json(scorecard));
      await expect(client.refreshScorecard(ref)).resolves.toEqual(scorecard);
      expect(fetch).toHaveBeenCalledWith(`${base}/scorecard/refresh`, {
        method: 'POST',
      });
    });

    it('throws a ResponseError with status 403 when refreshing is not allowed', async () => {
      const { client } = clientAnswering(
        json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                'Not allowed to refresh the scorecard: it needs the permission stockroom.scorecard.refresh',
            },
          },
          403,
        ),
      );
      await expect(client.refreshScorecard(ref)).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 403,
      });
    });
  });

  describe('inventory', () => {
    const products = 'http://backstage:7007/api/data-products/products';
    const item = {
      entityRef: 'dataproduct:default/orders-mart',
      name: 'orders-mart',
      title: 'Orders mart',
      category: 'shared-mart',
      state: 'active',
      owner: 'group:default/commerce-data',
      domain: 'commerce',
      system: 'orders',
      type: 'table',
      version: '1.4.0',
      expiresOn: null,
      sunsetOn: null,
      successor: null,
      cost: {
        monthly: 900,
        currency: 'USD',
        fundedBy: 'group:default/commerce',
      },
      consumers: 6,
      overall: 2.4,
      dimensions: {
        freshness: 2,
        reliability: 1,
        quality: null,
        stability: 3,
        contract: 3,
        ownership: 4,
        reuse: 5,
      },
      breaching: true,
      computedAt: '2026-11-25T06:00:00.000Z',
    };
    const page = {
      items: [item],
      nextCursor: 'c2',
      totals: {
        total: 41,
        byCategory: { 'shared-mart': 12 },
        byState: { active: 10, expiring: 2 },
      },
      summary: {
        byCategory: {
          'shared-mart': { count: 12, averageScore: 3.1, monthlyCost: 10800 },
        },
        expiringThisMonth: 2,
        breachingNow: 3,
        monthlyCostByFundingGroup: { 'group:default/data-platform': 14000 },
        currency: 'USD',
      },
    };

    it('reads a page of the inventory with every filter in the query', async () => {
      const { client, fetch } = clientAnswering(json(page));
      await expect(
        client.getInventory({
          category: 'shared-mart',
          state: 'active',
          owner: 'group:default/commerce-data',
          domain: 'commerce',
          system: 'orders',
          type: 'table',
          minScore: 1,
          maxScore: 3.5,
          expiringWithinDays: 14,
          breaching: true,
          q: 'orders & co',
          sort: 'reliability',
          order: 'desc',
          limit: 50,
          cursor: 'c1',
        }),
      ).resolves.toEqual(page);
      expect(fetch).toHaveBeenCalledWith(
        `${products}?category=shared-mart&state=active&owner=group%3Adefault%2Fcommerce-data&domain=commerce&system=orders&type=table&minScore=1&maxScore=3.5&expiringWithinDays=14&breaching=true&q=orders+%26+co&sort=reliability&order=desc&limit=50&cursor=c1`,
        expect.anything(),
      );
    });

    it('sends no parameters for an unfiltered query (the backend sorts weak links first)', async () => {
      const { client, fetch } = clientAnswering(json(page));
      await client.getInventory({ breaching: false, q: '  ' });
      expect(fetch).toHaveBeenCalledWith(products, expect.anything());
    });

    it('reads a partial answer defensively', async () => {
      const { client } = clientAnswering(
        json({
          items: [
            {
              entityRef: 'dataproduct:default/x',
              consumers: ['component:default/a', 'component:default/b'],
              dimensions: { freshness: 'high' },
            },
            { name: 'no ref' },
          ],
        }),
      );
      const inventory = await client.getInventory();
      expect(inventory.items).toHaveLength(1);
      expect(inventory.items[0]).toMatchObject({
        entityRef: 'dataproduct:default/x',
        name: 'dataproduct:default/x',
        consumers: 2,
        overall: null,
        cost: null,
        breaching: false,
      });
      expect(inventory.items[0].dimensions.freshness).toBeNull();
      expect(inventory.nextCursor).toBeNull();
      expect(inventory.totals).toEqual({
        total: 1,
        byCategory: {},
        byState: {},
      });
      expect(inventory.summary).toEqual({
        byCategory: {},
        expiringThisMonth: 0,
        breachingNow: 0,
        monthlyCostByFundingGroup: {},
        currency: null,
      });
    });

    it("throws an InputError with the backend's message on a 400", async () => {
      const { client } = clientAnswering(
        json({ error: { message: 'minScore must be between 1 and 5' } }, 400),
      );
      await expect(client.getInventory({ minScore: 9 })).rejects.toMatchObject({
        name: 'InputError',
        message: 'minScore must be between 1 and 5',
      });
    });

    it('throws a ResponseError on other failures', async () => {
      const { client } = clientAnswering(
        json({ error: { name: 'Error', message: 'down' } }, 503),
      );
      await expect(client.getInventory()).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 503,
      });
    });
  });
});
