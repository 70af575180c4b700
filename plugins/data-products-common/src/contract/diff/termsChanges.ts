import { parseDuration } from '../../kind/duration';
import type { AccessPattern, FreshnessSla } from '../../kind/types';
import type { ClassifiedContractChange } from '../types';
import { asText, change } from './change';

/**
 * Freshness promises: a raised or dropped p95/p99 is loosened (consumers
 * scheduled against it), a lowered or new one tightened. Durations that do
 * not parse are the schema's problem and compare as unchanged.
 */
export function freshnessChanges(
  before: FreshnessSla | undefined,
  after: FreshnessSla | undefined,
): ClassifiedContractChange[] {
  const changes: ClassifiedContractChange[] = [];
  for (const percentile of ['p95', 'p99'] as const) {
    const old = before?.[percentile];
    const now = after?.[percentile];
    const path = `spec.contract.freshness.${percentile}`;
    if (old !== undefined && now === undefined) {
      changes.push(
        change(
          'freshness-loosened',
          path,
          `freshness ${percentile} removed: ${asText(old)} → (none)`,
        ),
      );
      continue;
    }
    if (old === undefined && now !== undefined) {
      changes.push(
        change(
          'freshness-tightened',
          path,
          `freshness ${percentile} added: (none) → ${asText(now)}`,
        ),
      );
      continue;
    }
    const oldMs = parseDuration(old as string);
    const nowMs = parseDuration(now as string);
    if (oldMs === undefined || nowMs === undefined || oldMs === nowMs) {
      continue;
    }
    changes.push(
      nowMs > oldMs
        ? change(
            'freshness-loosened',
            path,
            `freshness ${percentile} loosened: ${asText(old)} → ${asText(now)}`,
          )
        : change(
            'freshness-tightened',
            path,
            `freshness ${percentile} tightened: ${asText(old)} → ${asText(
              now,
            )}`,
          ),
    );
  }
  return changes;
}

// An access pattern is who reads it how and where: type plus location (or
// the API entity). A new format at the same place is not a new pattern.
const identity = (pattern: AccessPattern) =>
  `${asText(pattern.type)} ${asText(pattern.location ?? pattern.api ?? '')}`;

const describe = (pattern: AccessPattern) =>
  `${asText(pattern.type)} access pattern ${asText(
    pattern.location ?? pattern.api ?? '(no location)',
  )}`;

/** Access patterns removed (breaking: consumers read there) and added. */
export function accessPatternChanges(
  before: AccessPattern[],
  after: AccessPattern[],
): ClassifiedContractChange[] {
  const beforeIds = new Set(before.map(identity));
  const afterIds = new Set(after.map(identity));
  const removed = before.flatMap((pattern, index) =>
    afterIds.has(identity(pattern))
      ? []
      : [
          change(
            'access-pattern-removed',
            `spec.contract.accessPatterns[${index}]`,
            `${describe(pattern)} removed`,
          ),
        ],
  );
  const added = after.flatMap((pattern, index) =>
    beforeIds.has(identity(pattern))
      ? []
      : [
          change(
            'access-pattern-added',
            `spec.contract.accessPatterns[${index}]`,
            `${describe(pattern)} added`,
          ),
        ],
  );
  return [...removed, ...added];
}
