import type { Entity } from '@backstage/catalog-model';
import {
  SCORE_DIMENSIONS,
  addCalendarDays,
  formatIsoDate,
  type DataProductEntityV1alpha1,
} from '@stockroom/plugin-data-products-common';

const CATEGORIES = ['core-entity', 'shared-mart', 'convenience-view'] as const;
const TYPES = ['string', 'bigint', 'timestamp', 'decimal(18,2)', 'boolean'];

/** Small deterministic PRNG so every run benchmarks the same entities. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * An example-like DataProduct: 4–14 described schema fields, an SLA, lineage,
 * access patterns, escalation, quality and cost, as in examples/.
 */
export function syntheticDataProduct(
  i: number,
  rand = prng(i),
): DataProductEntityV1alpha1 {
  const category = CATEGORIES[i % 3];
  const fields = 4 + Math.floor(rand() * 11);
  const p95 = 15 + Math.floor(rand() * 45);
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: `product-${i}`,
      title: `Product ${i}`,
      description: `Synthetic data product number ${i}.`,
      tags: ['synthetic', category],
      annotations: { 'openlineage.io/dataset': `snowflake://acme/DB.S.T_${i}` },
    },
    spec: {
      type: 'table',
      category,
      owner: `group:team-${i % 50}`,
      domain: `domain-${i % 7}`,
      system: `system-${i % 23}`,
      version: `${1 + (i % 4)}.${i % 10}.0`,
      lifecycle: {
        stage: 'active',
        createdOn: '2026-01-10',
        ...(category === 'convenience-view' ? { renewedOn: '2026-10-01' } : {}),
        ...(category === 'shared-mart' ? { reviewedOn: '2026-10-15' } : {}),
      },
      contract: {
        schema: Array.from({ length: fields }, (_, f) => ({
          name: f === 0 ? 'id' : `field_${f}`,
          type: TYPES[f % TYPES.length],
          description: `Field ${f} of product ${i}.`,
          ...(f === 0 ? { key: 'primary' as const, required: true } : {}),
          classification: f === 2 ? ('pii' as const) : ('internal' as const),
        })),
        freshness: { p95: `${p95}m`, p99: `${p95 * 2}m`, tier: 'micro-batch' },
        availability: '99.5%',
        accessPatterns: [
          {
            type: 'batch',
            location: `snowflake://acme/DB.S.T_${i}`,
            format: 'table',
          },
          ...(i % 4 === 0
            ? [{ type: 'api' as const, api: `api:api-${i % 30}` }]
            : []),
        ],
        lineage: {
          upstreams: [
            `dataproduct:product-${(i + 1) % 1000}`,
            `resource:raw-${i % 40}`,
          ],
        },
        quality: { keyFields: ['id'], maxNullRate: 0.001, maxDuplicateRate: 0 },
        escalation: {
          channel: `#team-${i % 50}`,
          onCall: `pagerduty:team-${i % 50}`,
          hours: '24x7',
        },
      },
      cost: {
        monthly: 100 + (i % 900),
        currency: 'USD',
        fundedBy: `group:team-${i % 50}`,
      },
    },
  };
}

/**
 * A Component of comparable weight: the same metadata, and as many outgoing
 * references (owner, system, dependsOn, providesApis, consumesApis) as a
 * typical DataProduct has relations.
 */
export function syntheticComponent(i: number): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      title: `Service ${i}`,
      description: `Synthetic component number ${i}.`,
      tags: ['synthetic', 'service'],
      annotations: { 'github.com/project-slug': `acme/service-${i}` },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:team-${i % 50}`,
      system: `system-${i % 23}`,
      dependsOn: [
        `resource:raw-${i % 40}`,
        `component:service-${(i + 1) % 1000}`,
      ],
      providesApis: [`api-${i % 30}`],
      consumesApis: [`api-${(i + 7) % 30}`],
    },
  };
}

/**
 * `history` daily scorecard snapshots (rows of `scorecard_snapshots`) for
 * each of products 0 … n − 1, the last taken `hoursBeforeNow` hours before
 * `now`; 5 % of the products have none. Each dimension is 1–5 or, 15 % of
 * the time, unknown; the overall is the mean of the known ones. Yielded
 * one at a time so a caller can insert them in chunks.
 */
export function* syntheticSnapshotRows(options: {
  n: number;
  history: number;
  now: Date;
  hoursBeforeNow: number;
}): Generator<Record<string, unknown>> {
  const { n, history, now, hoursBeforeNow } = options;
  const window = JSON.stringify({
    from: formatIsoDate(addCalendarDays(now, -30)),
    to: formatIsoDate(now),
    runs: 60,
  });
  for (let i = 0; i < n; i++) {
    if (i % 20 === 19) continue;
    const rand = prng(i * 31 + 7);
    for (let day = history - 1; day >= 0; day--) {
      const scores = Object.fromEntries(
        SCORE_DIMENSIONS.map(dimension => [
          dimension,
          rand() < 0.15 ? null : 1 + Math.floor(rand() * 5),
        ]),
      );
      const known = Object.values(scores).filter(
        (s): s is number => s !== null,
      );
      yield {
        entity_ref: `dataproduct:default/product-${i}`,
        taken_at: new Date(
          now.getTime() - day * 86_400_000 - hoursBeforeNow * 3_600_000,
        ),
        overall: known.length
          ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) /
            10
          : null,
        ...scores,
        evidence: '{"freshness":{"summary":"synthetic"}}',
        window,
      };
    }
  }
}
