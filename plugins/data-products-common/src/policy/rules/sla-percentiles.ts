import { parseDuration } from '../../kind/duration';
import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { categoryPlural, ruleFinding } from '../finding';
import type { CategoryPolicy, Finding } from '../types';
import { isFilled } from './text';

const WHY =
  'Consumers schedule their own jobs against the promised lag; the scorecard measures it.';

/**
 * `sla-percentiles`: a freshness p95 for every product the rule applies to,
 * a p99 too where the category policy says `requireP99` (core entities by
 * default: their consumers need the tail), and p95 ≤ p99.
 * Malformed durations are the schema's finding, so they are skipped here.
 *
 * @public
 */
export function checkSlaPercentiles(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  _now: Date,
): Finding[] {
  const enforcement = categoryPolicy.rules['sla-percentiles'];
  const category = entity.spec?.category;
  const freshness = entity.spec?.contract?.freshness;
  const needsP99 = categoryPolicy.requireP99;
  // only a finding's message says it: not written for a product in order
  const promise = () =>
    `${categoryPlural(category)} promise ${
      needsP99 ? 'P95 and P99' : 'P95'
    } freshness`;

  const findings: Finding[] = [];
  if (!isFilled(freshness?.p95)) {
    findings.push(
      ...ruleFinding('sla-percentiles', enforcement, {
        path: 'spec.contract.freshness.p95',
        message: `spec.contract.freshness.p95 is missing: ${promise()} — add e.g. \`p95: 30m\``,
        why: WHY,
      }),
    );
  }
  if (needsP99 && !isFilled(freshness?.p99)) {
    findings.push(
      ...ruleFinding('sla-percentiles', enforcement, {
        path: 'spec.contract.freshness.p99',
        message: `spec.contract.freshness.p99 is missing: ${promise()} — add e.g. \`p99: 60m\``,
        why: WHY,
      }),
    );
  }
  const p95 = parseDuration(freshness?.p95 as string);
  const p99 = parseDuration(freshness?.p99 as string);
  if (p95 !== undefined && p99 !== undefined && p95 > p99) {
    findings.push(
      ...ruleFinding('sla-percentiles', enforcement, {
        path: 'spec.contract.freshness',
        message: `spec.contract.freshness.p95 (${freshness?.p95}) is above p99 (${freshness?.p99}): the lag 95% of runs stay under cannot exceed the one 99% stay under — lower p95 or raise p99`,
        why: WHY,
      }),
    );
  }
  return findings;
}
