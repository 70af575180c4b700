/**
 * Numbers the way a consumer reads them — "2,880 runs", "41 min", "0.12%",
 * "2026-11-25 06:00 UTC" — worded like the backend's summaries so the
 * evidence and the summary of a dimension read alike. Times are UTC: a
 * snapshot reads the same in every browser.
 */
import { formatDuration } from '@stockroom/plugin-data-products-common';

const UNIT_WORDS: Record<string, string> = {
  ms: 'ms',
  s: 's',
  m: 'min',
  h: 'h',
  d: 'd',
};

/** `41 min`, `1 h 5 min`, `2 d 3 h`. */
export function formatLag(ms: number): string {
  return formatDuration(ms).replace(
    /(\d+)(ms|s|m|h|d)\b/g,
    (_, amount: string, unit: string) => `${amount} ${UNIT_WORDS[unit]}`,
  );
}

/** `2,880`; fractions keep one decimal: `1,234.5`. */
export function formatCount(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const [whole, fraction] = String(rounded).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** `1 run`, `2,880 runs`. */
export function plural(
  count: number,
  word: string,
  words = `${word}s`,
): string {
  return `${formatCount(count)} ${count === 1 ? word : words}`;
}

/** A rate 0..1 as a percentage with two significant digits: `0.12%`. */
export function formatRate(rate: number): string {
  if (rate === 0) return '0%';
  return `${Number((rate * 100).toPrecision(2))}%`;
}

/**
 * A completeness percentage, one decimal, rounded down: 99.98 % reads
 * `99.9%`, never a 100 % the contract does not have.
 */
export function formatPercent(percent: number): string {
  return `${Math.floor(percent * 10 + 1e-9) / 10}%`;
}

function parse(value: string | number | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `2026-11-25`, or the text as given when it is no date. */
export function formatDate(value: string | number | null | undefined): string {
  const date = parse(value);
  if (!date) return value === null || value === undefined ? '' : String(value);
  return date.toISOString().slice(0, 10);
}

/** `2026-11-25 06:00 UTC`, or the text as given when it is no date. */
export function formatDateTime(
  value: string | number | null | undefined,
): string {
  const date = parse(value);
  if (!date) return value === null || value === undefined ? '' : String(value);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A finite number, or undefined: evidence is read, never trusted. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}
