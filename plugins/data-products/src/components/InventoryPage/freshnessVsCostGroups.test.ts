import type { InventoryItem } from '../../api';
import { ordersMart } from '../../__fixtures__/inventory';
import { freshnessVsCostGroups } from './freshnessVsCostGroups';

/** A product with a lag and a cost; the price itself does not matter here. */
function product(
  name: string,
  tier: string | null,
  lagMs: number | null,
  monthly: number | null,
  currency: string | null,
): InventoryItem {
  return {
    ...ordersMart,
    entityRef: `dataproduct:default/${name}`,
    name,
    title: name,
    freshnessTier: tier,
    cost: { monthly, currency, fundedBy: null, perConsumer: null },
    freshnessVsCost: {
      observedLag: {
        p95Ms: lagMs,
        reason: lagMs === null ? 'No runs in the last 30 days' : null,
        evidence: null,
      },
      unitCostOfFreshness: {
        value: null,
        currency,
        estimated: false,
        today: { monthly, p95Ms: null, tier: null },
        next: null,
        options: [],
        findings: [],
        summary: 'Unknown',
      },
    },
  };
}

describe('freshnessVsCostGroups', () => {
  it('puts each currency on its own axis, declared currencies first, tiers freshest first', () => {
    const { groups, unplotted } = freshnessVsCostGroups([
      product('daily-usd', 'daily', 3_600_000, 100, 'USD'),
      product('no-currency', 'daily', 60_000, 80, null),
      product('stream-eur', 'streaming', 60_000, 900, 'EUR'),
      product('stream-usd', 'streaming', 60_000, 4000, 'USD'),
      product('odd-tier', 'hourly', 60_000, 50, 'usd'),
    ]);

    expect(
      groups.map(group => ({
        currency: group.currency,
        series: group.series.map(s => [s.tier, s.points.map(p => p.label)]),
      })),
    ).toEqual([
      { currency: 'EUR', series: [['streaming', ['stream-eur']]] },
      {
        currency: 'USD',
        series: [
          ['streaming', ['stream-usd']],
          ['daily', ['daily-usd']],
          // a tier the view does not know is drawn as "no tier"
          ['no tier', ['odd-tier']],
        ],
      },
      { currency: null, series: [['daily', ['no-currency']]] },
    ]);
    expect(unplotted).toEqual([]);
  });

  it('lists what it cannot place, with the reason', () => {
    const { groups, unplotted } = freshnessVsCostGroups([
      product('no-lag', 'daily', null, 100, 'USD'),
      product('no-cost', 'daily', 60_000, null, null),
      {
        ...product('old-backend', 'daily', 1, 1, 'USD'),
        freshnessVsCost: undefined,
      },
    ]);

    expect(groups).toEqual([]);
    expect(unplotted.map(u => [u.label, u.reason])).toEqual([
      ['no-lag', 'lag unknown: No runs in the last 30 days'],
      ['no-cost', 'cost unknown: no monthly cost declared (spec.cost.monthly)'],
      ['old-backend', 'lag unknown: the backend served no observed lag'],
    ]);
  });
});
