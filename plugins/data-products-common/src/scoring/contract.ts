/**
 * Contract completeness: the mean of five parts, ×100 % — share of schema
 * fields with a description; SLA (p95 and p99 = 1, one = 0.5); escalation
 * (channel and on-call = 1, one = 0.5); lineage upstreams declared; access
 * patterns declared. Always known: it is read from the catalog.
 */
import { isFilled } from '../policy/rules/text';
import { plural } from './format';
import { scoreAtLeast } from './ladder';
import { promisedLags } from './sla';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';
import type {
  ContractEvidence,
  DimensionScore,
  ScorableContract,
} from './types';

/** @public */
export function scoreContract(
  contract: ScorableContract | undefined,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): DimensionScore<ContractEvidence> {
  const schema = Array.isArray(contract?.schema) ? contract!.schema : [];
  const described = schema.filter(f => isFilled(f?.description)).length;
  const promised = promisedLags(contract?.freshness);
  const channel = isFilled(contract?.escalation?.channel);
  const onCall = isFilled(contract?.escalation?.onCall);
  const upstreams = contract?.lineage?.upstreams;
  const patterns = contract?.accessPatterns;

  const parts = {
    // No schema describes nothing: 0, not a vacuous 100 %.
    fieldSemantics: schema.length === 0 ? 0 : described / schema.length,
    sla: half(promised.p95 !== undefined) + half(promised.p99 !== undefined),
    escalation: half(channel) + half(onCall),
    lineage: Array.isArray(upstreams) && upstreams.length > 0 ? 1 : 0,
    accessPatterns: Array.isArray(patterns) && patterns.length > 0 ? 1 : 0,
  };
  // Sum × 20 = mean × 100, one rounding fewer.
  const percent =
    (parts.fieldSemantics +
      parts.sla +
      parts.escalation +
      parts.lineage +
      parts.accessPatterns) *
    20;

  const missing: string[] = [];
  if (schema.length === 0) missing.push('a schema');
  else if (described < schema.length) {
    missing.push(
      `descriptions for ${schema.length - described} of ${plural(
        schema.length,
        'field',
      )}`,
    );
  }
  if (promised.p95 === undefined && promised.p99 === undefined) {
    missing.push('a freshness SLA (p95, p99)');
  } else if (promised.p95 === undefined) missing.push('a p95 freshness SLA');
  else if (promised.p99 === undefined) missing.push('a p99 freshness SLA');
  if (!channel) missing.push('an escalation channel');
  if (!onCall) missing.push('an on-call');
  if (!parts.lineage) missing.push('lineage upstreams');
  if (!parts.accessPatterns) missing.push('access patterns');

  return {
    score: scoreAtLeast(percent, thresholds.contract),
    evidence: {
      percent,
      parts,
      describedFields: described,
      fields: schema.length,
      thresholds: thresholds.contract,
    },
    summary:
      missing.length === 0
        ? 'Contract complete: every field described, P95 and P99 SLA, escalation channel and on-call, lineage, access patterns'
        : `Contract ${percentLabel(percent)} complete; missing ${missing.join(
            ', ',
          )}`,
  };
}

function half(present: boolean): number {
  return present ? 0.5 : 0;
}

/** Whole percent, never rounded up to a 100 % the contract does not have. */
function percentLabel(percent: number): string {
  return `${Math.min(Math.round(percent), 99)}%`;
}
