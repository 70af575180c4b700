import {
  durationMilliseconds,
  isRunExpired,
  retentionCutoff,
  runAgesFrom,
} from './runRetention';

const DAY_MS = 86_400_000;

describe('runRetention', () => {
  it('puts the cutoff the retention before now', () => {
    expect(
      retentionCutoff(new Date('2026-07-05T12:00:00.000Z'), 400 * DAY_MS),
    ).toEqual(new Date('2025-05-31T12:00:00.000Z'));
  });

  it('adds up every unit of a duration', () => {
    expect(
      durationMilliseconds({ weeks: 1, days: 2, hours: 3, milliseconds: 4 }),
    ).toBe(9 * DAY_MS + 3 * 3_600_000 + 4);
    expect(durationMilliseconds({ months: 12 })).toBe(365.25 * DAY_MS);
  });

  const cutoff = new Date('2025-06-01T00:00:00.000Z');

  it('ages a finished run from its finish, keeping one that finished at the cutoff', () => {
    const eventTime = new Date('2025-07-01T00:00:00.000Z');
    expect(
      isRunExpired(
        { finishedAt: new Date('2025-05-31T23:59:59.999Z'), eventTime },
        cutoff,
      ),
    ).toBe(true);
    expect(isRunExpired({ finishedAt: cutoff, eventTime }, cutoff)).toBe(false);
  });

  it('ages a run never finished from its last event, not its start', () => {
    const stream = { eventTime: new Date('2025-06-10T00:00:00.000Z') };
    expect(runAgesFrom(stream)).toEqual(stream.eventTime);
    expect(isRunExpired(stream, cutoff)).toBe(false);
    expect(
      isRunExpired({ eventTime: new Date('2025-05-01T00:00:00.000Z') }, cutoff),
    ).toBe(true);
  });
});
