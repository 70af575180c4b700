/**
 * The scorecard thresholds in force: the spec's defaults with app-config's
 * `stockroom.scoring.thresholds.<dimension>` merged over them ("Thresholds
 * are defaults, configurable", dataproduct-spec.md "Scorecard").
 */
import {
  PolicyConfigError,
  type PolicyConfigIssue,
} from '../policy/PolicyConfigError';
import {
  describeValue,
  objectAt,
  type ConfigReport,
} from '../policy/configValues';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';

const KEY = 'stockroom.scoring.thresholds';

/**
 * How one ladder reads. `lowerIsBetter`: a score needs a value at most its
 * bound (breaches, incidents, ratios), so the bounds rise from 5 down to 2;
 * otherwise at least its bound (completeness, checks, consumers), so they
 * fall. The ranges keep each bound a value the dimension can take.
 */
interface LadderRule {
  /** The scores that have a bound, best first. */
  scores: readonly number[];
  lowerIsBetter: boolean;
  min: number;
  max?: number;
  wholeNumbers?: boolean;
  /** What the bound measures, for messages. */
  unit: string;
}

const LADDER = [5, 4, 3, 2] as const;

const RULES: Record<keyof ScoreThresholds, LadderRule> = {
  // A 4 already needs P95 within the promise itself, so a 3 needs at least 1×.
  freshness: {
    scores: [3, 2],
    lowerIsBetter: true,
    min: 1,
    unit: 'multiples of the promised p95',
  },
  reliability: {
    scores: LADDER,
    lowerIsBetter: true,
    min: 0,
    max: 1000,
    unit: 'SLA breaches per 1,000 runs',
  },
  quality: {
    scores: LADDER,
    lowerIsBetter: true,
    min: 0,
    unit: 'multiples of the declared max rate',
  },
  qualityZeroMax: {
    scores: [5, 3],
    lowerIsBetter: true,
    min: 0,
    max: 1,
    unit: 'rates from 0 to 1 (where the declared max is 0)',
  },
  assertions: {
    scores: LADDER,
    lowerIsBetter: true,
    min: 0,
    max: 1,
    unit: 'shares of failed assertions from 0 to 1',
  },
  stability: {
    scores: LADDER,
    lowerIsBetter: true,
    min: 0,
    wholeNumbers: true,
    unit: 'drift incidents this quarter',
  },
  contract: {
    scores: LADDER,
    lowerIsBetter: false,
    min: 0,
    max: 100,
    unit: 'percent complete',
  },
  ownership: {
    scores: LADDER,
    lowerIsBetter: false,
    min: 0,
    max: 4,
    wholeNumbers: true,
    unit: 'ownership checks passed (of 4)',
  },
  reuse: {
    scores: LADDER,
    lowerIsBetter: false,
    min: 0,
    wholeNumbers: true,
    unit: 'consuming entities',
  },
};

const DIMENSIONS = Object.keys(RULES) as Array<keyof ScoreThresholds>;

/**
 * The thresholds in force. Pass the plain value under `stockroom` (e.g.
 * `config.getOptional('stockroom')`), as to `policyFromConfig`; undefined
 * gives {@link DEFAULT_SCORE_THRESHOLDS}. A dimension may set some bounds
 * only, e.g. `reliability: { 2: 200 }`; the others keep their defaults, and
 * the merged ladder must still be monotonic (a lower score never needs a
 * better value than a higher one).
 *
 * @throws PolicyConfigError naming each malformed key and what is allowed.
 * @public
 */
export function thresholdsFromConfig(stockroomConfig: unknown): ScoreThresholds {
  const issues: PolicyConfigIssue[] = [];
  const report: ConfigReport = (key, problem, allowed) =>
    issues.push({ key, message: `${key} ${problem}; ${allowed}` });

  const root = objectAt('stockroom', stockroomConfig, report);
  const scoring = objectAt('stockroom.scoring', root?.scoring, report);
  const configured = objectAt(KEY, scoring?.thresholds, report) ?? {};

  const merged: Record<string, Record<number, number>> = {};
  for (const dimension of DIMENSIONS) {
    merged[dimension] = { ...DEFAULT_SCORE_THRESHOLDS[dimension] };
  }
  for (const [dimension, value] of Object.entries(configured)) {
    const key = `${KEY}.${dimension}`;
    if (!isDimension(dimension)) {
      report(key, 'is not a threshold', `allowed are ${DIMENSIONS.join(', ')}`);
      continue;
    }
    const rule = RULES[dimension];
    const bounds = objectAt(key, value, report) ?? {};
    for (const [score, bound] of Object.entries(bounds)) {
      const boundKey = `${key}.${score}`;
      if (!rule.scores.map(String).includes(score)) {
        report(
          boundKey,
          'is not a score with a bound',
          `allowed scores are ${rule.scores.join(', ')}`,
        );
      } else if (!isAllowedBound(bound, rule)) {
        report(boundKey, describeValue(bound), `allowed are ${range(rule)}`);
      } else {
        merged[dimension][Number(score)] = bound as number;
      }
    }
    checkMonotonic(key, merged[dimension], rule, report);
  }

  if (issues.length > 0) {
    throw new PolicyConfigError(issues);
  }
  return merged as unknown as ScoreThresholds;
}

/**
 * Each score's bound at least as demanding as the next lower score's:
 * checked after merging, since either bound may be a default.
 */
function checkMonotonic(
  key: string,
  ladder: Record<number, number>,
  rule: LadderRule,
  report: ConfigReport,
) {
  for (let i = 1; i < rule.scores.length; i++) {
    const higher = rule.scores[i - 1];
    const lower = rule.scores[i];
    const ordered = rule.lowerIsBetter
      ? ladder[lower] >= ladder[higher]
      : ladder[lower] <= ladder[higher];
    if (!ordered) {
      report(
        `${key}.${lower}`,
        `is ${ladder[lower]}`,
        `it must be ${rule.lowerIsBetter ? 'at least' : 'at most'} the bound for ${higher} (${ladder[higher]}): a lower score cannot need a better value`,
      );
    }
  }
}

function isAllowedBound(value: unknown, rule: LadderRule): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= rule.min &&
    (rule.max === undefined || value <= rule.max) &&
    (!rule.wholeNumbers || Number.isInteger(value))
  );
}

/** "whole numbers from 0 to 4 (ownership checks passed (of 4))". */
function range(rule: LadderRule): string {
  const kind = rule.wholeNumbers ? 'whole numbers' : 'numbers';
  const span =
    rule.max === undefined
      ? `${rule.min} or more`
      : `from ${rule.min} to ${rule.max}`;
  return `${kind} ${span}, in ${rule.unit}`;
}

function isDimension(value: string): value is keyof ScoreThresholds {
  return (DIMENSIONS as string[]).includes(value);
}
