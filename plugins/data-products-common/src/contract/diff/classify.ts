import type { ClassifiedContractChange, NormalizedContract } from '../types';
import { schemaChanges } from './schemaChanges';
import { accessPatternChanges, freshnessChanges } from './termsChanges';

/**
 * Every difference between two versions of a contract that the spec
 * classifies, in reading order: schema (removals first, then by field in
 * the new order), freshness, access patterns. Paths point at the field in
 * `after`, or in `before` for what was removed. Differences the spec does
 * not classify (lineage, cost, escalation, quality limits) are not changes
 * of the contract's shape and are left to other views.
 *
 * @public
 */
export function classifyContractChanges(
  before: NormalizedContract,
  after: NormalizedContract,
): ClassifiedContractChange[] {
  return [
    ...schemaChanges(before.schema ?? [], after.schema ?? []),
    ...freshnessChanges(before.freshness, after.freshness),
    ...accessPatternChanges(
      before.accessPatterns ?? [],
      after.accessPatterns ?? [],
    ),
  ];
}
