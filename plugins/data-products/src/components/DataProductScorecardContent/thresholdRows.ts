import {
  DEFAULT_SCORE_THRESHOLDS,
  type ScoreDimension,
  type ScoreLadder,
  type ScoreThresholds,
} from '@stockroom/plugin-data-products-common';
import type { DataProductScorecard } from '../../api';
import { formatCount, formatRate } from '../shared/format';

/** One row of the "How is this scored?" table: what earns 5, 4, 3, 2, 1. */
export interface ThresholdRow {
  dimension: ScoreDimension;
  label: string;
  /** Bounds for 5, 4, 3, 2, 1 in that order; `—` where no value earns the score. */
  bounds: [string, string, string, string, string];
}

/**
 * The thresholds the backend scores with, as its scorecard answer states
 * them (the spec's defaults, or app-config's `stockroom.scoring.thresholds`);
 * the spec's defaults only while there is no answer.
 */
function thresholdsOf(
  scorecard: DataProductScorecard | undefined,
): ScoreThresholds {
  return (
    (scorecard?.thresholds as ScoreThresholds | undefined) ??
    DEFAULT_SCORE_THRESHOLDS
  );
}

/** A band of whole numbers, `3–4`; `—` when the ladder leaves it empty. */
function band(low: number, high: number): string {
  if (low > high) return '—';
  return low === high
    ? formatCount(low)
    : `${formatCount(low)}–${formatCount(high)}`;
}

/** Whole-number counts where fewer is better: `0`, `1`, `2`, `3–4`, `≥ 5`. */
function fewerIsBetter(l: ScoreLadder): ThresholdRow['bounds'] {
  return [
    l[5] === 0 ? '0' : `≤ ${formatCount(l[5])}`,
    band(l[5] + 1, l[4]),
    band(l[4] + 1, l[3]),
    band(l[3] + 1, l[2]),
    `≥ ${formatCount(l[2] + 1)}`,
  ];
}

/** Whole-number counts where more is better: `≥ 5`, `4`, `3`, `2`, `≤ 1`. */
function moreIsBetter(l: ScoreLadder, top?: string): ThresholdRow['bounds'] {
  return [
    top ?? `≥ ${formatCount(l[5])}`,
    band(l[4], l[5] - 1),
    band(l[3], l[4] - 1),
    band(l[2], l[3] - 1),
    below(l[2]),
  ];
}

/** The counts below `bound` (which score 1): `≤ 1`, `0`, or `—` when none. */
function below(bound: number): string {
  if (bound <= 0) return '—';
  return bound === 1 ? '0' : `≤ ${formatCount(bound - 1)}`;
}

/** The spec's threshold table with the bounds the backend scores with. */
export function thresholdRows(
  scorecard: DataProductScorecard | undefined,
): ThresholdRow[] {
  const t = thresholdsOf(scorecard);
  return [
    {
      dimension: 'freshness',
      label: 'Freshness (lag vs SLA)',
      bounds: [
        'P95 ≤ p95 and P99 ≤ p99',
        'P95 ≤ p95',
        `P95 ≤ ${formatCount(t.freshness[3])}×p95`,
        `P95 ≤ ${formatCount(t.freshness[2])}×p95`,
        'worse',
      ],
    },
    {
      dimension: 'reliability',
      label: 'Reliability (breaches per 1,000 runs)',
      bounds: [
        `≤ ${formatCount(t.reliability[5])}`,
        `≤ ${formatCount(t.reliability[4])}`,
        `≤ ${formatCount(t.reliability[3])}`,
        `≤ ${formatCount(t.reliability[2])}`,
        `> ${formatCount(t.reliability[2])}`,
      ],
    },
    {
      dimension: 'quality',
      label: 'Quality (worst key-field null or duplicate rate vs its max)',
      bounds: [
        `≤ ${formatCount(t.quality[5])}× max`,
        `≤ ${formatCount(t.quality[4])}×`,
        `≤ ${formatCount(t.quality[3])}×`,
        `≤ ${formatCount(t.quality[2])}×`,
        'worse',
      ],
    },
    {
      dimension: 'stability',
      label: 'Stability (drift incidents this quarter)',
      bounds: fewerIsBetter(t.stability),
    },
    {
      dimension: 'contract',
      label:
        'Contract (completeness: field semantics, SLA, escalation, lineage, access patterns)',
      bounds: [
        t.contract[5] >= 100 ? '100%' : `≥ ${formatCount(t.contract[5])}%`,
        `≥ ${formatCount(t.contract[4])}%`,
        `≥ ${formatCount(t.contract[3])}%`,
        `≥ ${formatCount(t.contract[2])}%`,
        `< ${formatCount(t.contract[2])}%`,
      ],
    },
    {
      dimension: 'ownership',
      label:
        'Ownership (owner Group exists and has members, escalation channel, on-call)',
      bounds: moreIsBetter(
        t.ownership,
        t.ownership[5] === 4 ? 'all 4' : undefined,
      ),
    },
    {
      dimension: 'reuse',
      label: 'Reuse (distinct consuming entities)',
      bounds: moreIsBetter(t.reuse),
    },
  ];
}

/** "Where the max is 0: a rate of 0 scores 5, ≤ 0.1% scores 3, else 1." */
export function zeroMaxRule(
  scorecard: DataProductScorecard | undefined,
): string {
  const { 5: five, 3: three } = thresholdsOf(scorecard).qualityZeroMax;
  const fiveText = five === 0 ? 'a rate of 0' : `a rate ≤ ${formatRate(five)}`;
  return `Where the declared max is 0 there is no ratio: ${fiveText} scores 5, a rate ≤ ${formatRate(
    three,
  )} scores 3, anything else 1.`;
}
