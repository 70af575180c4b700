import fc from 'fast-check';
import { judgeTierAtRisk, shouldNotifyTierAtRisk } from './tierAtRisk';

const NOW = new Date('2026-03-31T12:00:00.000Z');

/** Daily snapshots at 01:00 UTC on March `from`..`to`, with these scores. */
function daily(
  from: number,
  to: number,
  scores: (day: number) => {
    freshness?: number | null;
    reliability?: number | null;
  },
) {
  const out = [];
  for (let day = from; day <= to; day++) {
    const dd = String(day).padStart(2, '0');
    out.push({ takenAt: `2026-03-${dd}T01:00:00Z`, scores: scores(day) });
  }
  return out;
}

describe('judgeTierAtRisk', () => {
  it('flags a core entity whose freshness scored ≤ 2 every day of the last 14', () => {
    // March 18..31 is 14 days, all freshness 2 → at risk; the streak began
    // the first day 14 low days were reached: March 31.
    const verdict = judgeTierAtRisk(
      'core-entity',
      daily(18, 31, () => ({ freshness: 2, reliability: 5 })),
      NOW,
    );
    expect(verdict).toMatchObject({
      applies: true,
      atRisk: true,
      period: { from: '2026-03-18', to: '2026-03-31', days: 14 },
      freshness: { atRisk: true, daysAtMost2: 14 },
      reliability: { atRisk: false },
      atRiskSince: '2026-03-31',
      missingDays: [],
    });
  });

  it('dates the streak from the first day it was at risk, so it is notified once', () => {
    // Low from March 12: 14 low days first reached on March 25.
    const verdict = judgeTierAtRisk(
      'shared-mart',
      daily(1, 31, d => ({ freshness: 5, reliability: d >= 12 ? 1 : 4 })),
      NOW,
    );
    expect(verdict.atRiskSince).toBe('2026-03-25');
    expect(verdict.reliability.daysAtMost2).toBe(20); // March 12..31
    expect(shouldNotifyTierAtRisk(verdict, null)).toBe(true);
    expect(shouldNotifyTierAtRisk(verdict, '2026-03-25')).toBe(false);
    expect(shouldNotifyTierAtRisk(verdict, '2026-02-01')).toBe(true);
  });

  it('ends the period yesterday until today’s snapshot is taken', () => {
    // Snapshots March 17..30 only: the period is 17..30, still at risk.
    const verdict = judgeTierAtRisk(
      'core-entity',
      daily(17, 30, () => ({ freshness: 1, reliability: 1 })),
      NOW,
    );
    expect(verdict.period).toEqual({
      from: '2026-03-17',
      to: '2026-03-30',
      days: 14,
    });
    expect(verdict.atRisk).toBe(true);
  });

  it('reads one dimension at a time: bad freshness one day and bad reliability the next is not at risk', () => {
    const verdict = judgeTierAtRisk(
      'core-entity',
      daily(18, 31, d =>
        d % 2
          ? { freshness: 2, reliability: 4 }
          : { freshness: 4, reliability: 2 },
      ),
      NOW,
    );
    expect(verdict.atRisk).toBe(false);
    expect(verdict.atRiskSince).toBeNull();
  });

  it('is unknown, not at risk, when a day lacks a snapshot and no day cleared it', () => {
    const snapshots = daily(18, 31, () => ({
      freshness: 2,
      reliability: null,
    })).filter(s => !s.takenAt.startsWith('2026-03-20'));
    const verdict = judgeTierAtRisk('core-entity', snapshots, NOW);
    expect(verdict.atRisk).toBeNull();
    expect(verdict.missingDays).toEqual(['2026-03-20']);
    expect(verdict.summary).toContain('2026-03-20');
  });

  it('uses the newest snapshot of a day and ignores snapshots after now', () => {
    const snapshots = [
      ...daily(18, 31, () => ({ freshness: 2, reliability: 5 })),
      // Later on March 25 the score recovered: that day is not low.
      {
        takenAt: '2026-03-25T20:00:00Z',
        scores: { freshness: 4, reliability: 5 },
      },
      {
        takenAt: '2026-04-02T00:00:00Z',
        scores: { freshness: 5, reliability: 5 },
      },
    ];
    expect(judgeTierAtRisk('core-entity', snapshots, NOW).atRisk).toBe(false);
  });

  it('does not judge convenience views', () => {
    const verdict = judgeTierAtRisk(
      'convenience-view',
      daily(18, 31, () => ({ freshness: 1, reliability: 1 })),
      NOW,
    );
    expect(verdict).toMatchObject({ applies: false, atRisk: false });
  });

  it('takes a configured number of days', () => {
    const verdict = judgeTierAtRisk(
      'core-entity',
      daily(29, 31, () => ({ freshness: 2, reliability: 5 })),
      NOW,
      {
        volatility: { minRuns: 10, medium: 0.25, high: 0.5 },
        errorBudget: { burnRateAlert: 10, burnRateMinRuns: 5 },
        tierAtRisk: { days: 3 },
      },
    );
    expect(verdict.atRisk).toBe(true);
  });

  it('is at risk exactly when one dimension is ≤ 2 on each of the 14 days', () => {
    const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.record({ freshness: score, reliability: score }), {
          minLength: 14,
          maxLength: 14,
        }),
        days => {
          const verdict = judgeTierAtRisk(
            'core-entity',
            daily(18, 31, d => days[d - 18]),
            NOW,
          );
          const low = (s: number | null) => s !== null && s <= 2;
          const expected =
            days.every(d => low(d.freshness)) ||
            days.every(d => low(d.reliability));
          expect(verdict.atRisk === true).toBe(expected);
        },
      ),
    );
  });
});
