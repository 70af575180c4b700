import { daysToCompute, endOfDayMs } from './daysToCompute';

const NOW = new Date('2026-06-15T10:00:00.000Z');
const settings = { windowDays: 30, historyDays: 90 };
const iso = (days: Date[]) => days.map(day => day.toISOString());
/** One run, finished at `at`. */
const run = (at: string) => ({ first: new Date(at), last: new Date(at) });

describe('daysToCompute', () => {
  it('is empty when nothing changed', () => {
    expect(daysToCompute(undefined, NOW, settings)).toEqual([]);
    const bad = new Date('not a date');
    expect(daysToCompute({ first: bad, last: bad }, NOW, settings)).toEqual([]);
  });

  it('recomputes the days whose windows hold a late run, up to yesterday', () => {
    // Finished 12 June 22:00: in the windows of 12, 13 and 14 June (15 June
    // is today, the live snapshot's).
    expect(
      iso(daysToCompute(run('2026-06-12T22:00:00.000Z'), NOW, settings)),
    ).toEqual([
      '2026-06-12T23:59:59.999Z',
      '2026-06-13T23:59:59.999Z',
      '2026-06-14T23:59:59.999Z',
    ]);
  });

  it('stops where the run leaves the window', () => {
    // Finished 1 May 06:00 with a 30-day window: days 1 May … 31 May
    // (31 May 06:00 is 30 days later, so 31 May's window still holds it).
    const days = daysToCompute(run('2026-05-01T06:00:00.000Z'), NOW, settings);
    expect(days).toHaveLength(31);
    expect(days[0].toISOString()).toBe('2026-05-01T23:59:59.999Z');
    expect(days[30].toISOString()).toBe('2026-05-31T23:59:59.999Z');
  });

  it('never reaches back further than the history', () => {
    // A product never computed, runs since 2025: 90 days of history
    // before 15 June, 17 March … 14 June.
    const days = daysToCompute(
      { first: new Date('2025-01-01T00:00:00.000Z'), last: NOW },
      NOW,
      settings,
    );
    expect(days).toHaveLength(90);
    expect(days[0].toISOString()).toBe('2026-03-17T23:59:59.999Z');
    expect(days[89].toISOString()).toBe('2026-06-14T23:59:59.999Z');
  });

  it('spans every day from the first changed run to the window after the last', () => {
    // A replay of runs finished 1 and 10 June, 5-day windows: 1 … 15 June,
    // cut at yesterday, 14 June.
    const days = daysToCompute(
      {
        first: new Date('2026-06-01T08:00:00.000Z'),
        last: new Date('2026-06-10T08:00:00.000Z'),
      },
      NOW,
      { windowDays: 5, historyDays: 90 },
    );
    expect(days).toHaveLength(14);
    expect(days[13].toISOString()).toBe('2026-06-14T23:59:59.999Z');
  });

  it('leaves today and later to the live snapshot', () => {
    expect(
      daysToCompute(run('2026-06-15T01:00:00.000Z'), NOW, settings),
    ).toEqual([]);
    expect(
      daysToCompute(run('2026-07-01T00:00:00.000Z'), NOW, settings),
    ).toEqual([]);
  });

  it('ends a day at its last millisecond', () => {
    expect(
      new Date(
        endOfDayMs(Date.parse('2026-06-12T00:00:00.000Z')),
      ).toISOString(),
    ).toBe('2026-06-12T23:59:59.999Z');
  });
});
