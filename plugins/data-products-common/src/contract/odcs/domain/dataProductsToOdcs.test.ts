import type { Entity } from '@backstage/catalog-model';
import type { DataProductEntityV1alpha1 } from '../../../kind/types';
import { exampleEntities, odcsFixture } from '../../__testUtils__/load';
import { odcsSchemaErrors } from '../../__testUtils__/odcsJsonSchema';
import { normalizeContract } from '../../normalize';
import { contractToOdcs } from '../toOdcs';
import { dataProductsToOdcs } from './dataProductsToOdcs';
import { odcsToDataProducts } from './odcsToDataProducts';

const NOW = new Date('2026-05-15T12:00:00Z');

/** The product as the catalog holds it: its `$yaml` resolved to the document. */
const resolved = (
  entity: DataProductEntityV1alpha1,
  document: unknown,
): DataProductEntityV1alpha1 =>
  JSON.parse(
    JSON.stringify({
      ...entity,
      spec: {
        ...entity.spec,
        contract: { ...entity.spec.contract, odcs: document },
      },
    }),
  );

/** Object names, each with its property names: what must survive a round trip. */
const shape = (document: any) =>
  (document.schema ?? []).map((object: any) => [
    object.name,
    (object.properties ?? []).map((property: any) => property.name),
  ]);

describe('dataProductsToOdcs', () => {
  describe.each([
    ['postgresql-adventureworks-contract.odcs.yaml', 68],
    ['table-column.odcs.yaml', 1],
    ['table-column-description.odcs.yaml', 1],
    ['column-completeness.odcs.yaml', 1],
    ['database-table-sla.odcs.yaml', 0],
  ])('%s imported and exported again', (file, objects) => {
    const original = odcsFixture(`bitol/${file}`);
    const imported = odcsToDataProducts(original, {
      contractRef: `./${file}`,
      owner: 'group:data-platform',
      now: NOW,
    });
    const products = imported.products.map(p => resolved(p.entity, original));
    const exported = dataProductsToOdcs(products, imported.system!);

    it('is valid ODCS v3.1.0 by the official JSON schema', () => {
      expect(exported.apiVersion).toBe('v3.1.0');
      expect(odcsSchemaErrors(exported)).toEqual([]);
    });

    it('has the same schema objects with the same properties', () => {
      expect(shape(exported)).toHaveLength(objects);
      expect(shape(exported)).toEqual(shape(original));
    });

    it('gives every product back the same contract when imported again', () => {
      for (const product of products) {
        const again = resolved(product, exported);
        expect(normalizeContract(again).contract).toEqual(
          normalizeContract(product).contract,
        );
      }
    });
  });

  describe('products with their own terms', () => {
    const product = (
      name: string,
      version: string,
      p99: string,
      channel: string,
    ): DataProductEntityV1alpha1 => ({
      apiVersion: 'stockroom.io/v1alpha1',
      kind: 'DataProduct',
      metadata: { name, description: `The ${name}.` },
      spec: {
        type: 'table',
        category: 'shared-mart',
        owner: 'group:sales-data',
        system: 'sales',
        version,
        lifecycle: { stage: 'active' },
        contract: {
          schema: [
            {
              name: `${name}_id`,
              type: 'string',
              description: 'Key.',
              key: 'primary',
            },
          ],
          freshness: { p95: '30m', p99 },
          accessPatterns: [
            {
              type: 'batch',
              location: 'snowflake://acme/SALES.PUBLIC',
              format: 'table',
            },
          ],
          escalation: { channel },
        },
      },
    });
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'sales', description: 'Sales, order to cash.' },
      spec: { owner: 'group:default/sales-data', domain: 'domain:commerce' },
    };
    const orders = product('orders', '2.1.0', '2h', '#orders');
    const refunds = product('refunds', '1.4.0', '6h', '#refunds');
    const merged = dataProductsToOdcs([orders, refunds], system);

    it('is valid ODCS v3.1.0 by the official JSON schema', () => {
      expect(odcsSchemaErrors(merged)).toEqual([]);
    });

    it('takes the System as the contract and each product as one object', () => {
      expect(merged).toMatchObject({
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 'sales',
        name: 'sales',
        // 2.1.0 and 1.4.0: the highest
        version: '2.1.0',
        status: 'active',
        domain: 'commerce',
        dataProduct: 'sales',
        description: { purpose: 'Sales, order to cash.' },
        team: { name: 'sales-data' },
      });
      expect(shape(merged)).toEqual([
        ['orders', ['orders_id']],
        ['refunds', ['refunds_id']],
      ]);
      // one server for the one location both are read from
      expect(merged.servers).toHaveLength(1);
      expect(merged.support).toEqual([
        { channel: '#orders', scope: 'interactive' },
        { channel: '#refunds', scope: 'interactive' },
      ]);
    });

    it('scopes each product’s SLA to its object, so each reads its own back', () => {
      expect(merged.slaProperties).toEqual([
        { property: 'latency', value: 2, unit: 'h', element: 'orders' },
        { property: 'latencyP95', value: 30, unit: 'm', element: 'orders' },
        { property: 'latency', value: 6, unit: 'h', element: 'refunds' },
        { property: 'latencyP95', value: 30, unit: 'm', element: 'refunds' },
      ]);
      const readBack = (name: string) =>
        normalizeContract({
          ...orders,
          metadata: { name },
          spec: {
            ...orders.spec,
            contract: { odcs: merged, odcsSchema: name },
          },
        } as DataProductEntityV1alpha1).contract.freshness;
      expect(readBack('orders')).toEqual({ p95: '30m', p99: '2h' });
      expect(readBack('refunds')).toEqual({ p95: '30m', p99: '6h' });
    });
  });

  it.each(exampleEntities())(
    'exports %s alone as valid ODCS v3.1.0 by the official JSON schema',
    (_, entity) => {
      expect(odcsSchemaErrors(contractToOdcs(entity))).toEqual([]);
    },
  );
});
