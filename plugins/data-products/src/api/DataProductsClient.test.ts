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
});
