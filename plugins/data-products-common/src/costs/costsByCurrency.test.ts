import { costsByCurrency } from './costsByCurrency';

describe('costsByCurrency', () => {
  it('totals per currency and never adds different currencies', () => {
    const view = costsByCurrency([
      { entityRef: 'a', cost: { monthly: 4200, currency: 'USD' } },
      { entityRef: 'b', cost: { monthly: 800, currency: 'usd' } },
      { entityRef: 'c', cost: { monthly: 900, currency: 'EUR' } },
      { entityRef: 'd', cost: { monthly: 50 } },
      { entityRef: 'e' },
      { entityRef: 'f', cost: { monthly: -1, currency: 'USD' } },
    ]);
    // USD: 4,200 + 800 = 5,000 over a and b; EUR: 900 over c.
    expect(view.totals).toEqual([
      { currency: 'EUR', monthly: 900, products: ['c'] },
      { currency: 'USD', monthly: 5000, products: ['a', 'b'] },
    ]);
    expect(view.mixed).toBe(true);
    expect(view.unknownCurrency).toEqual(['d']);
    expect(view.noCost).toEqual(['e', 'f']);
    expect(view.summary).toBe(
      'Costs in EUR, USD are totalled per currency, never added together (no exchange rates); 1 product(s) without spec.cost.currency are left out of the totals; 2 product(s) declare no cost.',
    );
  });

  it('says so when all is one currency', () => {
    const view = costsByCurrency([
      { entityRef: 'a', cost: { monthly: 1, currency: 'USD' } },
    ]);
    expect(view.mixed).toBe(false);
    expect(view.summary).toBe('All costs in one currency.');
  });
});
