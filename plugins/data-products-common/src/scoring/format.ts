/**
 * Numbers in summaries, the way a consumer reads them: "2,880 runs",
 * "41 min", "0.2%". Locale-independent on purpose: a snapshot written by the
 * backend must read the same in every browser.
 */
import { formatDuration } from '../kind/duration';

const UNIT_WORDS: Record<string, string> = {
  ms: 'ms',
  s: 's',
  m: 'min',
  h: 'h',
  d: 'd',
};

/** `41 min`, `1 h 5 min`, `2 d 3 h`: formatDuration's rounding, plain units. */
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

/** A rate 0..1 as a percentage with two significant digits: `0.12%`. */
export function formatRate(rate: number): string {
  if (rate === 0) return '0%';
  return `${Number((rate * 100).toPrecision(2))}%`;
}

/** `1 run`, `2 runs`. */
export function plural(
  count: number,
  word: string,
  words = `${word}s`,
): string {
  return `${formatCount(count)} ${count === 1 ? word : words}`;
}
