import { inventorySearchParams, parseInventoryQuery } from './inventoryQuery';

describe('inventory query strings', () => {
  it('round-trips every parameter', () => {
    const query = {
      category: 'shared-mart',
      state: 'active',
      owner: 'group:default/commerce-data',
      domain: 'commerce',
      system: 'orders',
      type: 'table',
      minScore: 1.5,
      maxScore: 3,
      expiringWithinDays: 30,
      breaching: true,
      fragile: true,
      tierAtRisk: true,
      budgetExhausted: true,
      q: 'orders, returns',
      sort: 'expiresOn' as const,
      order: 'asc' as const,
      limit: 50,
      cursor: 'abc==',
    };
    expect(parseInventoryQuery(inventorySearchParams(query))).toEqual(query);
  });

  it('drops what cannot be sent and keeps the rest as written', () => {
    expect(
      parseInventoryQuery(
        '?minScore=high&sort=popularity&order=up&breaching=yes&state=dormant&q=',
      ),
    ).toEqual({ state: 'dormant' });
  });

  it('writes the supply-chain flags only when true, after breaching', () => {
    expect(
      inventorySearchParams({
        budgetExhausted: true,
        fragile: false,
        tierAtRisk: true,
        breaching: true,
      }).toString(),
    ).toBe('breaching=true&tierAtRisk=true&budgetExhausted=true');
    expect(
      parseInventoryQuery('?fragile=false&tierAtRisk=1&budgetExhausted=true'),
    ).toEqual({ budgetExhausted: true });
  });
});
