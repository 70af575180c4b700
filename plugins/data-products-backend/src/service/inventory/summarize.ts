import {
  DATA_PRODUCT_CATEGORIES,
  DATA_PRODUCT_STATES,
  FundingPolicy,
  calendarDaysBetween,
  formatIsoDate,
  lastDayOfMonth,
} from '@stockroom/plugin-data-products-common';
import { InventoryRow } from './inventoryRows';

/** Where products without `cost.fundedBy` (or a freshness tier) are summed. */
export const UNASSIGNED = 'unassigned';

export interface InventoryTotals {
  total: number;
  byCategory: Record<string, number>;
  byState: Record<string, number>;
}

export interface InventorySummary {
  byCategory: Record<
    string,
    { count: number; averageScore: number | null; monthlyCost: number }
  >;
  /** Products whose expiry date falls between today and the month's end. */
  expiringThisMonth: number;
  breachingNow: number;
  monthlyCostByFundingGroup: Record<string, number>;
  monthlyCostByFreshnessTier: Record<string, number>;
  /** The currency of every cost figure above; null when none is declared. */
  currency: string | null;
  /** Monthly costs declared in other currencies, left out of the sums above. */
  costsInOtherCurrencies: Record<string, number>;
  /**
   * Days from today to the month's last day: the `expiringWithinDays` that
   * lists what `expiringThisMonth` counts, so no client does month arithmetic.
   */
  daysLeftInMonth: number;
  /** The settings each item's `funding` was judged with. */
  fundingRule: { manyTeams: number; centralFunders: string[] };
}

/** Counts over the whole filtered set, not just the page. */
export function totalsOf(rows: InventoryRow[]): InventoryTotals {
  const byCategory = zeroes(DATA_PRODUCT_CATEGORIES);
  const byState = zeroes(DATA_PRODUCT_STATES);
  for (const row of rows) {
    const category = row.category ?? UNASSIGNED;
    byCategory[category] = (byCategory[category] ?? 0) + 1;
    byState[row.state] = (byState[row.state] ?? 0) + 1;
  }
  return { total: rows.length, byCategory, byState };
}

/**
 * The platform team's view of the filtered set: scores and costs by
 * category, what expires this month, what breaches now, and who funds what
 * (dataproduct-spec.md "Freshness versus cost").
 *
 * Costs are summed in one currency: the one most products declare (ties go
 * to the alphabetically first). A cost without a currency is taken to be in
 * it; costs in other currencies are summed apart, per currency.
 */
export function summaryOf(
  rows: InventoryRow[],
  now: Date,
  funding: FundingPolicy,
): InventorySummary {
  const currency = mainCurrency(rows);
  const today = formatIsoDate(now);
  const lastDay = lastDayOfMonth(now);
  const monthEnd = formatIsoDate(lastDay);

  const categories: Record<
    string,
    { count: number; scored: number; scoreSum: number; monthlyCost: number }
  > = {};
  for (const category of DATA_PRODUCT_CATEGORIES) {
    categories[category] = { count: 0, scored: 0, scoreSum: 0, monthlyCost: 0 };
  }
  const byFunding: Record<string, number> = {};
  const byTier: Record<string, number> = {};
  const otherCurrencies: Record<string, number> = {};
  let expiringThisMonth = 0;
  let breachingNow = 0;

  for (const row of rows) {
    const category = (categories[row.category ?? UNASSIGNED] ??= {
      count: 0,
      scored: 0,
      scoreSum: 0,
      monthlyCost: 0,
    });
    category.count += 1;
    if (row.overall !== null) {
      category.scored += 1;
      category.scoreSum += row.overall;
    }
    if (
      row.expiresOn !== null &&
      row.expiresOn >= today &&
      row.expiresOn <= monthEnd
    ) {
      expiringThisMonth += 1;
    }
    if (row.breaching) breachingNow += 1;

    const { monthly, currency: rowCurrency, fundedBy } = row.cost;
    if (monthly === null) continue;
    if (rowCurrency !== null && rowCurrency !== currency) {
      otherCurrencies[rowCurrency] =
        (otherCurrencies[rowCurrency] ?? 0) + monthly;
      continue;
    }
    category.monthlyCost += monthly;
    const funder = fundedBy ?? UNASSIGNED;
    byFunding[funder] = (byFunding[funder] ?? 0) + monthly;
    const tier = row.freshnessTier ?? UNASSIGNED;
    byTier[tier] = (byTier[tier] ?? 0) + monthly;
  }

  return {
    byCategory: Object.fromEntries(
      Object.entries(categories).map(([name, c]) => [
        name,
        {
          count: c.count,
          averageScore: c.scored > 0 ? oneDecimal(c.scoreSum / c.scored) : null,
          monthlyCost: cents(c.monthlyCost),
        },
      ]),
    ),
    expiringThisMonth,
    breachingNow,
    monthlyCostByFundingGroup: mapValues(byFunding, cents),
    monthlyCostByFreshnessTier: mapValues(byTier, cents),
    currency,
    costsInOtherCurrencies: mapValues(otherCurrencies, cents),
    daysLeftInMonth: calendarDaysBetween(now, lastDay),
    fundingRule: {
      manyTeams: funding.manyTeams,
      centralFunders: [...funding.centralFunders],
    },
  };
}

function mainCurrency(rows: InventoryRow[]): string | null {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const { monthly, currency } = row.cost;
    if (monthly !== null && currency !== null) {
      counts.set(currency, (counts.get(currency) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [currency, count] of counts) {
    if (
      count > bestCount ||
      (count === bestCount && best !== null && currency < best)
    ) {
      best = currency;
      bestCount = count;
    }
  }
  return best;
}

function zeroes(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map(key => [key, 0]));
}

function mapValues(
  record: Record<string, number>,
  f: (value: number) => number,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, f(value)]),
  );
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Sums of decimal amounts, rid of binary floating-point dust. */
function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
