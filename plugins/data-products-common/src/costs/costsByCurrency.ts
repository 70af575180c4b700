/**
 * Monthly costs of many products for one view (the inventory's "Freshness
 * vs cost"), totalled per currency. Amounts in different currencies are
 * never added: there is no exchange rate in the catalog, and a sum of USD
 * and EUR would be a made-up number. A product without a currency, or
 * without a usable cost, is listed apart.
 */

/** @public */
export interface CurrencyTotal {
  currency: string;
  monthly: number;
  products: string[];
}

/** @public */
export interface CostsByCurrency {
  totals: CurrencyTotal[];
  /** Products with a cost but no currency: not added to any total. */
  unknownCurrency: string[];
  /** Products with no cost, or one that is not a number ≥ 0. */
  noCost: string[];
  /** More than one currency: compare within a currency only. */
  mixed: boolean;
  summary: string;
}

/** @public */
export function costsByCurrency(
  products: ReadonlyArray<{
    entityRef: string;
    cost?: { monthly?: number; currency?: string };
  }>,
): CostsByCurrency {
  const totals = new Map<string, CurrencyTotal>();
  const unknownCurrency: string[] = [];
  const noCost: string[] = [];
  for (const { entityRef, cost } of products) {
    const monthly = cost?.monthly;
    if (
      typeof monthly !== 'number' ||
      !Number.isFinite(monthly) ||
      monthly < 0
    ) {
      noCost.push(entityRef);
      continue;
    }
    const currency =
      typeof cost?.currency === 'string' && cost.currency.trim() !== ''
        ? cost.currency.trim().toUpperCase()
        : undefined;
    if (!currency) {
      unknownCurrency.push(entityRef);
      continue;
    }
    const total = totals.get(currency) ?? {
      currency,
      monthly: 0,
      products: [],
    };
    total.monthly += monthly;
    total.products.push(entityRef);
    totals.set(currency, total);
  }
  const sorted = [...totals.values()].sort((a, b) =>
    a.currency.localeCompare(b.currency),
  );
  const mixed = sorted.length > 1;
  const parts = [
    mixed
      ? `Costs in ${sorted
          .map(t => t.currency)
          .join(
            ', ',
          )} are totalled per currency, never added together (no exchange rates)`
      : '',
    unknownCurrency.length > 0
      ? `${unknownCurrency.length} product(s) without spec.cost.currency are left out of the totals`
      : '',
    noCost.length > 0 ? `${noCost.length} product(s) declare no cost` : '',
  ].filter(Boolean);
  return {
    totals: sorted,
    unknownCurrency,
    noCost,
    mixed,
    summary:
      parts.length > 0 ? `${parts.join('; ')}.` : 'All costs in one currency.',
  };
}
