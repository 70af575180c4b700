/**
 * Reuse: distinct entities with a dependsOn relation to the product — the
 * inventory's measure of whether a product is shared. Always known.
 */
import { formatCount } from './format';
import { scoreAtLeast } from './ladder';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';
import type { DimensionScore, ReuseEvidence } from './types';

/** @public */
export function scoreReuse(
  consumerCount: number,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): DimensionScore<ReuseEvidence> {
  const consumers =
    Number.isFinite(consumerCount) && consumerCount > 0
      ? Math.floor(consumerCount)
      : 0;
  let summary: string;
  if (consumers === 0) summary = 'No catalog entity depends on it yet';
  else if (consumers === 1) summary = '1 catalog entity depends on it';
  else summary = `${formatCount(consumers)} catalog entities depend on it`;
  return {
    score: scoreAtLeast(consumers, thresholds.reuse),
    evidence: { consumers, thresholds: thresholds.reuse },
    summary,
  };
}
