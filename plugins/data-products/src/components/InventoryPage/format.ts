import { formatCount } from '../shared/format';

/**
 * `$4,200` in the given currency; `4,200 XYZ` for a code the browser does not
 * know; `4,200` without one.
 */
export function formatMoney(
  amount: number | null | undefined,
  currency: string | null | undefined,
): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '—';
  if (currency) {
    try {
      return new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
      }).format(amount);
    } catch {
      return `${formatCount(amount)} ${currency}`;
    }
  }
  return formatCount(amount);
}

/**
 * A short amount for a table cell: `$900`, `$1.2K`, `€1.5M`; `3K XYZ` for a
 * code the browser does not know; `1.2K` without a currency. The exact
 * amount is {@link formatMoney}'s.
 */
export function formatCompactMoney(
  amount: number | null | undefined,
  currency: string | null | undefined,
): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '—';
  const compact = { notation: 'compact', maximumFractionDigits: 1 } as const;
  if (currency) {
    try {
      return new Intl.NumberFormat('en-US', {
        ...compact,
        style: 'currency',
        currency,
        minimumFractionDigits: 0,
      }).format(amount);
    } catch {
      return `${new Intl.NumberFormat('en-US', compact).format(
        amount,
      )} ${currency}`;
    }
  }
  return new Intl.NumberFormat('en-US', compact).format(amount);
}
