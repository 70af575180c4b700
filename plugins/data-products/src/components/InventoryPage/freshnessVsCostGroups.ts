import type { InventoryItem } from '../../api';

/** The tiers in the order the view lists them: freshest first, then none. */
export const TIER_ORDER = ['streaming', 'micro-batch', 'daily'] as const;
/** The series of products without a (known) freshness tier. */
export const NO_TIER = 'no tier';

/** A product placed on a chart: its lag against its monthly cost. */
export interface CostPoint {
  entityRef: string;
  label: string;
  tier: string;
  lagMs: number;
  monthly: number;
}

/** The products of one currency: only these share a cost axis. */
export interface CurrencyGroup {
  /** Upper-case code; null for costs declared without a currency. */
  currency: string | null;
  /** Plottable points by tier, in {@link TIER_ORDER} then {@link NO_TIER}. */
  series: Array<{ tier: string; points: CostPoint[] }>;
}

/** Why a product is not on any chart. */
export interface Unplotted {
  entityRef: string;
  label: string;
  reason: string;
}

export interface FreshnessVsCostGroups {
  groups: CurrencyGroup[];
  unplotted: Unplotted[];
}

export function tierOf(item: InventoryItem): string {
  return item.freshnessTier &&
    (TIER_ORDER as readonly string[]).includes(item.freshnessTier)
    ? item.freshnessTier
    : NO_TIER;
}

function tierRank(tier: string): number {
  const rank = (TIER_ORDER as readonly string[]).indexOf(tier);
  return rank === -1 ? TIER_ORDER.length : rank;
}

/** The items grouped by tier (freshest first), in their order within a tier. */
export function byTier(items: readonly InventoryItem[]): InventoryItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        tierRank(tierOf(a.item)) - tierRank(tierOf(b.item)) ||
        a.index - b.index,
    )
    .map(({ item }) => item);
}

/**
 * The page's products as the "Freshness vs cost" charts draw them: one
 * group per currency — there are no exchange rates, so costs in different
 * currencies are never put on one axis — each split by freshness tier.
 * A product without a measured lag or a declared cost is listed apart
 * with the reason, never drawn at a made-up place.
 */
export function freshnessVsCostGroups(
  items: readonly InventoryItem[],
): FreshnessVsCostGroups {
  const groups = new Map<string | null, CurrencyGroup>();
  const unplotted: Unplotted[] = [];
  for (const item of byTier(items)) {
    const label = item.title || item.name;
    const lag = item.freshnessVsCost?.observedLag;
    const monthly = item.cost?.monthly;
    if (typeof lag?.p95Ms !== 'number') {
      unplotted.push({
        entityRef: item.entityRef,
        label,
        reason: `lag unknown: ${
          lag?.reason ?? 'the backend served no observed lag'
        }`,
      });
      continue;
    }
    if (typeof monthly !== 'number') {
      unplotted.push({
        entityRef: item.entityRef,
        label,
        reason: 'cost unknown: no monthly cost declared (spec.cost.monthly)',
      });
      continue;
    }
    const currency = item.cost.currency?.toUpperCase() ?? null;
    const group = groups.get(currency) ?? { currency, series: [] };
    groups.set(currency, group);
    const tier = tierOf(item);
    let series = group.series.find(s => s.tier === tier);
    if (!series) {
      series = { tier, points: [] };
      group.series.push(series);
      group.series.sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
    }
    series.points.push({
      entityRef: item.entityRef,
      label,
      tier,
      lagMs: lag.p95Ms,
      monthly,
    });
  }
  // Declared currencies alphabetically, then costs without one.
  const sorted = [...groups.values()].sort((a, b) => {
    if (a.currency === b.currency) return 0;
    if (a.currency === null) return 1;
    if (b.currency === null) return -1;
    return a.currency.localeCompare(b.currency);
  });
  return { groups: sorted, unplotted };
}
