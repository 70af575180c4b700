import type { DataProductAnswers } from '../answers';

/*
 * One set of answers per category, as an owner would fill the template's
 * form or `stockroom init`, and the entity each must become, written by hand
 * from the spec (docs/dataproduct-yaml.md), not from the renderer.
 */

export const CORE_ANSWERS: DataProductAnswers = {
  name: 'payments-ledger',
  title: 'Payments Ledger',
  description: 'Every settled payment, one row per ledger entry.',
  owner: 'group:default/payments-eng',
  system: 'system:default/payments',
  type: 'table',
  createdOn: '2026-11-20',
  category: 'core-entity',
  version: '1.0.0',
  fields: [
    {
      name: 'entry_id',
      type: 'string',
      description: 'Ledger entry id: "E-" then 12 digits.',
      key: 'primary',
      required: true,
      classification: 'internal',
    },
    {
      name: 'amount_cents',
      type: 'integer',
      description: 'Signed amount in cents; refunds are negative.',
    },
  ],
  p95: '30m',
  p99: '2h',
  tier: 'micro-batch',
  escalationChannel: '#payments-data',
  onCall: 'pagerduty:payments-primary',
};

export const CORE_ENTITY = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'payments-ledger',
    title: 'Payments Ledger',
    description: 'Every settled payment, one row per ledger entry.',
  },
  spec: {
    type: 'table',
    category: 'core-entity',
    owner: 'group:default/payments-eng',
    system: 'system:default/payments',
    version: '1.0.0',
    lifecycle: { stage: 'draft', createdOn: '2026-11-20' },
    contract: {
      schema: [
        {
          name: 'entry_id',
          type: 'string',
          description: 'Ledger entry id: "E-" then 12 digits.',
          key: 'primary',
          required: true,
          classification: 'internal',
        },
        {
          name: 'amount_cents',
          type: 'integer',
          description: 'Signed amount in cents; refunds are negative.',
        },
      ],
      freshness: { p95: '30m', p99: '2h', tier: 'micro-batch' },
      escalation: {
        channel: '#payments-data',
        onCall: 'pagerduty:payments-primary',
      },
    },
  },
};

export const MART_ANSWERS: DataProductAnswers = {
  name: 'support-csat-weekly',
  description: 'Weekly CSAT per support queue.',
  owner: 'group:default/support-analytics',
  type: 'view',
  createdOn: '2026-11-20',
  category: 'shared-mart',
  version: '0.1.0',
  fields: [{ name: 'queue', type: 'string' }],
  p95: '1d',
  escalationChannel: '#support-analytics',
};

export const MART_ENTITY = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'support-csat-weekly',
    description: 'Weekly CSAT per support queue.',
  },
  spec: {
    type: 'view',
    category: 'shared-mart',
    owner: 'group:default/support-analytics',
    version: '0.1.0',
    lifecycle: {
      stage: 'draft',
      createdOn: '2026-11-20',
      reviewedOn: '2026-11-20',
    },
    contract: {
      schema: [{ name: 'queue', type: 'string' }],
      freshness: { p95: '1d' },
      escalation: { channel: '#support-analytics' },
    },
  },
};

export const VIEW_ANSWERS: DataProductAnswers = {
  name: 'q4-campaign-lift',
  description: 'Lift of the Q4 campaigns, for one quarterly review.',
  owner: 'group:default/growth-analytics',
  type: 'view',
  createdOn: '2026-11-20',
  category: 'convenience-view',
  fields: [{ name: 'campaign_id', type: 'string' }],
};

export const VIEW_ENTITY = {
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'q4-campaign-lift',
    description: 'Lift of the Q4 campaigns, for one quarterly review.',
  },
  spec: {
    type: 'view',
    category: 'convenience-view',
    owner: 'group:default/growth-analytics',
    lifecycle: { stage: 'draft', createdOn: '2026-11-20' },
    contract: { schema: [{ name: 'campaign_id', type: 'string' }] },
  },
};

export const SAMPLES = [
  ['core entity', CORE_ANSWERS, CORE_ENTITY],
  ['shared mart', MART_ANSWERS, MART_ENTITY],
  ['convenience view', VIEW_ANSWERS, VIEW_ENTITY],
] as const;
