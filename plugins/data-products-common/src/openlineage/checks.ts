/**
 * Small value checks shared by the RunEvent and native-run validators. Each
 * one reports into a problem list and returns the value when it is usable, so
 * a validator reads top to bottom and still reports every problem, not the
 * first.
 */
import type { RunProblem } from './types';
import { parseIsoTimestamp, parseZonelessTimestamp } from './timestamp';

/** Collects problems with a fixed `index` (the item's place in a batch). */
export class ProblemList {
  readonly problems: RunProblem[] = [];
  /** Quirks read anyway (a time without a zone, an explicit null). */
  readonly warnings: RunProblem[] = [];
  constructor(
    private readonly index?: number,
    /** Names the whole value in a message about it (path ''). */
    private readonly rootName = 'The event',
  ) {}

  add(path: string, message: string): void {
    this.problems.push(this.entry(path, message));
  }

  warn(path: string, message: string): void {
    this.warnings.push(this.entry(path, message));
  }

  private entry(path: string, message: string): RunProblem {
    const text = `${path || this.rootName} ${message}`;
    return this.index === undefined
      ? { path, message: text }
      : { index: this.index, path, message: text };
  }
}

export function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A required object; `optional` lets undefined through (but never null). */
export function checkObject(
  value: unknown,
  path: string,
  problems: ProblemList,
  optional = false,
): Record<string, unknown> | undefined {
  if (value === undefined && optional) {
    return undefined;
  }
  if (value === undefined) {
    problems.add(path, 'is missing: it must be an object');
    return undefined;
  }
  if (!isObject(value)) {
    problems.add(path, `must be an object, not ${kindOf(value)}`);
    return undefined;
  }
  return value;
}

export function checkArray(
  value: unknown,
  path: string,
  problems: ProblemList,
): unknown[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.add(path, `must be an array, not ${kindOf(value)}`);
    return undefined;
  }
  return value;
}

/** A string with something in it; `optional` lets undefined through. */
export function checkText(
  value: unknown,
  path: string,
  problems: ProblemList,
  optional = false,
): string | undefined {
  if (value === undefined && optional) {
    return undefined;
  }
  if (value === undefined) {
    problems.add(path, 'is missing');
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.add(path, `must be a string, not ${kindOf(value)}`);
    return undefined;
  }
  if (value.trim() === '') {
    problems.add(path, 'must not be blank');
    return undefined;
  }
  return value;
}

/** Any string, blank included (free text such as a description). */
export function checkOptionalString(
  value: unknown,
  path: string,
  problems: ProblemList,
): void {
  if (value !== undefined && typeof value !== 'string') {
    problems.add(path, `must be a string, not ${kindOf(value)}`);
  }
}

/** A count: a whole number ≥ 0, when present. */
export function checkCount(
  value: unknown,
  path: string,
  problems: ProblemList,
): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(path, `must be a whole number ≥ 0, not ${kindOf(value)}`);
    return undefined;
  }
  if (value < 0) {
    problems.add(path, `must not be negative (got ${value})`);
    return undefined;
  }
  if (!Number.isSafeInteger(value)) {
    problems.add(path, `must be a whole number (got ${value})`);
    return undefined;
  }
  return value;
}

/** A non-negative number, not necessarily whole (sizes, sums). */
export function checkAmount(
  value: unknown,
  path: string,
  problems: ProblemList,
): void {
  if (value === undefined) {
    return;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(path, `must be a number ≥ 0, not ${kindOf(value)}`);
  } else if (value < 0) {
    problems.add(path, `must not be negative (got ${value})`);
  }
}

const EXAMPLE_TIME = '2026-03-01T06:00:00Z';

/** An ISO-8601 timestamp with a time zone; returns epoch ms. */
export function checkTimestamp(
  value: unknown,
  path: string,
  problems: ProblemList,
  optional = false,
): number | undefined {
  if (value === undefined && optional) {
    return undefined;
  }
  if (value === undefined) {
    problems.add(
      path,
      `is missing: it must be an ISO-8601 time such as ${EXAMPLE_TIME}`,
    );
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.add(
      path,
      `must be an ISO-8601 time such as ${EXAMPLE_TIME}, not ${kindOf(value)}`,
    );
    return undefined;
  }
  const ms = parseIsoTimestamp(value);
  if (ms === undefined) {
    // dbt-ol and older Great Expectations write datetime.now().isoformat():
    // no zone. Standards.md: read it as UTC, and say so.
    const utc = parseZonelessTimestamp(value);
    if (utc !== undefined) {
      problems.warn(
        path,
        `has no time zone ("${clip(value)}"): read as UTC; send Z or ±hh:mm`,
      );
      return notBeforeEpoch(utc, value, path, problems);
    }
    problems.add(
      path,
      `must be an ISO-8601 time with a time zone (Z or ±hh:mm) such as ${EXAMPLE_TIME}, not "${clip(
        value,
      )}"`,
    );
    return undefined;
  }
  return notBeforeEpoch(ms, value, path, problems);
}

/**
 * No pipeline reported a run before 1970: a year such as 0001 or 1900 is a
 * placeholder or a unit mistake, and would make lags absurd (and times
 * before the epoch negative). The one rule for every reported time.
 */
function notBeforeEpoch(
  ms: number,
  value: string,
  path: string,
  problems: ProblemList,
): number | undefined {
  if (ms >= 0) return ms;
  problems.add(
    path,
    `is before 1970-01-01T00:00:00Z ("${clip(
      value,
    )}"): send the time the run happened, such as ${EXAMPLE_TIME}`,
  );
  return undefined;
}

/** Clocks drift; a time a little ahead of the server's is still real. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The one clock-skew rule of every reported time (run times, event times,
 * watermarks): more than {@link CLOCK_SKEW_MS} after `now` is refused. A
 * watermark in the future would make lags negative and lift a stale
 * product's freshness. Returns the time when it is acceptable.
 */
export function checkNotInFuture(
  ms: number | undefined,
  path: string,
  now: Date | undefined,
  problems: ProblemList,
): number | undefined {
  if (ms === undefined || now === undefined) return ms;
  if (ms > now.getTime() + CLOCK_SKEW_MS) {
    problems.add(
      path,
      `is in the future (${new Date(
        ms,
      ).toISOString()} is more than 5 minutes after the server's clock)`,
    );
    return undefined;
  }
  return ms;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID, returned lower-cased so one run id has one spelling. */
export function checkUuid(
  value: unknown,
  path: string,
  problems: ProblemList,
): string | undefined {
  if (value === undefined) {
    problems.add(path, 'is missing: it must be a UUID');
    return undefined;
  }
  if (typeof value !== 'string' || !UUID.test(value)) {
    problems.add(
      path,
      `must be a UUID such as 0192963f-929e-731b-a075-9bb14bf41d38, not ${
        typeof value === 'string' ? `"${clip(value)}"` : kindOf(value)
      }`,
    );
    return undefined;
  }
  return value.toLowerCase();
}

/** Echoed values are clipped: a message must stay readable whatever was sent. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
