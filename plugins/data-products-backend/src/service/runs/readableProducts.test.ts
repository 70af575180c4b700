import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HIDDEN_PRODUCT, withReadableProducts } from './readableProducts';

const product = (name: string) => ({
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name, namespace: 'default' },
  spec: {},
});

/*
 * The catalog answers the caller's read: a product it does not return (not
 * there, or not readable by the caller) is hidden. Here `payments-ledger` is
 * such a product; `orders` and `customers` are readable.
 */
describe('withReadableProducts', () => {
  const catalog = catalogServiceMock({
    entities: [product('orders'), product('customers')],
  });
  const credentials = mockCredentials.user();

  it('replaces the refs of products the caller cannot read, wherever they are, and keeps the rest', async () => {
    const supplyChain = {
      recentRuns: [
        {
          runId: 'run-9',
          absorbed: [
            { entityRef: 'dataproduct:default/customers', runId: 'c-1' },
            { entityRef: 'dataproduct:default/payments-ledger', runId: 'p-7' },
          ],
          notAbsorbed: ['dataproduct:default/Payments-Ledger'],
          endToEnd: {
            origin: 'dataproduct:default/payments-ledger',
            chain: ['dataproduct:default/orders', 'resource:default/raw-feed'],
          },
        },
      ],
      leadTime: { p50Ms: 5_400_000, reason: null },
    };
    expect(
      await withReadableProducts(supplyChain, catalog, credentials),
    ).toEqual({
      recentRuns: [
        {
          runId: 'run-9',
          absorbed: [
            { entityRef: 'dataproduct:default/customers', runId: 'c-1' },
            { entityRef: HIDDEN_PRODUCT, runId: 'p-7' },
          ],
          notAbsorbed: [HIDDEN_PRODUCT],
          endToEnd: {
            origin: HIDDEN_PRODUCT,
            chain: ['dataproduct:default/orders', 'resource:default/raw-feed'],
          },
        },
      ],
      leadTime: { p50Ms: 5_400_000, reason: null },
    });
  });

  it('asks the catalog nothing when no product is named, and leaves null alone', async () => {
    const quiet = catalogServiceMock({ entities: [] });
    const getEntitiesByRefs = jest.spyOn(quiet, 'getEntitiesByRefs');
    expect(await withReadableProducts(null, quiet, credentials)).toBeNull();
    expect(
      await withReadableProducts(
        { leadTime: { p50Ms: 1 } },
        quiet,
        credentials,
      ),
    ).toEqual({ leadTime: { p50Ms: 1 } });
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });
});
