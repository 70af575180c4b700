import { parseDuration } from '../../kind/duration';
import type { FreshnessSla, FreshnessTier } from '../../kind/types';
import { AVAILABILITY_PATTERN } from '../../kind/patterns';
import { isCalendarDate } from '../../kind/calendarDate';
import type { MappingFindings } from './findings';
import { DURATION_UNITS_HELP, durationText } from './units';
import {
  compact,
  isObject,
  Json,
  numberOf,
  shown,
  textOf,
  tidy,
} from './values';

/** What `slaProperties` give the contract. */
export interface MappedSla {
  freshness?: FreshnessSla;
  availability?: string;
  sunsetOn?: string;
}

const AVAILABILITY = new RegExp(AVAILABILITY_PATTERN);
const FIVE_MINUTES = 5 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;

// Lower-cased ODCS property → what it feeds. ODCS has no percentile field:
// `latency` is a maximum, the closest to P99; `latencyP95` is Stockroom's
// extension property for the P95 promise.
type Target =
  | 'p99'
  | 'p95'
  | 'frequency'
  | 'availability'
  | 'endOfSupport'
  | 'endOfLife';
const PROPERTIES: Record<string, Target> = {
  latency: 'p99',
  latencyp95: 'p95',
  frequency: 'frequency',
  availability: 'availability',
  endofsupport: 'endOfSupport',
  endoflife: 'endOfLife',
};

type Reader = (
  item: Json,
  path: string,
  findings: MappingFindings,
) => string | undefined;

const READERS: Record<Target, Reader> = {
  p99: duration,
  p95: duration,
  frequency: (item, path, findings) => {
    const text = duration(item, path, findings);
    return text === undefined ? undefined : tierOf(parseDuration(text)!);
  },
  availability,
  endOfSupport: date,
  endOfLife: date,
};

/**
 * `slaProperties` → freshness p99 (`latency`), p95 (`latencyP95`), tier
 * (`frequency`: under 5 min streaming, up to 1 h micro-batch, else daily),
 * availability and the sunset date (`endOfSupport`, else `endOfLife`).
 * Properties Stockroom does not model (retention, throughput, …) are valid
 * ODCS and pass silently; a property it maps but cannot read is reported.
 */
export function slaFromOdcs(
  sla: unknown,
  path: string,
  findings: MappingFindings,
  otherObjects: ReadonlySet<string> = new Set(),
): MappedSla {
  if (sla === undefined || sla === null) {
    return {};
  }
  if (!Array.isArray(sla)) {
    findings.warning(
      path,
      `is ${shown(
        sla,
      )}, not a list of SLA properties: freshness and availability are not mapped from it`,
    );
    return {};
  }
  const seen: Partial<Record<Target, string>> = {};
  const values: Partial<Record<Target, string>> = {};
  sla.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isObject(item)) {
      findings.warning(
        at,
        `is ${shown(item)}, not an SLA property: it is ignored`,
      );
      return;
    }
    const property = textOf(item.property);
    const target = property ? PROPERTIES[property.toLowerCase()] : undefined;
    if (!target || aboutOtherObjects(item.element, otherObjects)) {
      return;
    }
    if (seen[target] !== undefined) {
      findings.warning(
        at,
        `repeats \`${property}\` (first given at ${seen[target]}): this one is ignored`,
      );
      return;
    }
    seen[target] = at;
    const value = READERS[target](item, at, findings);
    if (value !== undefined) {
      values[target] = value;
    }
  });
  const freshness = compact<FreshnessSla>({
    p95: values.p95,
    p99: values.p99,
    tier: values.frequency as FreshnessTier | undefined,
  });
  return compact({
    freshness: Object.keys(freshness).length > 0 ? freshness : undefined,
    availability: values.availability,
    sunsetOn: values.endOfSupport ?? values.endOfLife,
  });
}

/**
 * Whether an SLA property's `element` (`table`, `table.column`, several
 * separated by commas) points only at schema objects this product does not
 * map: a multi-table document scopes each object's terms that way. An
 * element naming no object of the document applies to the whole contract.
 */
function aboutOtherObjects(
  element: unknown,
  otherObjects: ReadonlySet<string>,
): boolean {
  const text = textOf(element);
  if (text === undefined || otherObjects.size === 0) return false;
  const others = [...otherObjects];
  // object names may hold dots themselves (`sales.orders`)
  return text
    .split(',')
    .map(part => part.trim())
    .every(part =>
      others.some(object => part === object || part.startsWith(`${object}.`)),
    );
}

function duration(item: Json, path: string, findings: MappingFindings) {
  const what = `the ${item.property} is ignored`;
  const amount = numberOf(item.value);
  if (amount === undefined || amount <= 0) {
    findings.warning(
      `${path}.value`,
      `is ${shown(item.value)}, not a positive number: ${what}`,
    );
    return undefined;
  }
  const unit = textOf(item.unit);
  if (unit === undefined) {
    findings.warning(
      `${path}.unit`,
      `is missing: ${what} — add a unit, one of ${DURATION_UNITS_HELP}`,
    );
    return undefined;
  }
  const text = durationText(amount, unit);
  if (text === undefined) {
    findings.warning(
      `${path}.unit`,
      `\`${unit}\` is not a duration unit Stockroom reads: ${what} — use ${DURATION_UNITS_HELP}`,
    );
  }
  return text;
}

function tierOf(ms: number): FreshnessTier {
  if (ms < FIVE_MINUTES) return 'streaming';
  if (ms <= ONE_HOUR) return 'micro-batch';
  return 'daily';
}

function availability(item: Json, path: string, findings: MappingFindings) {
  const unit = textOf(item.unit)?.toLowerCase();
  if (unit !== undefined && unit !== '%' && unit !== 'percent') {
    findings.warning(
      `${path}.unit`,
      `\`${item.unit}\` is not a percentage unit: the availability is ignored — write e.g. \`value: 99.5\` with \`unit: percent\``,
    );
    return undefined;
  }
  const raw =
    typeof item.value === 'string'
      ? item.value.replace(/%\s*$/, '')
      : item.value;
  const percent = numberOf(raw);
  const text = percent === undefined ? undefined : `${tidy(percent)}%`;
  if (text === undefined || percent! < 0 || !AVAILABILITY.test(text)) {
    findings.warning(
      `${path}.value`,
      `is ${shown(
        item.value,
      )}, not a percentage from 0 to 100: the availability is ignored`,
    );
    return undefined;
  }
  return text;
}

/**
 * The calendar date as written (`2032-05-12T09:30:10-08:00` → 2032-05-12):
 * the author's date, not shifted to another day by a time zone.
 */
function date(item: Json, path: string, findings: MappingFindings) {
  const value =
    item.value instanceof Date ? item.value.toISOString() : textOf(item.value);
  const day = value?.slice(0, 10);
  if (
    value === undefined ||
    !isCalendarDate(day!) ||
    !/^\d{4}-\d{2}-\d{2}([T ]|$)/.test(value)
  ) {
    findings.warning(
      `${path}.value`,
      `is ${shown(
        item.value,
      )}, not a date (YYYY-MM-DD, optionally with a time): the ${
        item.property
      } is ignored`,
    );
    return undefined;
  }
  return day;
}
