import { ConfigReader } from '@backstage/config';
import { readDataProductsConfig } from './config';

const DAY_MS = 86_400_000;

/** A value app-config may hold. */
type ConfigValue = NonNullable<
  ConstructorParameters<typeof ConfigReader>[0]
>[string];

function read(stockroom: ConfigValue) {
  return readDataProductsConfig(new ConfigReader({ stockroom }));
}

describe('readDataProductsConfig: runs retention', () => {
  it('keeps runs 400 days and prunes hourly by default', () => {
    expect(read({}).runsRetention).toEqual({
      retention: { days: 400 },
      retentionMs: 400 * DAY_MS,
      pruningFrequency: { hours: 1 },
    });
  });

  it.each([
    [{ days: 500 }, 500 * DAY_MS],
    ['P500D', 500 * DAY_MS],
    // '400d' reads as 1 year, 4 weeks and 7 days less 6 hours: 400 days.
    ['400d', 400 * DAY_MS],
    [{ weeks: 20 }, 140 * DAY_MS],
    // A year is 365.25 days.
    [{ years: 1 }, 365.25 * DAY_MS],
  ])('reads retention %p as %p ms', (retention, ms) => {
    expect(read({ runs: { retention } }).runsRetention.retentionMs).toBe(ms);
  });

  it.each([[{ days: 0 }], [{ days: -30 }], ['0ms']])(
    'refuses a retention of %p, naming the key',
    retention => {
      expect(() => read({ runs: { retention } })).toThrow(
        /^stockroom\.runs\.retention is .*; it must be a duration longer than 0, e\.g\. \{ days: 400 \}$/,
      );
    },
  );

  it('refuses a retention shorter than the runs scoring reads, naming the keys', () => {
    // 30-day window + 90 days of history + 1 = 121 days.
    expect(() => read({ runs: { retention: { days: 120 } } })).toThrow(
      'stockroom.runs.retention is {"days":120} (120 days); it must be at least 121 days: stockroom.scoring.windowDays (30) + stockroom.scoring.history.days (90) + 1, the oldest runs the scorecards and their history are computed from',
    );
    expect(
      read({ runs: { retention: { days: 121 } } }).runsRetention.retentionMs,
    ).toBe(121 * DAY_MS);
  });

  it('measures the least retention against the configured window and history', () => {
    const scoring = { windowDays: 60, history: { days: 0 } };
    expect(() => read({ scoring, runs: { retention: { days: 60 } } })).toThrow(
      'it must be at least 61 days: stockroom.scoring.windowDays (60) + stockroom.scoring.history.days (0) + 1',
    );
    expect(
      read({ scoring, runs: { retention: '61d' } }).runsRetention.retentionMs,
    ).toBe(61 * DAY_MS);
  });

  it('names the key of a retention that is no duration', () => {
    expect(() => read({ runs: { retention: 'soon' } })).toThrow(
      "Invalid duration 'soon' in config at 'stockroom.runs.retention'",
    );
  });

  it('reads the pruning frequency and refuses a zero one, naming the key', () => {
    expect(
      read({ runs: { pruning: { frequency: 'PT15M' } } }).runsRetention
        .pruningFrequency,
    ).toEqual({ minutes: 15 });
    expect(() =>
      read({ runs: { pruning: { frequency: { minutes: 0 } } } }),
    ).toThrow(
      'stockroom.runs.pruning.frequency is {"minutes":0}; it must be a duration longer than 0, e.g. { hours: 1 }',
    );
  });
});

describe('readDataProductsConfig: inventory sync', () => {
  it('syncs every 15 seconds with a full pass hourly by default', () => {
    expect(read({}).inventorySync).toEqual({
      frequency: { seconds: 15 },
      fullPass: { hours: 1 },
      fullPassMs: 3_600_000,
    });
  });

  it('reads both durations in the usual forms', () => {
    const sync = read({
      inventory: { sync: { frequency: '30s', fullPass: { minutes: 20 } } },
    }).inventorySync;
    expect(sync.fullPassMs).toBe(20 * 60_000);
    expect(sync.fullPass).toEqual({ minutes: 20 });
    expect(sync.frequency).toEqual({ seconds: 30 });
  });

  it.each([
    [
      { frequency: { seconds: 0 } },
      'stockroom.inventory.sync.frequency is {"seconds":0}; it must be a duration longer than 0, e.g. { seconds: 15 }',
    ],
    [
      { fullPass: '0ms' },
      'stockroom.inventory.sync.fullPass is {"milliseconds":0}; it must be a duration longer than 0, e.g. { hours: 1 }',
    ],
  ])('refuses %j, naming the key', (sync, message) => {
    expect(() => read({ inventory: { sync } })).toThrow(message);
  });

  it('names the key of a value that is no duration', () => {
    expect(() => read({ inventory: { sync: { frequency: 'often' } } })).toThrow(
      'stockroom.inventory.sync.frequency',
    );
  });
});
