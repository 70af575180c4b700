import {
  Entity,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import {
  DataProductCategory,
  DataProductEntityV1alpha1,
  DataProductLifecycle,
  addCalendarDays,
  formatIsoDate,
} from '@stockroom/plugin-data-products-common';

/** `YYYY-MM-DD` of the day `days` from `now` (negative: before). */
export function dayFrom(now: Date, days: number): string {
  return formatIsoDate(addCalendarDays(now, days));
}

/**
 * A DataProduct as the catalog serves it: with the `ownedBy` relation its
 * processor emits. Only what lifecycle rules read is filled in.
 */
export function dataProduct(
  name: string,
  options: {
    category?: DataProductCategory;
    owner?: string;
    title?: string;
    lifecycle?: Partial<DataProductLifecycle>;
    migrationGuide?: string;
  } = {},
): DataProductEntityV1alpha1 {
  const owner = options.owner ?? 'group:default/data-platform';
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name,
      namespace: 'default',
      ...(options.title ? { title: options.title } : {}),
    },
    spec: {
      type: 'table',
      category: options.category ?? 'shared-mart',
      owner,
      version: '1.0.0',
      lifecycle: { stage: 'active', ...options.lifecycle },
      ...(options.migrationGuide
        ? { migration: { guide: options.migrationGuide } }
        : {}),
    },
    relations: [{ type: RELATION_OWNED_BY, targetRef: owner }],
  };
}

/** A convenience view renewed `daysAgo` days before `now`. */
export function viewRenewed(
  name: string,
  now: Date,
  daysAgo: number,
  owner = 'group:default/analytics',
): DataProductEntityV1alpha1 {
  return dataProduct(name, {
    category: 'convenience-view',
    owner,
    lifecycle: {
      stage: 'active',
      createdOn: dayFrom(now, -daysAgo - 10),
      renewedOn: dayFrom(now, -daysAgo),
    },
  });
}

/** A Component owned by `owner` that depends on `dependsOn`. */
export function component(
  name: string,
  owner: string,
  dependsOn: string[],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner, dependsOn },
    relations: [
      { type: RELATION_OWNED_BY, targetRef: owner },
      ...dependsOn.map(targetRef => ({ type: RELATION_DEPENDS_ON, targetRef })),
    ],
  };
}
