import type { DataProductCategory, DataProductEntityV1alpha1 } from '../types';

/**
 * Test entities. Each call returns a fresh copy, so a test may break one
 * field without leaking into the next test.
 */

/** The reference example from the DataProduct spec, every field filled in. */
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
        renewedOn: '2026-10-01',
        reviewedOn: '2026-10-15',
        sunsetOn: '2027-03-31',
        supersedes: 'dataproduct:customer-identity-v1',
        successor: 'dataproduct:customer-identity-v3',
      },
      contract: {
        schema: [
          {
            name: 'customer_id',
            type: 'string',
            description:
              'Stable id, never reused. Join key for every customer table.',
            key: 'primary',
            required: true,
            classification: 'internal',
          },
          {
            name: 'email_sha256',
            type: 'string',
            description:
              'SHA-256 of the lower-cased email; null for phone-only customers.',
            classification: 'pii',
          },
          {
            name: 'crm_account_id',
            type: 'string',
            description: 'Account in the CRM; joins crm-accounts.',
            key: 'foreign',
            classification: 'confidential',
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
          {
            type: 'streaming',
            location: 'kafka://events/identity.customer-merged.v2',
            format: 'avro',
          },
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
        odcs: { apiVersion: 'v3.0.2', kind: 'DataContract', id: 'identity' },
      },
      migration: {
        from: 'dataproduct:customer-identity-v1',
        guide: 'https://docs.acme.io/data/identity-v2-migration',
        fieldMapping: [
          { from: 'cust_id', to: 'customer_id', note: 'renamed, same values' },
          { from: 'email', to: 'email_sha256', note: 'hashed' },
          { from: 'crm_id', to: 'crm_account_id' },
        ],
        sampleQueries: [
          'select customer_id from identity.customer_identity where email_sha256 = sha2(lower(:email))',
        ],
      },
      cost: { monthly: 4200, currency: 'USD', fundedBy: 'group:data-platform' },
      leadTime: { target: '2d' },
    },
  };
}

/** The least a DataProduct of the given category must declare. */
export function minimalDataProduct(
  category: DataProductCategory,
): DataProductEntityV1alpha1 {
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: { name: `minimal-${category}` },
    spec: {
      type: 'view',
      category,
      owner: 'group:default/analytics',
      lifecycle: { stage: 'draft' },
    },
  };
}
