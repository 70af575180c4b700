import type { Entity } from '@backstage/catalog-model';
import {
  toCatalogShape,
  type DataProductEntityV1alpha1,
} from '@stockroom/plugin-data-products-common';

function dataProduct(
  name: string,
  spec: Partial<DataProductEntityV1alpha1['spec']>,
  extra: {
    title?: string;
    state: string;
    annotations?: Record<string, string>;
  },
): Entity {
  return toCatalogShape({
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      namespace: 'default',
      name,
      title: extra.title,
      labels: { 'stockroom.io/state': extra.state },
      annotations: extra.annotations,
    },
    spec: {
      type: 'table',
      category: 'core-entity',
      owner: 'group:identity-platform',
      ...spec,
    } as DataProductEntityV1alpha1['spec'],
  } as DataProductEntityV1alpha1);
}

/** Deprecated, with a sunset date and a successor. */
export const identityV1 = dataProduct(
  'customer-identity-v1',
  {
    version: '1.8.0',
    lifecycle: {
      stage: 'deprecated',
      sunsetOn: '2027-01-31',
      successor: 'dataproduct:customer-identity-v2',
    },
    contract: { freshness: { p95: '2h', p99: '6h', tier: 'daily' } },
  },
  { title: 'Customer Identity (v1)', state: 'deprecated' },
);

/** Active, promising 30m / 60m, breaching now (the inventory says). */
export const identityV2 = dataProduct(
  'customer-identity-v2',
  {
    version: '2.1.0',
    lifecycle: { stage: 'active' },
    contract: {
      freshness: { p95: '30m', p99: '60m', tier: 'micro-batch' },
    },
  },
  { title: 'Customer Identity Graph', state: 'active' },
);

/** A convenience view the processor marked expiring. */
export const signupsView = dataProduct(
  'weekly-signups-view',
  {
    category: 'convenience-view',
    type: 'view',
    lifecycle: { stage: 'active', createdOn: '2026-09-01' },
  },
  {
    state: 'expiring',
    annotations: { 'stockroom.io/expires-on': '2026-11-30' },
  },
);

/** A component consuming all three, and one product the catalog lacks. */
export const checkoutService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { namespace: 'default', name: 'checkout-service' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:commerce',
    dependsOn: [
      'dataproduct:customer-identity-v1',
      'dataproduct:customer-identity-v2',
      'dataproduct:weekly-signups-view',
      'dataproduct:gone-mart',
      'resource:orders-db',
    ],
  },
  relations: [
    {
      type: 'dependsOn',
      targetRef: 'dataproduct:default/customer-identity-v1',
    },
    {
      type: 'dependsOn',
      targetRef: 'dataproduct:default/customer-identity-v2',
    },
    { type: 'dependsOn', targetRef: 'dataproduct:default/weekly-signups-view' },
    { type: 'dependsOn', targetRef: 'dataproduct:default/gone-mart' },
    { type: 'dependsOn', targetRef: 'resource:default/orders-db' },
    { type: 'partOf', targetRef: 'system:default/checkout' },
  ],
};

/** A component that declares nothing. */
export const lonelyService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { namespace: 'default', name: 'lonely-service' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:commerce' },
  relations: [{ type: 'dependsOn', targetRef: 'resource:default/orders-db' }],
};

/** A system whose one component depends on the view. */
export const growthSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { namespace: 'default', name: 'growth' },
  spec: { owner: 'group:growth' },
  relations: [
    { type: 'hasPart', targetRef: 'component:default/signup-dashboard' },
    // a product that is part of the system is what it provides, not uses
    { type: 'hasPart', targetRef: 'dataproduct:default/customer-identity-v2' },
  ],
};

export const signupDashboard: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { namespace: 'default', name: 'signup-dashboard' },
  spec: { type: 'website', lifecycle: 'production', owner: 'group:growth' },
  relations: [
    { type: 'dependsOn', targetRef: 'dataproduct:default/weekly-signups-view' },
    { type: 'partOf', targetRef: 'system:default/growth' },
  ],
};

export const consumerCatalog = [
  identityV1,
  identityV2,
  signupsView,
  checkoutService,
  lonelyService,
  growthSystem,
  signupDashboard,
];
