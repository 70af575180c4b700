/**
 * Numbers the way a consumer reads them — "2,880 runs", "41 min", "0.12%",
 * "2026-11-25 06:00 UTC" — worded like the backend's summaries so the
 * evidence and the summary of a dimension read alike. Times are UTC: a
 * snapshot reads the same in every browser.
 */
// The same wording the backend's summaries use, so evidence and summary of a
// dimension read alike: one implementation, in -common.
export {
  formatCount,
  formatLag,
  formatRate,
  plural,
} from '@stockroom/plugin-data-products-common';

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
