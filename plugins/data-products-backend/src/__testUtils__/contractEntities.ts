import { Entity } from '@backstage/catalog-model';
import {
  DataContract,
  DataProductCategory,
  SchemaField,
  toCatalogShape,
} from '@stockroom/plugin-data-products-common';
import { dataProduct } from './entities';

/** The schema of the `orders` fixture, version 1.0.0. */
export const ORDERS_SCHEMA: SchemaField[] = [
  {
    name: 'order_id',
    type: 'string',
    description: 'Unique per order.',
    key: 'primary',
    required: true,
  },
  { name: 'customer_id', type: 'string', description: 'Who ordered.' },
  { name: 'amount', type: 'decimal', description: 'Total, in EUR.' },
];

/**
 * A DataProduct with a contract, as the catalog stores it (lifecycle stage in
 * spec.lifecycle, the rest under spec.lifecycleDetails).
 */
export function productWithContract(
  name: string,
  options: {
    version?: string;
    category?: DataProductCategory;
    schema?: SchemaField[];
    contract?: Omit<DataContract, 'schema'>;
  } = {},
): Entity {
  const product = dataProduct(name, {
    category: options.category ?? 'shared-mart',
    owner: 'group:default/orders',
    lifecycle: { stage: 'active', createdOn: '2026-01-10' },
  });
  product.spec.version = options.version ?? '1.0.0';
  product.spec.contract = {
    schema: options.schema ?? ORDERS_SCHEMA,
    freshness: { p95: '30m', p99: '60m', tier: 'micro-batch' },
    escalation: { channel: '#orders-oncall' },
    ...options.contract,
  };
  return toCatalogShape(product);
}

/** ORDERS_SCHEMA without the field `name`. */
export function schemaWithout(name: string): SchemaField[] {
  return ORDERS_SCHEMA.filter(field => field.name !== name);
}
