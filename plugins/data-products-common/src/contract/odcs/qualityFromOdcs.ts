import type { QualityExpectations } from '../../kind/types';
import type { MappingFindings } from './findings';
import { isObject, numberOf, shown, textOf, tidy } from './values';

/** Quality rules as written on the schema object (no field) or on one property. */
export interface QualitySite {
  rules: unknown;
  path: string;
  /** The flattened field name, for property-level rules. */
  field?: string;
  /** Whether that field is a key field (primary key or critical data element). */
  keyField?: boolean;
}

const LIMITS = {
  nullValues: 'maxNullRate',
  duplicateValues: 'maxDuplicateRate',
} as const;

type Metric = keyof typeof LIMITS;

interface Bound {
  rate: number;
  path: string;
}

/**
 * ODCS `nullValues` / `duplicateValues` rules with an upper bound →
 * `maxNullRate` / `maxDuplicateRate` (fractions). Stockroom holds one limit
 * per contract and checks it on key fields, so rules on other fields are
 * reported and ignored, and when key fields state different limits the
 * loosest applies (a stricter one would report breaches nobody promised).
 */
export function qualityFromOdcs(
  sites: QualitySite[],
  findings: MappingFindings,
): Pick<QualityExpectations, 'maxNullRate' | 'maxDuplicateRate'> {
  const bounds: Record<Metric, Bound[]> = {
    nullValues: [],
    duplicateValues: [],
  };
  for (const site of sites) {
    if (!Array.isArray(site.rules)) {
      findings.warning(
        site.path,
        `is ${shown(site.rules)}, not a list of quality rules: it is ignored`,
      );
      continue;
    }
    site.rules.forEach((rule, index) => {
      const path = `${site.path}[${index}]`;
      const metric = isObject(rule) ? metricOf(rule) : undefined;
      if (!metric || !isObject(rule)) {
        return; // other checks (rowCount, sql, text) have no Stockroom counterpart
      }
      if (site.field !== undefined && !site.keyField) {
        findings.warning(
          path,
          `(${metric} on ${site.field}) is ignored: Stockroom checks null and duplicate limits on key fields only — mark ${site.field} \`criticalDataElement: true\` to make it one`,
        );
        return;
      }
      const rate = rateOf(rule, path, metric, findings);
      if (rate !== undefined) {
        bounds[metric].push({ rate, path });
      }
    });
  }
  return {
    maxNullRate: loosest(bounds.nullValues, findings),
    maxDuplicateRate: loosest(bounds.duplicateValues, findings),
  };
}

function metricOf(rule: Record<string, unknown>): Metric | undefined {
  // `rule` is the pre-3.1 name of `metric`.
  const metric = textOf(rule.metric) ?? textOf(rule.rule);
  return metric === 'nullValues' || metric === 'duplicateValues'
    ? metric
    : undefined;
}

/**
 * The rule's bound as a fraction. Percent is divided by 100. A row count
 * cannot become a rate without the table's size, except a bound that allows
 * no row at all (`mustBe: 0`, `mustBeLessThan: 1`), which is 0 in any unit.
 */
function rateOf(
  rule: Record<string, unknown>,
  path: string,
  metric: Metric,
  findings: MappingFindings,
): number | undefined {
  const operator = (
    ['mustBeLessOrEqualTo', 'mustBeLessThan', 'mustBe'] as const
  ).find(name => rule[name] !== undefined);
  if (!operator) {
    findings.warning(
      path,
      `(${metric}) has no upper bound: Stockroom reads \`mustBeLessThan\` or \`mustBeLessOrEqualTo\` (or \`mustBe: 0\`) — the rule is ignored`,
    );
    return undefined;
  }
  const value = numberOf(rule[operator]);
  if (value === undefined || value < 0) {
    findings.warning(
      `${path}.${operator}`,
      `is ${shown(
        rule[operator],
      )}, not a non-negative number: the ${metric} rule is ignored`,
    );
    return undefined;
  }
  if (operator === 'mustBe' && value !== 0) {
    findings.warning(
      `${path}.mustBe`,
      `${value} is an exact count, not a maximum: the ${metric} rule is ignored — write \`mustBeLessOrEqualTo: ${value}\` with \`unit: percent\``,
    );
    return undefined;
  }
  const unit = (textOf(rule.unit) ?? 'rows').toLowerCase();
  if (unit === 'percent' || unit === '%') {
    if (value > 100) {
      findings.warning(
        `${path}.${operator}`,
        `${value} is above 100 percent: the ${metric} rule is ignored`,
      );
      return undefined;
    }
    return tidy(value / 100);
  }
  if (unit !== 'rows') {
    findings.warning(
      `${path}.unit`,
      `\`${unit}\` is not a unit Stockroom reads (percent or rows): the ${metric} rule is ignored`,
    );
    return undefined;
  }
  if (value === 0 || (operator === 'mustBeLessThan' && value <= 1)) {
    return 0;
  }
  findings.warning(
    path,
    `(${metric}) counts rows: Stockroom limits are rates of the table, so the rule is ignored — write the bound with \`unit: percent\``,
  );
  return undefined;
}

function loosest(
  bounds: Bound[],
  findings: MappingFindings,
): number | undefined {
  if (bounds.length === 0) {
    return undefined;
  }
  const rate = Math.max(...bounds.map(bound => bound.rate));
  for (const bound of bounds) {
    if (bound.rate < rate) {
      findings.warning(
        bound.path,
        `(${bound.rate}) is stricter than another rule's limit: Stockroom keeps one limit per contract, the loosest (${rate}), so this one is not enforced on its own`,
      );
    }
  }
  return rate;
}
