import { calendarQuarter, scoreStability } from './stability';

const evidence = (...openedAt: Array<string | number | Date>) => ({
  openedAt,
  hasStabilityEvidence: true,
});

describe('calendarQuarter', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-Q1', '2026-01-01', '2026-04-01'],
    ['2026-03-31T23:59:59.999Z', '2026-Q1', '2026-01-01', '2026-04-01'],
    ['2026-04-01T00:00:00Z', '2026-Q2', '2026-04-01', '2026-07-01'],
    ['2026-09-30T12:00:00Z', '2026-Q3', '2026-07-01', '2026-10-01'],
    ['2026-12-31T23:59:59Z', '2026-Q4', '2026-10-01', '2027-01-01'],
  ])('%s is in %s', (now, label, from, to) => {
    expect(calendarQuarter(new Date(now))).toEqual({
      label,
      fromMs: Date.parse(`${from}T00:00:00Z`),
      toMs: Date.parse(`${to}T00:00:00Z`),
    });
  });
});

describe('scoreStability', () => {
  const now = new Date('2026-05-15T10:00:00Z');
  const inQuarter = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `2026-04-${String(i + 1).padStart(2, '0')}T08:00:00Z`,
    );

  it.each([
    [0, 5],
    [1, 4],
    [2, 3],
    [3, 2],
    [4, 2],
    [5, 1],
    [9, 1],
  ])('%i incidents this quarter scores %i', (count, expected) => {
    const result = scoreStability(evidence(...inQuarter(count)), now);
    expect(result.evidence.incidents).toBe(count);
    expect(result.score).toBe(expected);
  });

  it('counts only incidents inside the quarter containing now', () => {
    const result = scoreStability(
      evidence(
        '2026-03-31T23:59:59.999Z', // last instant of Q1
        '2026-04-01T00:00:00Z', // first instant of Q2
        new Date('2026-06-30T23:59:59.999Z'), // last instant of Q2
        Date.parse('2026-07-01T00:00:00Z'), // Q3
      ),
      now,
    );
    expect(result.evidence.incidents).toBe(2);
    expect(result.score).toBe(3);
    expect(result.evidence.quarter).toEqual({
      label: '2026-Q2',
      from: '2026-04-01T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
    });
    expect(result.summary).toBe(
      '2 schema drift incidents this quarter (2026-Q2)',
    );
  });

  it('starts the count afresh on the first instant of a quarter', () => {
    const incidents = evidence('2026-03-15T00:00:00Z', '2026-03-31T23:59:59Z');
    expect(
      scoreStability(incidents, new Date('2026-03-31T23:59:59.999Z')).score,
    ).toBe(3);
    expect(
      scoreStability(incidents, new Date('2026-04-01T00:00:00Z')).score,
    ).toBe(5);
  });

  it('is unknown without an observed schema or a contract change', () => {
    for (const drift of [
      undefined,
      { openedAt: [], hasStabilityEvidence: false },
    ]) {
      const result = scoreStability(drift, now);
      expect(result.score).toBeNull();
      expect(result.evidence.hasEvidence).toBe(false);
    }
  });

  it('treats a recorded incident as evidence', () => {
    const result = scoreStability(
      { openedAt: ['2025-01-01T00:00:00Z'], hasStabilityEvidence: false },
      now,
    );
    expect(result.score).toBe(5);
    expect(result.summary).toBe('No schema drift this quarter (2026-Q2)');
  });
});
