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

    it('reads a 404 as "no scorecard"', async () => {
      const { client } = clientAnswering(json({ error: {} }, 404));
      await expect(client.getScorecard(ref)).resolves.toBeUndefined();
    });

    it('reads the history with its range, each snapshot with its lag', async () => {
      const items = [
        {
          computedAt: '2026-11-01T06:00:00.000Z',
          overall: 4,
          scores: {
            freshness: 4,
            reliability: 4,
            quality: null,
            stability: 4,
            contract: 4,
            ownership: 4,
            reuse: 4,
          },
          window: { from: 'a', to: 'b', runs: 10 },
          lag: null,
        },
        {
          computedAt: '2026-11-02T06:00:00.000Z',
          overall: 3.5,
          scores: {
            freshness: 3,
            reliability: 4,
            quality: null,
            stability: 4,
            contract: 4,
            ownership: 4,
            reuse: 2,
          },
          window: { from: 'a', to: 'b', runs: 12 },
          lag: {
            p95Ms: 2460000,
            p99Ms: 4000000,
            promisedP95Ms: 1800000,
            promisedP99Ms: 3600000,
          },
        },
      ];
      const { client, fetch } = clientAnswering(
        json({
          entityRef: 'dataproduct:default/orders/core',
          from: '2026-11-01T00:00:00.000Z',
          to: '2026-11-25T23:59:59.999Z',
          items,
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
      expect(history.items).toEqual(items);
    });

    it('reads a 404 of the history as no snapshots', async () => {
      const { client } = clientAnswering(json({ error: {} }, 404));
      await expect(client.getScorecardHistory(ref)).resolves.toEqual({
        items: [],
      });
    });

    it('reads runs with paging parameters', async () => {
      const run = {
        runId: 'r1',
        status: 'failed',
        job: { namespace: 'airflow', name: 'orders.refresh' },
        parent: null,
        streaming: false,
        lastEventAt: '2026-11-24T06:00:00.000Z',
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
        json({
          entityRef: 'dataproduct:default/orders/core',
          items: [run],
          nextBefore: '2026-11-24T06:00:00.000Z',
        }),
      );
      // The backend's breach verdict and lag, as it sent them.
      await expect(
        client.getRuns(ref, { limit: 200, before: '2026-11-25T00:00:00Z' }),
      ).resolves.toMatchObject({
        items: [run],
        nextBefore: '2026-11-24T06:00:00.000Z',
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
      freshnessTier: 'daily',
      cost: {
        monthly: 900,
        currency: 'USD',
        fundedBy: 'group:default/commerce',
        perConsumer: 150,
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
      funding: {
        verdict: 'breaks',
        expects: 'central',
        expectedFunders: ['group:default/data-platform'],
        consumingGroups: [
          'group:default/a',
          'group:default/b',
          'group:default/c',
        ],
        severity: 'warning',
        message: 'Consumed by 3 other teams: fund it centrally',
      },
    };
    const page = {
      evaluatedOn: '2026-11-25',
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
        monthlyCostByFreshnessTier: { daily: 10800 },
        currency: 'USD',
        costsInOtherCurrencies: {},
        daysLeftInMonth: 5,
        fundingRule: {
          manyTeams: 3,
          centralFunders: ['group:default/data-platform'],
        },
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
