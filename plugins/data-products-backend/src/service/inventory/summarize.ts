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

/**
 * Products that the totals and the summary cannot tell apart, counted
 * together: one per product when the rows are in memory, one per distinct
 * key when a database groups them (KnexInventoryReadModel).
 */
export interface InventoryGroup {
  category: string | null;
  state: string;
  currency: string | null;
  fundedBy: string | null;
  freshnessTier: string | null;
  count: number;
  /** Products with an overall score, and the sum of those scores. */
  scored: number;
  scoreSum: number;
  /** Products with a monthly cost, and the sum of those costs. */
  costed: number;
  monthlySum: number;
  /** Products whose expiry date falls between today and the month's end. */
  expiringThisMonth: number;
  breaching: number;
}

/** Each row as a group of one, for {@link totalsOf} and {@link summaryOf}. */
export function groupsOfRows(
  rows: InventoryRow[],
  now: Date,
): InventoryGroup[] {
  const today = formatIsoDate(now);
  const monthEnd = formatIsoDate(lastDayOfMonth(now));
  return rows.map(row => ({
    category: row.category,
    state: row.state,
    currency: row.cost.currency,
    fundedBy: row.cost.fundedBy,
    freshnessTier: row.freshnessTier,
    count: 1,
    scored: row.overall === null ? 0 : 1,
    scoreSum: row.overall ?? 0,
    costed: row.cost.monthly === null ? 0 : 1,
    monthlySum: row.cost.monthly ?? 0,
    expiringThisMonth:
      row.expiresOn !== null &&
      row.expiresOn >= today &&
      row.expiresOn <= monthEnd
        ? 1
        : 0,
    breaching: row.breaching ? 1 : 0,
  }));
}

/** Counts over the whole filtered set, not just the page. */
export function totalsOf(groups: InventoryGroup[]): InventoryTotals {
  const byCategory = zeroes(DATA_PRODUCT_CATEGORIES);
  const byState = zeroes(DATA_PRODUCT_STATES);
  let total = 0;
  for (const group of groups) {
    const category = group.category ?? UNASSIGNED;
    byCategory[category] = (byCategory[category] ?? 0) + group.count;
    byState[group.state] = (byState[group.state] ?? 0) + group.count;
    total += group.count;
  }
  return { total, byCategory, byState };
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
  groups: InventoryGroup[],
  now: Date,
  funding: FundingPolicy,
): InventorySummary {
  const currency = mainCurrency(groups);
  const lastDay = lastDayOfMonth(now);

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

  for (const group of groups) {
    const category = (categories[group.category ?? UNASSIGNED] ??= {
      count: 0,
      scored: 0,
      scoreSum: 0,
      monthlyCost: 0,
    });
    category.count += group.count;
    category.scored += group.scored;
    category.scoreSum += group.scoreSum;
    expiringThisMonth += group.expiringThisMonth;
    breachingNow += group.breaching;

    if (group.costed === 0) continue;
    const monthly = group.monthlySum;
    if (group.currency !== null && group.currency !== currency) {
      otherCurrencies[group.currency] =
        (otherCurrencies[group.currency] ?? 0) + monthly;
      continue;
    }
    category.monthlyCost += monthly;
    const funder = group.fundedBy ?? UNASSIGNED;
    byFunding[funder] = (byFunding[funder] ?? 0) + monthly;
    const tier = group.freshnessTier ?? UNASSIGNED;
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

function mainCurrency(groups: InventoryGroup[]): string | null {
  const counts = new Map<string, number>();
  for (const { costed, currency } of groups) {
    if (costed > 0 && currency !== null) {
      counts.set(currency, (counts.get(currency) ?? 0) + costed);
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
