/**
 * A product's scorecard at `now`: seven dimensions, each a score 1–5 from
 * evidence or null when there is none, and their mean. The one place every
 * surface gets a score from (dataproduct-spec.md "Scorecard").
 */
import { isFilled } from '../policy/rules/text';
import { scoreContract } from './contract';
import { scoreFreshness } from './freshness';
import { scoreOwnership } from './ownership';
import { scoreQuality } from './quality';
import { scoreReliability } from './reliability';
import { scoreReuse } from './reuse';
import { scoreStability } from './stability';
import {
  DEFAULT_SCORE_THRESHOLDS,
  DEFAULT_SCORING_WINDOW_DAYS,
  type ScoreThresholds,
} from './thresholds';
import { SCORE_DIMENSIONS, type Scorecard, type ScorecardInput } from './types';
import { measureRunWindow, type RunWindow } from './window';

/** @public */
export function computeScorecard(
  input: ScorecardInput,
  now: Date,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): Scorecard {
  const windowDays = input.windowDays ?? DEFAULT_SCORING_WINDOW_DAYS;
  return scoreRunWindow(
    measureRunWindow(input.runs, now, windowDays),
    input,
    now,
    thresholds,
  );
}

/**
 * The scorecard of runs already measured ({@link RunWindowMeter}): what a
 * store streaming a large window in chunks calls, so the runs themselves are
 * never all in memory. The same scores as {@link computeScorecard} of the
 * same runs.
 *
 * @public
 */
export function scoreRunWindow(
  window: RunWindow,
  input: Omit<ScorecardInput, 'runs' | 'windowDays'>,
  now: Date,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): Scorecard {
  const contract = input.contract;
  const dimensions: Scorecard['dimensions'] = {
    freshness: scoreFreshness(window, contract?.freshness, thresholds),
    reliability: scoreReliability(window, contract?.freshness, thresholds),
    quality: scoreQuality(window, contract, thresholds, input.checks),
    stability: scoreStability(input.drift, now, thresholds),
    contract: scoreContract(contract, thresholds),
    ownership: scoreOwnership(
      {
        ownerIsGroup: input.ownership.ownerIsGroup,
        groupHasMembers: input.ownership.groupHasMembers,
        escalationChannel: isFilled(contract?.escalation?.channel),
        onCall: isFilled(contract?.escalation?.onCall),
      },
      thresholds,
    ),
    reuse: scoreReuse(input.consumerCount, thresholds),
  };
  return {
    overall: overallScore(dimensions),
    window: { from: window.from, to: window.to, runs: window.runCount },
    dimensions,
  };
}

/**
 * Mean of the known dimensions to one decimal, half up. Computed as
 * round(sum × 10 / known) so the halves (3.25 of four scores) are exact and
 * do not fall to floating-point noise.
 *
 * @public
 */
export function overallScore(
  dimensions: Record<string, { score: number | null }>,
): number | null {
  let sum = 0;
  let known = 0;
  for (const dimension of SCORE_DIMENSIONS) {
    const score = dimensions[dimension]?.score;
    if (typeof score === 'number') {
      sum += score;
      known++;
    }
  }
  return known === 0 ? null : Math.round((sum * 10) / known) / 10;
}
