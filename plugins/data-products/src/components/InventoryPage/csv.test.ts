import type { InventoryItem } from '../../api';
import {
  firstPage,
  ordersMart,
  secondPage,
} from '../../__fixtures__/inventory';
import { csvCell, fetchWholeInventory, inventoryCsv, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['=SUM(1,2)', `"'=SUM(1,2)"`],
    ['a=b', 'a=b'],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers, booleans and nothing as they are', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('joins rows with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('a,b\r\n1,');
  });
});

describe('fetchWholeInventory', () => {
  it('follows cursors and stops on a repeated one', async () => {
    const getInventory = jest
      .fn()
      .mockResolvedValueOnce(firstPage)
      .mockResolvedValueOnce({ ...secondPage, nextCursor: 'cursor-2' });
    const items = await fetchWholeInventory({ getInventory }, { q: 'x' });
    expect(items).toHaveLength(4);
    expect(getInventory).toHaveBeenCalledTimes(2);
  });
});

describe('inventoryCsv', () => {
  /** The cells of the last six columns, by header name. */
  function tail(csv: string) {
    const [header, ...rows] = csv.split('\r\n').map(line => line.split(','));
    const names = header.slice(-6);
    return rows.map(row =>
      Object.fromEntries(
        names.map((name, i) => [name, row[row.length - 6 + i]]),
      ),
    );
  }

  const priced: InventoryItem = {
    ...ordersMart,
    fragile: false,
    tierAtRisk: null,
    budgetExhausted: true,
    freshnessVsCost: {
      observedLag: {
        p95Ms: 2_700_000,
        reason: null,
        evidence: null,
      },
      unitCostOfFreshness: {
        value: 10344.83,
        currency: 'USD',
        estimated: true,
        today: { monthly: 3000, p95Ms: 1_800_000, tier: 'micro-batch' },
        next: null,
        options: [],
        findings: [],
        summary: 'Estimated: USD 10,345 / month per hour of lag saved',
      },
    },
  };

  const unpriced: InventoryItem = {
    ...ordersMart,
    fragile: null,
    tierAtRisk: true,
    budgetExhausted: false,
    freshnessVsCost: {
      observedLag: {
        p95Ms: null,
        reason: 'Not scored yet: the product has no scorecard snapshot',
        evidence: null,
      },
      unitCostOfFreshness: {
        value: null,
        currency: null,
        estimated: true,
        today: { monthly: null, p95Ms: null, tier: null },
        next: null,
        options: [],
        findings: [],
        summary:
          'Unknown: no cost declared (spec.cost.monthly), so no price of freshness',
      },
    },
  };

  it('writes the three supply-chain flags and the freshness-vs-cost figures, empty when unknown', () => {
    expect(tail(inventoryCsv([priced, unpriced]))).toEqual([
      {
        fragile: 'false',
        tierAtRisk: '',
        budgetExhausted: 'true',
        observedP95LagMs: '2700000',
        unitCostOfFreshnessPerHour: '10344.83',
        unitCostEstimated: 'true',
      },
      {
        fragile: '',
        tierAtRisk: 'true',
        budgetExhausted: 'false',
        observedP95LagMs: '',
        unitCostOfFreshnessPerHour: '',
        // no unit cost: nothing to call estimated
        unitCostEstimated: '',
      },
    ]);
  });

  it('leaves the figures empty for a backend that serves none', () => {
    const { freshnessVsCost: _none, ...older } = priced;
    expect(tail(inventoryCsv([older]))[0]).toMatchObject({
      observedP95LagMs: '',
      unitCostOfFreshnessPerHour: '',
      unitCostEstimated: '',
    });
  });
});
