import fc from 'fast-check';
import { DAY, HOUR } from './__fixtures__/lineage';
import { summarizeLeadTimes } from './leadTimeSummary';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('summarizeLeadTimes', () => {
  // Lead times 1h, 2h, …, 20h, one run an hour before now each.
  const twenty = Array.from({ length: 20 }, (_, i) => ({
    finishedAt: ago((i + 1) * HOUR),
    leadTimeMs: (i + 1) * HOUR,
    cause: null,
  }));

  it('takes P50 and P95 by nearest rank and compares P95 with the target', () => {
    // n = 20: P50 rank ⌈10⌉ = 10 → 10h; P95 rank ⌈19⌉ = 19 → 19h > 18h target.
    const summary = summarizeLeadTimes(twenty, '18h', NOW);
    expect(summary.p50Ms).toBe(10 * HOUR);
    expect(summary.p95Ms).toBe(19 * HOUR);
    expect(summary.overTarget).toBe(true);
    expect(summarizeLeadTimes(twenty, '19h', NOW).overTarget).toBe(false);
  });

  it('measures without a target but cannot compare', () => {
    const summary = summarizeLeadTimes(twenty, undefined, NOW);
    expect(summary.p95Ms).toBe(19 * HOUR);
    expect(summary.overTarget).toBeNull();
    expect(summary.summary).toContain('declare leadTime.target');
  });

  it('leaves out runs outside the window and counts unmeasured ones by cause', () => {
    const summary = summarizeLeadTimes(
      [
        { finishedAt: ago(31 * DAY), leadTimeMs: 99 * HOUR, cause: null },
        { finishedAt: ago(HOUR), leadTimeMs: 2 * HOUR, cause: null },
        {
          finishedAt: ago(2 * HOUR),
          leadTimeMs: null,
          cause: 'nothing-absorbed',
        },
        {
          finishedAt: ago(3 * HOUR),
          leadTimeMs: null,
          cause: 'nothing-absorbed',
        },
        { finishedAt: ago(4 * HOUR), leadTimeMs: null, cause: 'no-upstream' },
      ],
      '1d',
      NOW,
    );
    expect(summary.evidence).toMatchObject({
      successfulRuns: 4,
      measuredRuns: 1,
      targetMs: DAY,
      unmeasured: [
        { cause: 'nothing-absorbed', runs: 2 },
        { cause: 'no-upstream', runs: 1 },
      ],
    });
    expect(summary.p95Ms).toBe(2 * HOUR);
  });

  it('is unknown, never zero, with nothing measured', () => {
    const none = summarizeLeadTimes([], '1d', NOW);
    expect(none.p95Ms).toBeNull();
    expect(none.overTarget).toBeNull();
    expect(none.summary).toMatch(/No successful run/);
    const unmeasured = summarizeLeadTimes(
      [{ finishedAt: ago(HOUR), leadTimeMs: null, cause: 'nothing-absorbed' }],
      '1d',
      NOW,
    );
    expect(unmeasured.p95Ms).toBeNull();
    expect(unmeasured.summary).toContain('nothing-absorbed 1');
  });

  it('P50 ≤ P95, both values some run had', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * DAY }), { minLength: 1 }),
        values => {
          const summary = summarizeLeadTimes(
            values.map(v => ({
              finishedAt: ago(HOUR),
              leadTimeMs: v,
              cause: null,
            })),
            '1d',
            NOW,
          );
          expect(summary.p50Ms!).toBeLessThanOrEqual(summary.p95Ms!);
          expect(values).toContain(summary.p50Ms);
          expect(values).toContain(summary.p95Ms);
        },
      ),
    );
  });
});
