import {
  DEFAULT_SCORE_THRESHOLDS,
  SCORE_DIMENSIONS,
  type ScoreDimension,
  type ScoreLadder,
} from '@stockroom/plugin-data-products-common';
import type { DataProductScorecard } from '../../api';
import { formatCount, formatRate, num } from './format';

/** The dimensions in the order the spec lists them. */
export const DIMENSIONS: readonly ScoreDimension[] = SCORE_DIMENSIONS;

/** How each dimension reads to a consumer. */
export const DIMENSION_INFO: Record<
  ScoreDimension,
  {
    label: string;
    /** What it measures, in one line. */
    measures: string;
    /** What it takes for the dimension to be known. */
    needs: string;
  }
> = {
  freshness: {
    label: 'Freshness',
    measures: 'How old the data is when a run delivers it, against the SLA',
    needs:
      'It needs a freshness promise (contract.freshness.p95) and successful runs with a measurable lag in the scoring window.',
  },
  reliability: {
    label: 'Reliability',
    measures: 'SLA breaches (failed or late runs) per 1,000 runs',
    needs: 'It needs runs reported in the scoring window.',
  },
  quality: {
    label: 'Quality',
    measures: 'Null and duplicate rates of the key fields against their max',
    needs:
      'It needs contract.quality.keyFields with a maxNullRate (and a maxDuplicateRate for primary keys), and runs that report null and distinct counts for those fields.',
  },
  stability: {
    label: 'Stability',
    measures: 'Schema drift incidents this quarter',
    needs:
      'It needs an observed schema (runs that report their schema) or a recorded contract change.',
  },
  contract: {
    label: 'Contract',
    measures:
      'Completeness: field semantics, SLA, escalation, lineage, access patterns',
    needs:
      'It is always known from the catalog; the backend sent no score for it.',
  },
  ownership: {
    label: 'Ownership',
    measures: 'Owner group with members, escalation channel, on-call',
    needs:
      'It is always known from the catalog; the backend sent no score for it.',
  },
  reuse: {
    label: 'Reuse',
    measures: 'Distinct catalog entities that depend on it',
    needs:
      'It is always known from the catalog; the backend sent no score for it.',
  },
};

/** One row of the "How is this scored?" table: what earns 5, 4, 3, 2, 1. */
export interface ThresholdRow {
  dimension: ScoreDimension;
  label: string;
  /** Bounds for 5, 4, 3, 2, 1 in that order. */
  bounds: [string, string, string, string, string];
}

function ladder(value: unknown, fallback: ScoreLadder): ScoreLadder {
  if (typeof value !== 'object' || value === null) return fallback;
  const l = value as Record<string, unknown>;
  const five = num(l[5]);
  const four = num(l[4]);
  const three = num(l[3]);
  const two = num(l[2]);
  return five === undefined ||
    four === undefined ||
    three === undefined ||
    two === undefined
    ? fallback
    : { 5: five, 4: four, 3: three, 2: two };
}

/** Whole-number counts where fewer is better: `0`, `1`, `2`, `3–4`, `≥ 5`. */
function fewerIsBetter(l: ScoreLadder): ThresholdRow['bounds'] {
  const band = (low: number, high: number) =>
    low === high
      ? formatCount(high)
      : `${formatCount(low)}–${formatCount(high)}`;
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
  const band = (low: number, high: number) =>
    low === high
      ? formatCount(low)
      : `${formatCount(low)}–${formatCount(high)}`;
  return [
    top ?? `≥ ${formatCount(l[5])}`,
    band(l[4], l[5] - 1),
    band(l[3], l[4] - 1),
    band(l[2], l[3] - 1),
    l[2] - 1 === 0 ? '0' : `≤ ${formatCount(l[2] - 1)}`,
  ];
}

/**
 * The spec's threshold table, with the bounds the backend scored with: each
 * dimension's evidence carries its thresholds; the spec's defaults stand in
 * where a scorecard did not say (or there is none).
 */
export function thresholdRows(
  scorecard: DataProductScorecard | undefined,
): ThresholdRow[] {
  const d = scorecard?.dimensions;
  const defaults = DEFAULT_SCORE_THRESHOLDS;
  const freshness = d?.freshness.evidence?.thresholds as unknown;
  const f3 =
    num((freshness as Record<string, unknown> | undefined)?.[3]) ??
    defaults.freshness[3];
  const f2 =
    num((freshness as Record<string, unknown> | undefined)?.[2]) ??
    defaults.freshness[2];
  const reliability = ladder(
    d?.reliability.evidence?.thresholds,
    defaults.reliability,
  );
  const quality = ladder(d?.quality.evidence?.thresholds, defaults.quality);
  const contract = ladder(d?.contract.evidence?.thresholds, defaults.contract);
  const ownership = ladder(
    d?.ownership.evidence?.thresholds,
    defaults.ownership,
  );

  return [
    {
      dimension: 'freshness',
      label: 'Freshness (lag vs SLA)',
      bounds: [
        'P95 ≤ p95 and P99 ≤ p99',
        'P95 ≤ p95',
        `P95 ≤ ${formatCount(f3)}×p95`,
        `P95 ≤ ${formatCount(f2)}×p95`,
        'worse',
      ],
    },
    {
      dimension: 'reliability',
      label: 'Reliability (breaches per 1,000 runs)',
      bounds: [
        `≤ ${formatCount(reliability[5])}`,
        `≤ ${formatCount(reliability[4])}`,
        `≤ ${formatCount(reliability[3])}`,
        `≤ ${formatCount(reliability[2])}`,
        `> ${formatCount(reliability[2])}`,
      ],
    },
    {
      dimension: 'quality',
      label: 'Quality (worst key-field null or duplicate rate vs its max)',
      bounds: [
        `≤ ${formatCount(quality[5])}× max`,
        `≤ ${formatCount(quality[4])}×`,
        `≤ ${formatCount(quality[3])}×`,
        `≤ ${formatCount(quality[2])}×`,
        'worse',
      ],
    },
    {
      dimension: 'stability',
      label: 'Stability (drift incidents this quarter)',
      bounds: fewerIsBetter(
        ladder(d?.stability.evidence?.thresholds, defaults.stability),
      ),
    },
    {
      dimension: 'contract',
      label:
        'Contract (completeness: field semantics, SLA, escalation, lineage, access patterns)',
      bounds: [
        contract[5] >= 100 ? '100%' : `≥ ${formatCount(contract[5])}%`,
        `≥ ${formatCount(contract[4])}%`,
        `≥ ${formatCount(contract[3])}%`,
        `≥ ${formatCount(contract[2])}%`,
        `< ${formatCount(contract[2])}%`,
      ],
    },
    {
      dimension: 'ownership',
      label:
        'Ownership (owner Group exists and has members, escalation channel, on-call)',
      bounds: moreIsBetter(ownership, ownership[5] === 4 ? 'all 4' : undefined),
    },
    {
      dimension: 'reuse',
      label: 'Reuse (distinct consuming entities)',
      bounds: moreIsBetter(
        ladder(d?.reuse.evidence?.thresholds, defaults.reuse),
      ),
    },
  ];
}

/** "Where the max is 0: a rate of 0 scores 5, ≤ 0.1% scores 3, else 1." */
export function zeroMaxRule(
  scorecard: DataProductScorecard | undefined,
): string {
  const given = scorecard?.dimensions.quality.evidence?.zeroMaxThresholds as
    | Record<string, unknown>
    | undefined;
  const five = num(given?.[5]) ?? DEFAULT_SCORE_THRESHOLDS.qualityZeroMax[5];
  const three = num(given?.[3]) ?? DEFAULT_SCORE_THRESHOLDS.qualityZeroMax[3];
  const fiveText = five === 0 ? 'a rate of 0' : `a rate ≤ ${formatRate(five)}`;
  return `Where the declared max is 0 there is no ratio: ${fiveText} scores 5, a rate ≤ ${formatRate(
    three,
  )} scores 3, anything else 1.`;
}
