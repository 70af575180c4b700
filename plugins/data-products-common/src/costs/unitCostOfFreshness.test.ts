import fc from 'fast-check';
import { DEFAULT_COST_SETTINGS } from './costSettings';
import { unitCostOfFreshness } from './unitCostOfFreshness';

// The spec's example: USD 4,200 a month for micro-batch at p95 30m.
const COST = {
  monthly: 4200,
  currency: 'USD',
  options: [
    { tier: 'streaming' as const, p95: '1m', monthly: 11000 },
    { tier: 'daily' as const, p95: '1d', monthly: 900 },
  ],
};
const SLA = { p95: '30m', p99: '60m', tier: 'micro-batch' as const };

describe('unitCostOfFreshness', () => {
  it('prices the next fresher option per hour of p95 lag saved', () => {
    // (11,000 − 4,200) ÷ ((30 − 1) / 60 h) = 6,800 × 60 / 29 = 14,068.97 per hour.
    const unit = unitCostOfFreshness(COST, SLA);
    expect(unit.value).toBeCloseTo(408000 / 29, 9);
    expect(unit.value).toBeCloseTo(14068.97, 2);
    expect(unit.estimated).toBe(false);
    expect(unit.currency).toBe('USD');
    expect(unit.next).toMatchObject({
      tier: 'streaming',
      extraMonthly: 6800,
      fresher: true,
    });
    expect(unit.next!.hoursSaved).toBeCloseTo(29 / 60, 12);
    expect(unit.summary).toBe(
      'USD 14,069 / month per hour of lag saved (streaming at p95 1m for USD 11,000 vs USD 4,200 today at p95 30m)',
    );
  });

  it('reports an option slower than today as a finding, not a price', () => {
    const unit = unitCostOfFreshness(COST, SLA);
    expect(unit.findings).toEqual([
      "spec.cost.options[1] (daily at p95 1d) is not fresher than today's p95 30m: it saves no lag, so it prices no additional freshness",
    ]);
    // Listed freshest first, with what the move would save: 900 − 4,200 = −3,300.
    expect(unit.options.map(o => [o.tier, o.extraMonthly, o.fresher])).toEqual([
      ['streaming', 6800, true],
      ['daily', -3300, false],
    ]);
  });

  it('takes the closest fresher option, not the freshest', () => {
    // Options 1m at 11,000 and 10m at 6,000: next is 10m.
    // (6,000 − 4,200) ÷ (20/60 h) = 1,800 × 3 = 5,400.
    const unit = unitCostOfFreshness(
      {
        ...COST,
        options: [
          { tier: 'streaming', p95: '1m', monthly: 11000 },
          { tier: 'micro-batch', p95: '10m', monthly: 6000 },
        ],
      },
      SLA,
    );
    expect(unit.value).toBeCloseTo(5400, 9);
    expect(unit.next?.p95Ms).toBe(10 * 60 * 1000);
  });

  it('estimates from the tier multipliers when no option is declared, labelled so', () => {
    // Daily at p95 1d for 900. Micro-batch: 900 × 1.5 ÷ 1 = 1,350 at 30m.
    // (1,350 − 900) ÷ (24 − 0.5 h) = 450 ÷ 23.5 = 19.1489…
    const unit = unitCostOfFreshness(
      { monthly: 900, currency: 'EUR' },
      { p95: '1d', tier: 'daily' },
    );
    expect(unit.estimated).toBe(true);
    expect(unit.value).toBeCloseTo(450 / 23.5, 9);
    expect(unit.next).toMatchObject({
      tier: 'micro-batch',
      monthly: 1350,
      estimated: true,
    });
    // Streaming: 900 × 4 = 3,600 at 1m, listed too.
    expect(unit.options.map(o => [o.tier, o.monthly])).toEqual([
      ['streaming', 3600],
      ['micro-batch', 1350],
    ]);
    expect(unit.summary).toMatch(
      /^Estimated: EUR 19 \/ month per hour of lag saved/,
    );
  });

  it('uses configured multipliers', () => {
    // Micro-batch → streaming at 1m: 4,200 × 6 ÷ 2 = 12,600; (12,600 − 4,200) ÷ (29/60 h) = 8,400 × 60 / 29.
    const unit = unitCostOfFreshness({ monthly: 4200, currency: 'USD' }, SLA, {
      ...DEFAULT_COST_SETTINGS,
      tierMultipliers: { streaming: 6, 'micro-batch': 2, daily: 1 },
    });
    expect(unit.value).toBeCloseTo(504000 / 29, 9);
  });

  it('is unknown, never a number, without a usable cost or promise', () => {
    expect(unitCostOfFreshness(undefined, SLA)).toMatchObject({
      value: null,
      summary: expect.stringContaining('no cost declared'),
    });
    expect(
      unitCostOfFreshness({ monthly: 0, currency: 'USD' }, SLA).summary,
    ).toContain('spec.cost.monthly is 0');
    expect(unitCostOfFreshness({ monthly: -5 }, SLA).value).toBeNull();
    expect(
      unitCostOfFreshness(COST, { tier: 'micro-batch' }).summary,
    ).toContain('spec.contract.freshness.p95');
    expect(
      unitCostOfFreshness({ monthly: 100 }, { p95: '1m', tier: 'streaming' })
        .summary,
    ).toContain('no tier fresher');
    expect(
      unitCostOfFreshness({ monthly: 100 }, { p95: '1h' }).summary,
    ).toContain('spec.contract.freshness.tier');
  });

  it('leaves out options with zero, negative or missing costs, naming them', () => {
    const unit = unitCostOfFreshness(
      {
        monthly: 4200,
        currency: 'USD',
        options: [
          { tier: 'streaming', p95: '1m', monthly: 0 },
          { tier: 'streaming', p95: '2m', monthly: -10 },
        ],
      },
      SLA,
    );
    expect(unit.value).toBeNull();
    expect(unit.findings).toEqual([
      'spec.cost.options[0].monthly is 0: an option must cost more than 0 per month; option left out',
      'spec.cost.options[1].monthly is -10: an option must cost more than 0 per month; option left out',
    ]);
    expect(unit.summary).toContain('no option fresher');
  });

  it('states no unit cost when the fresher option is not dearer', () => {
    const unit = unitCostOfFreshness(
      {
        monthly: 4200,
        currency: 'USD',
        options: [{ tier: 'streaming', p95: '1m', monthly: 4000 }],
      },
      SLA,
    );
    expect(unit.value).toBeNull();
    expect(unit.findings[0]).toContain('not more than today');
  });

  it('is unknown, not Infinity, when costs overflow', () => {
    // 1e308 at micro-batch (1.5×): streaming (4×) is estimated at 2.67e308,
    // past the largest double: no finite difference to state.
    const unit = unitCostOfFreshness(
      { monthly: 1e308, currency: 'USD' },
      { p95: '30m', tier: 'micro-batch' },
    );
    expect(unit.value).toBeNull();
    expect(unit.summary).toMatch(/^Unknown: the costs are too large/);
  });

  it('is a positive finite number or unknown for any input', () => {
    const tier = fc.constantFrom(
      'streaming',
      'micro-batch',
      'daily',
      'hourly',
      undefined,
    );
    const duration = fc.constantFrom(
      '1m',
      '30m',
      '2h',
      '1d',
      '0m',
      'soon',
      undefined,
    );
    const money = fc.oneof(
      fc.double(),
      fc.integer({ min: -10, max: 100000 }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.record({
          monthly: money,
          currency: fc.constantFrom('USD', 'EUR', undefined),
          options: fc.option(
            fc.array(fc.record({ tier, p95: duration, monthly: money }), {
              maxLength: 4,
            }),
            { nil: undefined },
          ),
        }),
        fc.record({ p95: duration, tier }),
        (cost, freshness) => {
          const unit = unitCostOfFreshness(cost as any, freshness as any);
          // Known: a positive price of a fresher option. Else: said unknown.
          const sound =
            unit.value === null
              ? /^Unknown/.test(unit.summary)
              : Number.isFinite(unit.value) &&
                unit.value > 0 &&
                unit.next?.fresher === true;
          expect(sound).toBe(true);
        },
      ),
    );
  });
});
