import { Entity } from '@backstage/catalog-model';

/** The dataset whose runs are `orders`' runs. */
export const ORDERS_NAMESPACE = 'postgres://warehouse:5432';
export const ORDERS_NAME = 'analytics.public.orders';

/** What the probe backend's catalog holds: one product and its owner. */
export const PROBE_CATALOG: Entity[] = [
  {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'orders',
      namespace: 'default',
      annotations: {
        'openlineage.io/dataset': `${ORDERS_NAMESPACE}/${ORDERS_NAME}`,
      },
    },
    spec: {
      type: 'table',
      category: 'shared-mart',
      owner: 'group:default/orders-team',
      version: '1.0.0',
      lifecycle: 'active',
      lifecycleDetails: { createdOn: '2026-01-10' },
      contract: {
        freshness: { p95: '1h', p99: '2h' },
        schema: [
          { name: 'order_id', type: 'string', key: 'primary' },
          { name: 'amount', type: 'decimal' },
        ],
      },
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/orders-team' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'orders-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];
