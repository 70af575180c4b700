import type { Entity } from '@backstage/catalog-model';

/** A fully declared core entity, as the catalog returns it after processing. */
export const customerIdentity: Entity = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    namespace: 'default',
    name: 'customer-identity-v2',
    title: 'Customer Identity Graph',
    description: 'Maps every known identifier to one stable customer id.',
    tags: ['identity', 'customer'],
    labels: { 'stockroom.io/state': 'expiring' },
    annotations: {
      'stockroom.io/category': 'core-entity',
      'openlineage.io/dataset':
        'snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY',
    },
  },
  spec: {
    type: 'table',
    category: 'core-entity',
    owner: 'group:identity-platform',
    domain: 'customer',
    system: 'identity',
    version: '2.1.0',
    lifecycle: {
      stage: 'active',
      createdOn: '2026-01-10',
      supersedes: 'dataproduct:customer-identity-v1',
    },
    contract: {
      schema: [
        {
          name: 'customer_id',
          type: 'string',
          description: 'Stable id, never reused.',
          key: 'primary',
          required: true,
          classification: 'internal',
        },
      ],
      freshness: { p95: '30m', p99: '60m', tier: 'micro-batch' },
      escalation: {
        channel: '#identity-oncall',
        onCall: 'pagerduty:identity-primary',
        hours: '24x7',
      },
    },
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/identity-platform' },
    { type: 'partOf', targetRef: 'domain:default/customer' },
    { type: 'partOf', targetRef: 'system:default/identity' },
  ],
};

/**
 * A draft convenience view with only the required fields, not yet labelled by
 * the processor.
 */
export const minimalView: Entity = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'weekly-signups-view',
  },
  spec: {
    type: 'view',
    category: 'convenience-view',
    owner: 'growth-analytics',
    lifecycle: { stage: 'draft' },
  },
};
