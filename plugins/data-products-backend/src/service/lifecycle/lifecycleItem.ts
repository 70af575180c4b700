import {
  ApiLifecycleItem,
  formatIsoDate,
  parseIsoDate,
} from '@stockroom/plugin-data-products-common';
import { ownersOf } from '../entityRefs';
import { EvaluatedProduct } from './evaluateProducts';

/**
 * One row of `GET /lifecycle`. Absent values are null, so every row has the
 * same shape for scripts that consume it.
 */
export function lifecycleItem(product: EvaluatedProduct): ApiLifecycleItem {
  const { entity, entityRef, evaluation } = product;
  const lifecycle = entity.spec?.lifecycle;
  const sunset = parseIsoDate(lifecycle?.sunsetOn);
  return {
    entityRef,
    title: entity.metadata.title ?? entity.metadata.name,
    category: entity.spec?.category ?? null,
    owner: ownersOf(entity)[0] ?? null,
    state: evaluation.state,
    expiresOn: evaluation.expiresOn ?? null,
    sunsetOn: sunset ? formatIsoDate(sunset) : null,
    successor: lifecycle?.successor ?? null,
    findings: evaluation.findings,
  };
}
