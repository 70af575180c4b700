/**
 * Quality: for each key field its mean null rate against maxNullRate and,
 * for a key field declared `key: primary`, its mean duplicate rate against
 * maxDuplicateRate; the worst check decides. Unknown until key fields, a
 * maximum and measured counts all exist.
 */
import type { SchemaField } from '../kind/types';
import { formatCount, formatRate, plural } from './format';
import { atMost, scoreAtMost } from './ladder';
import { meanDuplicateRate, meanNullRate } from './rates';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';
import type {
  DimensionScore,
  QualityCheck,
  QualityEvidence,
  ScorableContract,
  Score,
} from './types';
import type { RunWindow } from './window';

/**
 * The score of one measured rate against its declared max. Rate ÷ max on
 * the quality ladder; a max of 0 has no ratio, so there a rate of 0 scores 5,
 * a rate within `qualityZeroMax[3]` (0.001) scores 3 and anything else 1.
 *
 * @public
 */
export function scoreQualityRate(
  rate: number,
  max: number,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): Score {
  if (max > 0) {
    return scoreAtMost(rate / max, thresholds.quality);
  }
  if (atMost(rate, thresholds.qualityZeroMax[5])) return 5;
  if (atMost(rate, thresholds.qualityZeroMax[3])) return 3;
  return 1;
}

/** @public */
export function scoreQuality(
  window: RunWindow,
  contract: ScorableContract | undefined,
  thresholds: ScoreThresholds = DEFAULT_SCORE_THRESHOLDS,
): DimensionScore<QualityEvidence> {
  const keyFields = distinct(contract?.quality?.keyFields);
  const maxNullRate = maxOf(contract?.quality?.maxNullRate);
  const maxDuplicateRate = maxOf(contract?.quality?.maxDuplicateRate);
  const primary = primaryKeys(contract?.schema);

  const checks: QualityCheck[] = [];
  for (const field of keyFields) {
    if (maxNullRate !== undefined) {
      checks.push(
        check(
          field,
          'nullRate',
          meanNullRate(window.runs, field),
          maxNullRate,
          thresholds,
        ),
      );
    }
    if (maxDuplicateRate !== undefined && primary.has(field)) {
      checks.push(
        check(
          field,
          'duplicateRate',
          meanDuplicateRate(window.runs, field),
          maxDuplicateRate,
          thresholds,
        ),
      );
    }
  }
  const worst = worstOf(checks);
  const evidence: QualityEvidence = {
    window: { from: window.from, to: window.to },
    runs: window.runs.length,
    keyFields,
    maxNullRate: maxNullRate ?? null,
    maxDuplicateRate: maxDuplicateRate ?? null,
    checks,
    worst: worst ? { field: worst.field, metric: worst.metric } : null,
    thresholds: thresholds.quality,
    zeroMaxThresholds: thresholds.qualityZeroMax,
  };
  const unknown = (summary: string) => ({ score: null, evidence, summary });

  if (keyFields.length === 0) {
    return unknown(
      'No key fields declared to measure: add contract.quality.keyFields',
    );
  }
  if (checks.length === 0) {
    return unknown(
      maxNullRate === undefined && maxDuplicateRate !== undefined
        ? 'No maximum null rate declared (contract.quality.maxNullRate), and no key field is a primary key to check for duplicates'
        : 'No maximum null or duplicate rate declared: add contract.quality.maxNullRate',
    );
  }
  if (!worst) {
    return unknown(
      `No run in the last ${plural(
        window.days,
        'day',
      )} reported null or distinct counts for ${keyFields.join(', ')}`,
    );
  }

  const measured = checks.filter(c => c.score !== null).length;
  const prefix = measured > 1 ? `Worst of ${measured} checks: ` : '';
  const what = worst.metric === 'nullRate' ? 'null rate' : 'duplicate rate';
  const times =
    worst.ratio === null ? '' : ` (${formatCount(worst.ratio)}× the max)`;
  return {
    score: worst.score,
    evidence,
    summary: `${prefix}${worst.field} ${what} ${formatRate(
      worst.rate!,
    )} vs ${formatRate(worst.max)} allowed${times} over ${plural(
      worst.runs,
      'run',
    )}`,
  };
}

function check(
  field: string,
  metric: QualityCheck['metric'],
  measured: { rate?: number; runs: number },
  max: number,
  thresholds: ScoreThresholds,
): QualityCheck {
  const { rate, runs } = measured;
  return {
    field,
    metric,
    rate: rate ?? null,
    max,
    ratio: rate !== undefined && max > 0 ? rate / max : null,
    runs,
    score: rate === undefined ? null : scoreQualityRate(rate, max, thresholds),
  };
}

/** Lowest score; among equals the highest rate relative to its max. */
function worstOf(checks: QualityCheck[]): QualityCheck | undefined {
  let worst: QualityCheck | undefined;
  for (const c of checks) {
    if (c.score === null) continue;
    if (
      !worst ||
      c.score < worst.score! ||
      (c.score === worst.score && severity(c) > severity(worst))
    ) {
      worst = c;
    }
  }
  return worst;
}

function severity(c: QualityCheck): number {
  return c.ratio ?? (c.rate! > 0 ? Infinity : 0);
}

function maxOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : undefined;
}

function distinct(fields: readonly string[] | undefined): string[] {
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f, i) => typeof f === 'string' && f !== '' && fields.indexOf(f) === i,
  );
}

function primaryKeys(schema: readonly SchemaField[] | undefined): Set<string> {
  const keys = new Set<string>();
  for (const field of schema ?? []) {
    if (field?.key === 'primary' && typeof field.name === 'string') {
      keys.add(field.name);
    }
  }
  return keys;
}
