/**
 * Quality: for each key field its mean null rate against maxNullRate and,
 * for a key field declared `key: primary`, its mean duplicate rate against
 * maxDuplicateRate; the worst check decides. The counts come from the
 * product's runs and from quality checks by other jobs (Great Expectations,
 * dbt tests, Soda report on the datasets they read). Assertions those tools
 * report score too: the share that failed over the window's key-field
 * assertions (all assertions when no key field is named), and the quality
 * score is the worse of the two (standards.md "quality checks on inputs").
 * Unknown when neither can be measured.
 */
import type { SchemaField } from '../kind/types';
import { formatCount, formatRate, plural } from './format';
import { atMost, scoreAtMost } from './ladder';
import {
  addDuplicateRate,
  addNullRate,
  meanOf,
  type MeanRate,
  type RateSum,
} from './rates';
import { DEFAULT_SCORE_THRESHOLDS, type ScoreThresholds } from './thresholds';
import { timestampMs } from './runs';
import type {
  AssertionEvidence,
  DimensionScore,
  QualityCheck,
  QualityEvidence,
  QualityObservation,
  ScorableContract,
  Score,
} from './types';
import type { RunWindow } from './window';

/** The failed assertions named in evidence. */
const MAX_FAILURES_SHOWN = 10;

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
  observations: readonly QualityObservation[] = [],
): DimensionScore<QualityEvidence> {
  const keyFields = distinct(contract?.quality?.keyFields);
  const maxNullRate = maxOf(contract?.quality?.maxNullRate);
  const maxDuplicateRate = maxOf(contract?.quality?.maxDuplicateRate);
  const primary = primaryKeys(contract?.schema);
  const observed = inWindow(observations, window);

  const checks: QualityCheck[] = [];
  for (const field of keyFields) {
    if (maxNullRate !== undefined) {
      checks.push(
        check(
          field,
          'nullRate',
          meanRateOf(window, observed, field, 'nullRate'),
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
          meanRateOf(window, observed, field, 'duplicateRate'),
          maxDuplicateRate,
          thresholds,
        ),
      );
    }
  }
  const worst = worstOf(checks);
  const assertions = assertionEvidence(observed, keyFields, thresholds);
  const evidence: QualityEvidence = {
    window: { from: window.from, to: window.to },
    runs: window.runCount,
    keyFields,
    maxNullRate: maxNullRate ?? null,
    maxDuplicateRate: maxDuplicateRate ?? null,
    checks,
    worst: worst ? { field: worst.field, metric: worst.metric } : null,
    thresholds: thresholds.quality,
    zeroMaxThresholds: thresholds.qualityZeroMax,
    observations: observed.length,
    sources: sourcesOf(window, observed),
    assertions,
    latest: worst ? latestCheck(observed, worst) : null,
  };
  const unknown = (summary: string) => ({ score: null, evidence, summary });

  const metricsSummary = worst ? summarizeWorst(worst, checks) : undefined;
  const assertionsSummary = assertions
    ? `${plural(assertions.failed, 'failed assertion')} of ${
        assertions.total
      } (${formatRate(assertions.failureRate)})${
        assertions.failures[0]
          ? `, latest: ${assertions.failures[0].source}: ${
              assertions.failures[0].assertion
            }${
              assertions.failures[0].column
                ? ` on ${assertions.failures[0].column}`
                : ''
            }`
          : ''
      }`
    : undefined;

  if (worst && assertions) {
    const byMetrics = worst.score! <= assertions.score;
    return {
      score: Math.min(worst.score!, assertions.score) as Score,
      evidence,
      summary: byMetrics
        ? `${metricsSummary}; assertions: ${assertionsSummary}`
        : `Assertions: ${assertionsSummary}; ${metricsSummary}`,
    };
  }
  if (assertions) {
    return {
      score: assertions.score,
      evidence,
      summary: `Assertions: ${assertionsSummary}`,
    };
  }
  if (worst) {
    const latest = evidence.latest ? ` (latest: ${evidence.latest})` : '';
    return {
      score: worst.score,
      evidence,
      summary: `${metricsSummary}${latest}`,
    };
  }
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
  return unknown(
    `No run or check in the last ${plural(
      window.days,
      'day',
    )} reported null or distinct counts for ${keyFields.join(', ')}`,
  );
}

function summarizeWorst(worst: QualityCheck, checks: QualityCheck[]): string {
  const measured = checks.filter(c => c.score !== null).length;
  const prefix = measured > 1 ? `Worst of ${measured} checks: ` : '';
  const what = worst.metric === 'nullRate' ? 'null rate' : 'duplicate rate';
  const times =
    worst.ratio === null ? '' : ` (${formatCount(worst.ratio)}× the max)`;
  return `${prefix}${worst.field} ${what} ${formatRate(
    worst.rate!,
  )} vs ${formatRate(worst.max)} allowed${times} over ${plural(
    worst.runs,
    'run',
  )}`;
}

/**
 * The mean rate of `field` over the counts measured by the product's runs
 * and by other jobs' checks alike: the runs' sums, then each check's rate
 * added in time order.
 */
function meanRateOf(
  window: RunWindow,
  observed: readonly QualityObservation[],
  field: string,
  metric: QualityCheck['metric'],
): MeanRate {
  const fromRuns = window.columnRates.get(field)?.[metric];
  const total: RateSum = { sum: fromRuns?.sum ?? 0, runs: fromRuns?.runs ?? 0 };
  const add = metric === 'nullRate' ? addNullRate : addDuplicateRate;
  for (const o of observed) add(total, o, field);
  return meanOf(total);
}

function inWindow(
  observations: readonly QualityObservation[],
  window: RunWindow,
): QualityObservation[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  return observations
    .filter(o => {
      const at = timestampMs(o.observedAt);
      return at >= from && at <= to;
    })
    .sort((a, b) => timestampMs(a.observedAt) - timestampMs(b.observedAt));
}

function sourcesOf(
  window: RunWindow,
  observed: readonly QualityObservation[],
): string[] {
  const sources: string[] = [];
  if (window.runsReportColumns) sources.push('runs');
  for (const o of observed) {
    if (!sources.includes(o.source)) sources.push(o.source);
  }
  return sources;
}

/** "Great Expectations: 2 of 10 rows null in counterparty_id". */
function latestCheck(
  observed: readonly QualityObservation[],
  worst: QualityCheck,
): string | null {
  for (let i = observed.length - 1; i >= 0; i--) {
    const o = observed[i];
    const counts = o.columns?.[worst.field];
    const rows = o.rowCount;
    if (!counts || typeof rows !== 'number') continue;
    if (worst.metric === 'nullRate' && typeof counts.nullCount === 'number') {
      return `${o.source}: ${counts.nullCount} of ${plural(
        rows,
        'row',
      )} null in ${worst.field}`;
    }
    if (
      worst.metric === 'duplicateRate' &&
      typeof counts.distinctCount === 'number'
    ) {
      return `${o.source}: ${counts.distinctCount} distinct of ${plural(
        rows,
        'row',
      )} in ${worst.field}`;
    }
  }
  return null;
}

function assertionEvidence(
  observed: readonly QualityObservation[],
  keyFields: string[],
  thresholds: ScoreThresholds,
): AssertionEvidence | null {
  let total = 0;
  let failed = 0;
  const failures: AssertionEvidence['failures'] = [];
  for (let i = observed.length - 1; i >= 0; i--) {
    const o = observed[i];
    for (const a of o.assertions ?? []) {
      if (keyFields.length > 0 && !(a.column && keyFields.includes(a.column))) {
        continue;
      }
      total++;
      if (a.success) continue;
      failed++;
      if (failures.length < MAX_FAILURES_SHOWN) {
        failures.push({
          source: o.source,
          assertion: a.assertion,
          column: a.column ?? null,
        });
      }
    }
  }
  if (total === 0) return null;
  const failureRate = failed / total;
  const ladder = thresholds.assertions ?? DEFAULT_SCORE_THRESHOLDS.assertions;
  return {
    total,
    failed,
    failureRate,
    score: scoreAtMost(failureRate, ladder),
    failures,
    thresholds: ladder,
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
