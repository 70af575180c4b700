import { DataProductEntityV1alpha1 } from '@stockroom/plugin-data-products-common';

/** A complete, valid core entity: every part of the spec's example. */
export function fullDataProduct(): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'customer-identity-v2',
      title: 'Customer Identity Graph',
      description: 'Maps every known identifier to one stable customer id.',
      tags: ['identity', 'customer'],
      annotations: {
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
          {
            name: 'email_sha256',
            type: 'string',
            description: 'SHA-256 of the lower-cased email.',
            classification: 'pii',
          },
        ],
        freshness: { p95: '30m', p99: '60m', tier: 'micro-batch' },
        availability: '99.5%',
        accessPatterns: [
          {
            type: 'batch',
            location: 'snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY',
            format: 'table',
          },
          { type: 'api', api: 'api:identity-lookup' },
        ],
        lineage: {
          upstreams: ['dataproduct:crm-accounts', 'resource:segment-events'],
        },
        quality: {
          keyFields: ['customer_id'],
          maxNullRate: 0.001,
          maxDuplicateRate: 0,
        },
        escalation: {
          channel: '#identity-oncall',
          onCall: 'pagerduty:identity-primary',
          hours: '24x7',
        },
      },
      migration: {
        from: 'dataproduct:customer-identity-v1',
        guide: 'https://wiki.example.com/identity-v2-migration',
        fieldMapping: [{ from: 'cust_id', to: 'customer_id', note: 'renamed' }],
        sampleQueries: ['select customer_id from identity.customer_identity'],
      },
      cost: { monthly: 4200, currency: 'USD', fundedBy: 'group:data-platform' },
      leadTime: { target: '2d' },
    },
  };
}
