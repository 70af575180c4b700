import { toCatalogShape } from '../kind/catalogShape';
import type { DataProductEntityV1alpha1 } from '../kind/types';
import { prepareDataProduct } from './prepareDataProduct';

// A product whose contract is half explicit, half ODCS (written by hand):
// the explicit p95 wins, the ODCS latency becomes p99, the ODCS version and
// price fill spec.version and spec.cost, which the entity leaves out.
const authored: DataProductEntityV1alpha1 = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name: 'tickets' },
  spec: {
    type: 'table',
    category: 'shared-mart',
    owner: 'group:support-data',
    lifecycle: { stage: 'active', createdOn: '2026-01-05' },
    contract: {
      freshness: { p95: '30m' },
      odcs: {
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 'tickets',
        version: '1.4.0',
        status: 'active',
        schema: [
          {
            name: 'tickets',
            properties: [
              {
                name: 'ticket_id',
                logicalType: 'string',
                description: 'One support ticket.',
              },
            ],
          },
        ],
        slaProperties: [{ property: 'latency', value: 2, unit: 'h' }],
        price: { priceAmount: 120, priceCurrency: 'USD', priceUnit: 'month' },
      },
    },
  },
} as unknown as DataProductEntityV1alpha1;

describe('prepareDataProduct', () => {
  it.each([
    ['as authored', authored],
    ['as the catalog stores it', toCatalogShape(authored)],
  ])(
    'reads a product %s into the authored shape with its contract normalized',
    (_, input) => {
      const prepared = prepareDataProduct(input as any);
      expect(prepared.entity.spec.lifecycle).toEqual({
        stage: 'active',
        createdOn: '2026-01-05',
      });
      expect(prepared.entity.spec.version).toBe('1.4.0');
      expect(prepared.entity.spec.contract!.odcs).toBeUndefined();
      expect(prepared.entity.spec.contract!.freshness).toMatchObject({
        p95: '30m',
        p99: '2h',
      });
      expect(prepared.entity.spec.contract!.schema).toMatchObject([
        {
          name: 'ticket_id',
          type: 'string',
          description: 'One support ticket.',
        },
      ]);
      expect(prepared.contract.version).toBe('1.4.0');
      expect(prepared.contractFindings).toEqual([]);
    },
  );

  it('leaves the input untouched', () => {
    const input = toCatalogShape(authored);
    const before = JSON.stringify(input);
    prepareDataProduct(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
