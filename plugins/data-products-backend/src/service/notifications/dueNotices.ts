import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  calendarDaysBetween,
  formatIsoDate,
  parseIsoDate,
} from '@stockroom/plugin-data-products-common';
import { ownersOf } from '../entityRefs';
import { EvaluatedProduct } from '../lifecycle/evaluateProducts';
import { DeprecatedNotice, DueNotice, dedupeKeyOf } from './DueNotice';

/**
 * Every lifecycle notice due on the day of `now`, before deduplication:
 * - `expiring` / `expired` to the owners of each product in that state;
 * - `deprecated` to the owners of the entities that depend on a product in
 *   state `deprecated`, one notice per owner listing their entities.
 * The states come from the engine (see evaluateProducts); this only decides
 * who hears about them. Pure, so the job's only job is delivery.
 */
export function dueNotices(options: {
  products: EvaluatedProduct[];
  /** Entities with `dependsOn` relations; only those on deprecated products matter. */
  consumers: Entity[];
  now: Date;
}): DueNotice[] {
  const { products, consumers, now } = options;
  const notices: DueNotice[] = [];
  for (const product of products) {
    const { state, expiresOn } = product.evaluation;
    if ((state === 'expiring' || state === 'expired') && expiresOn) {
      notices.push(...expiryNotices(product, state, expiresOn, now));
    } else if (state === 'deprecated') {
      notices.push(...deprecationNotices(product, consumers));
    }
  }
  return notices;
}

function expiryNotices(
  product: EvaluatedProduct,
  state: 'expiring' | 'expired',
  expiresOn: string,
  now: Date,
): DueNotice[] {
  const { entityRef } = product;
  return ownersOf(product.entity).map(recipient => {
    const base = {
      dedupeKey: dedupeKeyOf(state, entityRef, recipient, expiresOn),
      recipient,
      product: summaryOf(product),
      expiresOn,
    };
    return state === 'expired'
      ? { ...base, kind: 'expired' as const }
      : {
          ...base,
          kind: 'expiring' as const,
          daysLeft: calendarDaysBetween(now, parseIsoDate(expiresOn)!),
        };
  });
}

function deprecationNotices(
  product: EvaluatedProduct,
  consumers: Entity[],
): DeprecatedNotice[] {
  const { entityRef, entity } = product;
  const consumersByOwner = new Map<string, Set<string>>();
  for (const consumer of consumers) {
    const consumerRef = stringifyEntityRef(consumer);
    if (!dependsOn(consumer, entityRef)) {
      continue;
    }
    for (const owner of ownersOf(consumer)) {
      const refs = consumersByOwner.get(owner) ?? new Set<string>();
      refs.add(consumerRef);
      consumersByOwner.set(owner, refs);
    }
  }
  const lifecycle = entity.spec?.lifecycle;
  // Normalized, so the dedupe key is the same however YAML spelled the date.
  const sunset = parseIsoDate(lifecycle?.sunsetOn);
  const sunsetOn = sunset ? formatIsoDate(sunset) : undefined;
  return [...consumersByOwner].map(([recipient, refs]) => ({
    kind: 'deprecated',
    dedupeKey: dedupeKeyOf('deprecated', entityRef, recipient, sunsetOn),
    recipient,
    product: summaryOf(product),
    sunsetOn,
    successor: lifecycle?.successor,
    migrationGuide: entity.spec?.migration?.guide,
    consumers: [...refs].sort(),
  }));
}

// Refs compare case-insensitively, as the catalog compares them.
function dependsOn(entity: Entity, targetRef: string): boolean {
  const target = targetRef.toLocaleLowerCase('en-US');
  return (entity.relations ?? []).some(
    relation =>
      relation.type === RELATION_DEPENDS_ON &&
      relation.targetRef.toLocaleLowerCase('en-US') === target,
  );
}

function summaryOf(product: EvaluatedProduct) {
  return {
    entityRef: product.entityRef,
    title: product.entity.metadata.title ?? product.entity.metadata.name,
  };
}
