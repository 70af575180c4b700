import type { ScoreDimension } from '@stockroom/plugin-data-products-common';
import type { DataProductScorecard } from '../../api';
import {
  formatCount,
  formatDate,
  formatLag,
  formatPercent,
  formatRate,
  num,
  plural,
} from '../shared/format';

/** One measured number behind a score, labelled for a consumer. */
export interface EvidenceFact {
  label: string;
  value: string;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
  return typeof value === 'object' && value !== null ? (value as Obj) : {};
}

function windowText(window: unknown): string | undefined {
  const { from, to } = obj(window);
  if (typeof from !== 'string' || typeof to !== 'string' || !from || !to) {
    return undefined;
  }
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** "41 min vs 30 min promised", "not measured", "none promised". */
function lagVsPromise(measured: unknown, promised: unknown): string {
  const lag = num(measured);
  const promise = num(promised);
  const lagText = lag === undefined ? 'not measured' : formatLag(lag);
  if (promise === undefined) return `${lagText}; none promised`;
  return `${lagText} vs ${formatLag(promise)} promised`;
}

function freshness(e: Obj, card: DataProductScorecard): EvidenceFact[] {
  const facts: EvidenceFact[] = [];
  const window = windowText(e.window) ?? windowText(card.window);
  if (window) facts.push({ label: 'Window', value: window });
  const runs = num(e.runs);
  if (runs !== undefined) {
    const parts = [plural(runs, 'run')];
    const successful = num(e.successfulRuns);
    const measured = num(e.measuredRuns);
    if (successful !== undefined)
      parts.push(`${formatCount(successful)} successful`);
    if (measured !== undefined) {
      parts.push(`${formatCount(measured)} with a measurable lag`);
    }
    facts.push({ label: 'Runs', value: parts.join(', ') });
  }
  facts.push({
    label: 'P95 lag',
    value: lagVsPromise(e.p95LagMs, e.promisedP95Ms),
  });
  facts.push({
    label: 'P99 lag',
    value: lagVsPromise(e.p99LagMs, e.promisedP99Ms),
  });
  return facts;
}

function reliability(e: Obj, card: DataProductScorecard): EvidenceFact[] {
  const facts: EvidenceFact[] = [];
  const window = windowText(e.window) ?? windowText(card.window);
  if (window) facts.push({ label: 'Window', value: window });
  const per1000 = num(e.breachesPer1000);
  facts.push({
    label: 'Breaches per 1,000 runs',
    value: per1000 === undefined ? 'no runs to count' : formatCount(per1000),
  });
  const runs = num(e.runs);
  const breaches = num(e.breaches);
  if (runs !== undefined && breaches !== undefined) {
    const failed = num(e.failedRuns) ?? 0;
    const late = num(e.lateRuns) ?? 0;
    facts.push({
      label: 'Breaches',
      value: `${formatCount(breaches)} of ${plural(runs, 'run')}: ${formatCount(
        failed,
      )} failed, ${formatCount(late)} late`,
    });
  }
  const sla = num(e.slaMs);
  const percentile = typeof e.slaPercentile === 'string' ? e.slaPercentile : '';
  facts.push({
    label: 'Late means',
    value:
      sla === undefined
        ? 'no freshness SLA promised, so only failures count'
        : `lag over the ${formatLag(sla)} ${percentile.toUpperCase()} SLA`,
  });
  return facts;
}

function qualityCheck(check: Obj): string | undefined {
  const field = typeof check.field === 'string' ? check.field : undefined;
  if (!field) return undefined;
  const what =
    check.metric === 'duplicateRate' ? 'duplicate rate' : 'null rate';
  const rate = num(check.rate);
  const max = num(check.max);
  const ratio = num(check.ratio);
  const runs = num(check.runs);
  const measured = rate === undefined ? 'not reported' : formatRate(rate);
  const limit = max === undefined ? '' : ` vs ${formatRate(max)} max`;
  const times = ratio === undefined ? '' : ` (${formatCount(ratio)}×)`;
  const over =
    runs === undefined || rate === undefined
      ? ''
      : ` over ${plural(runs, 'run')}`;
  return `${field} ${what} ${measured}${limit}${times}${over}`;
}

function quality(e: Obj): EvidenceFact[] {
  const facts: EvidenceFact[] = [];
  const checks = Array.isArray(e.checks) ? e.checks.map(obj) : [];
  const worst = obj(e.worst);
  const worstCheck = checks.find(
    c => c.field === worst.field && c.metric === worst.metric,
  );
  if (worstCheck) {
    facts.push({ label: 'Worst', value: qualityCheck(worstCheck) ?? '' });
  }
  const keyFields = Array.isArray(e.keyFields)
    ? e.keyFields.filter((f): f is string => typeof f === 'string')
    : [];
  facts.push({
    label: 'Key fields',
    value: keyFields.length ? keyFields.join(', ') : 'none declared',
  });
  const maxNull = num(e.maxNullRate);
  const maxDuplicate = num(e.maxDuplicateRate);
  facts.push({
    label: 'Max null rate',
    value: maxNull === undefined ? 'not declared' : formatRate(maxNull),
  });
  facts.push({
    label: 'Max duplicate rate',
    value:
      maxDuplicate === undefined ? 'not declared' : formatRate(maxDuplicate),
  });
  for (const check of checks) {
    if (check === worstCheck) continue;
    const text = qualityCheck(check);
    if (text) facts.push({ label: 'Check', value: text });
  }
  return facts;
}

function stability(e: Obj): EvidenceFact[] {
  const quarter = obj(e.quarter);
  const label = typeof quarter.label === 'string' ? quarter.label : undefined;
  const incidents = num(e.incidents);
  const facts: EvidenceFact[] = [];
  if (incidents !== undefined) {
    facts.push({
      label: 'Incidents this quarter',
      value: `${formatCount(incidents)}${label ? ` (${label})` : ''}`,
    });
  }
  if (typeof e.hasEvidence === 'boolean') {
    facts.push({
      label: 'Drift can be judged',
      value: e.hasEvidence
        ? 'yes: a schema was observed or a contract change recorded'
        : 'not yet: no observed schema and no recorded contract change',
    });
  }
  return facts;
}

const SLA_PART: Record<string, string> = {
  '1': 'P95 and P99 declared',
  '0.5': 'only one of P95 and P99 declared',
  '0': 'not declared',
};
const ESCALATION_PART: Record<string, string> = {
  '1': 'channel and on-call declared',
  '0.5': 'only one of channel and on-call declared',
  '0': 'not declared',
};

function contract(e: Obj): EvidenceFact[] {
  const facts: EvidenceFact[] = [];
  const percent = num(e.percent);
  if (percent !== undefined) {
    facts.push({ label: 'Completeness', value: formatPercent(percent) });
  }
  const fields = num(e.fields);
  const described = num(e.describedFields);
  if (fields !== undefined && described !== undefined) {
    facts.push({
      label: 'Fields described',
      value:
        fields === 0
          ? 'no schema declared'
          : `${formatCount(described)} of ${formatCount(fields)}`,
    });
  }
  const parts = obj(e.parts);
  const part = (value: unknown, words: Record<string, string>) => {
    const n = num(value);
    return n === undefined ? undefined : words[String(n)] ?? String(n);
  };
  const sla = part(parts.sla, SLA_PART);
  if (sla) facts.push({ label: 'Freshness SLA', value: sla });
  const escalation = part(parts.escalation, ESCALATION_PART);
  if (escalation) facts.push({ label: 'Escalation', value: escalation });
  const declared = { '1': 'declared', '0': 'not declared' };
  const lineage = part(parts.lineage, declared);
  if (lineage) facts.push({ label: 'Lineage upstreams', value: lineage });
  const patterns = part(parts.accessPatterns, declared);
  if (patterns) facts.push({ label: 'Access patterns', value: patterns });
  return facts;
}

const OWNERSHIP_CHECKS: Array<[string, string]> = [
  ['ownerIsGroup', 'Owner is a Group in the catalog'],
  ['groupHasMembers', 'Owner group has members'],
  ['escalationChannel', 'Escalation channel set'],
  ['onCall', 'On-call set'],
];

function ownership(e: Obj): EvidenceFact[] {
  const facts: EvidenceFact[] = [];
  const passed = num(e.passed);
  if (passed !== undefined) {
    facts.push({
      label: 'Checks passed',
      value: `${formatCount(passed)} of 4`,
    });
  }
  const checks = obj(e.checks);
  for (const [key, label] of OWNERSHIP_CHECKS) {
    if (typeof checks[key] === 'boolean') {
      facts.push({ label, value: checks[key] ? 'yes' : 'no' });
    }
  }
  return facts;
}

function reuse(e: Obj): EvidenceFact[] {
  const consumers = num(e.consumers);
  return consumers === undefined
    ? []
    : [
        {
          label: 'Consumers',
          value: `${plural(
            consumers,
            'catalog entity',
            'catalog entities',
          )} depending on it`,
        },
      ];
}

/**
 * The key numbers behind a dimension's score, read from the evidence the
 * backend stored with it. Nothing here scores: a missing number is left out
 * or said to be missing.
 */
export function evidenceFacts(
  dimension: ScoreDimension,
  scorecard: DataProductScorecard,
): EvidenceFact[] {
  const stored = scorecard.dimensions[dimension]?.evidence;
  if (!stored) return [];
  const evidence = obj(stored);
  switch (dimension) {
    case 'freshness':
      return freshness(evidence, scorecard);
    case 'reliability':
      return reliability(evidence, scorecard);
    case 'quality':
      return quality(evidence);
    case 'stability':
      return stability(evidence);
    case 'contract':
      return contract(evidence);
    case 'ownership':
      return ownership(evidence);
    case 'reuse':
      return reuse(evidence);
    default:
      return [];
  }
}
