import { formatCount } from '../scoring/format';

/**
 * `USD 14,069`, `EUR 0.42`: the code before the amount, locale-independent
 * (a snapshot must read the same in every browser); small amounts keep two
 * significant digits so they do not round to 0.
 */
export function formatMoney(amount: number, currency: string | null): string {
  const shown =
    Math.abs(amount) >= 10
      ? formatCount(Math.round(amount))
      : String(Number(amount.toPrecision(2)));
  return currency ? `${currency} ${shown}` : `${shown} (currency not declared)`;
}
