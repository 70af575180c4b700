import type { DataProductEntityV1alpha1 } from '../../kind/types';

/** A fixed "now" for tests: nothing in the policy reads the clock. */
export const NOW = new Date('2026-05-15T12:00:00Z');

/** A core entity that satisfies every default rule. */
export function coreEntity(
  edit?: (entity: DataProductEntityV1alpha1) => void,
): DataProductEntityV1alpha1 {
  return edited(
    {
      apiVersion: 'stockroom.io/v1alpha1',
      kind: 'DataProduct',
      metadata: {
        name: 'customer-identity-v2',
        title: 'Customer Identity Graph',
      },
      spec: {
        type: 'table',
        category: 'core-entity',
        owner: 'group:identity-platform',
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
            },
            {
              name: 'email_sha256',
              type: 'string',
              description: 'SHA-256 of the lower-cased email.',
              classification: 'pii',
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
    },
    edit,
  );
}

/** A shared mart that satisfies every default rule at NOW. */
export function sharedMart(
  edit?: (entity: DataProductEntityV1alpha1) => void,
): DataProductEntityV1alpha1 {
  return coreEntity(entity => {
    entity.metadata.name = 'orders-daily';
    entity.spec.category = 'shared-mart';
    entity.spec.version = '1.4.0';
    entity.spec.lifecycle = {
      stage: 'active',
      createdOn: '2025-06-01',
      reviewedOn: '2026-04-01',
    };
    entity.spec.contract!.freshness = { p95: '2h' };
    entity.spec.contract!.escalation = { channel: '#orders-data' };
    edit?.(entity);
  });
}

/** A convenience view created on 2026-03-01: expires 2026-05-30, expiring from 2026-05-16. */
export function convenienceView(
  edit?: (entity: DataProductEntityV1alpha1) => void,
): DataProductEntityV1alpha1 {
  return edited(
    {
      apiVersion: 'stockroom.io/v1alpha1',
      kind: 'DataProduct',
      metadata: { name: 'weekly-churn-view' },
      spec: {
        type: 'view',
        category: 'convenience-view',
        owner: 'group:growth-analytics',
        lifecycle: { stage: 'active', createdOn: '2026-03-01' },
      },
    },
    edit,
  );
}

function edited(
  entity: DataProductEntityV1alpha1,
  edit?: (entity: DataProductEntityV1alpha1) => void,
): DataProductEntityV1alpha1 {
  const copy = structuredClone(entity);
  edit?.(copy);
  return copy;
}

/** A day as a Date at noon UTC, to show the time of day never matters. */
export function day(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}
