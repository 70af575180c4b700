/**
 * Ownership: how many of four checks pass — the owner is a Group in the
 * catalog, that group has a member, an escalation channel and an on-call are
 * set. Always known: the facts come from the catalog.
 */
import { scoreAtLeast } from './ladder';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';
import type {
  DimensionScore,
  OwnershipChecks,
  OwnershipEvidence,
} from './types';

const GAPS: Record<keyof OwnershipChecks, string> = {
  ownerIsGroup: 'the owner is not a Group in the catalog',
  groupHasMembers: 'the owner group has no members',
  escalationChannel: 'no escalation channel',
  onCall: 'no on-call',
};

/** @public */
export function scoreOwnership(
  checks: OwnershipChecks,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): DimensionScore<OwnershipEvidence> {
  const normalized: OwnershipChecks = {
    ownerIsGroup: checks.ownerIsGroup === true,
    groupHasMembers: checks.groupHasMembers === true,
    escalationChannel: checks.escalationChannel === true,
    onCall: checks.onCall === true,
  };
  const gaps = (Object.keys(GAPS) as Array<keyof OwnershipChecks>)
    .filter(check => !normalized[check])
    .map(check => GAPS[check]);
  const passed = 4 - gaps.length;
  return {
    score: scoreAtLeast(passed, thresholds.ownership),
    evidence: { checks: normalized, passed, thresholds: thresholds.ownership },
    summary:
      gaps.length === 0
        ? 'All 4 ownership checks pass: owner group with members, escalation channel, on-call'
        : `${passed} of 4 ownership checks pass: ${gaps.join(', ')}`,
  };
}
