import { HOUR, MINUTE, NOW, lags, runsWithLags } from './__fixtures__/runs';
import { computeScorecard, scoreRunWindow } from './computeScorecard';
import type { ScoringRun } from './runs';
import type { ScorableContract } from './types';
import { RunWindowMeter } from './window';

const before = (ms: number) => NOW.getTime() - ms;

describe('RunWindowMeter', () => {
  it('keeps counts, lags and per-column rate sums, not the runs', () => {
    const meter = new RunWindowMeter(NOW, 30);
    const runs: ScoringRun[] = [
      {
        runId: 'a',
        status: 'success',
        finishedAt: before(3 * HOUR),
        watermark: before(3 * HOUR + 50 * MINUTE),
      },
      {
        runId: 'b',
        status: 'failed',
        finishedAt: before(150 * MINUTE),
        rowCount: 10,
        columns: { id: { nullCount: 1 } },
      },
      {
        runId: 'c',
        status: 'success',
        finishedAt: before(2 * HOUR),
        rowCount: 4,
        columns: { id: { nullCount: 0, distinctCount: 3 } },
      },
      { runId: 'd', status: 'running', startedAt: before(90 * MINUTE) },
      { runId: 'e', status: 'aborted', finishedAt: before(80 * MINUTE) },
      {
        runId: 'f',
        status: 'success',
        finishedAt: before(HOUR),
        watermark: before(HOUR + 5 * MINUTE),
      },
    ];
    for (const run of runs) meter.add(run);

    const window = meter.result();
    // a, b, c, f: the running and the aborted run are not scored.
    expect(window.runCount).toBe(4);
    expect(window.successfulRuns).toBe(3);
    expect(window.failedRuns).toBe(1);
    // a: 50 min by its watermark; c: none, 1 h since a; f: 5 min.
    expect(Array.from(window.lagsMs)).toEqual([
      5 * MINUTE,
      50 * MINUTE,
      60 * MINUTE,
    ]);
    // b: 1 of 10 null; c: 0 of 4 null, 3 distinct of 4 = 0.25 duplicates.
    expect(window.columnRates.get('id')).toEqual({
      nullRate: { sum: 0.1, runs: 2 },
      duplicateRate: { sum: 0.25, runs: 1 },
    });
    expect(window.runsReportColumns).toBe(true);
  });

  it('refuses a run older than the one before it: lags need the order', () => {
    const meter = new RunWindowMeter(NOW, 30);
    meter.add({ runId: 'late', status: 'success', finishedAt: before(HOUR) });
    expect(() =>
      meter.add({
        runId: 'early',
        status: 'success',
        finishedAt: before(2 * HOUR),
      }),
    ).toThrow(
      'Runs must be measured oldest first: early finished before the run measured last',
    );
  });

  it('can be read mid-way and fed on', () => {
    const meter = new RunWindowMeter(NOW, 30);
    const runs = runsWithLags([30 * MINUTE, 10 * MINUTE, 20 * MINUTE]);
    meter.add(runs[0]);
    meter.add(runs[1]);
    expect(Array.from(meter.result().lagsMs)).toEqual([
      10 * MINUTE,
      30 * MINUTE,
    ]);
    meter.add(runs[2]);
    expect(Array.from(meter.result().lagsMs)).toEqual([
      10 * MINUTE,
      20 * MINUTE,
      30 * MINUTE,
    ]);
  });

  it('scores runs fed in chunks exactly as the whole list', () => {
    // 3,000 runs (more than the meter's first lag buffer), every tenth
    // late, every 97th failed, with null counts whose mean is not a round
    // binary fraction: any change of summing order would show.
    const runs: ScoringRun[] = runsWithLags(
      lags(3000, 10 * MINUTE, ...Array(300).fill(45 * MINUTE)),
    ).map((run, i) => ({
      ...run,
      status: i % 97 === 0 ? 'failed' : 'success',
      rowCount: 3 + (i % 7),
      columns: { customer_id: { nullCount: i % 3, distinctCount: 2 } },
    }));
    const contract: ScorableContract = {
      schema: [{ name: 'customer_id', type: 'string', key: 'primary' }],
      freshness: { p95: '30m', p99: '1h' },
      quality: {
        keyFields: ['customer_id'],
        maxNullRate: 0.2,
        maxDuplicateRate: 0.5,
      },
    };
    const facts = {
      contract,
      ownership: { ownerIsGroup: true, groupHasMembers: true },
      consumerCount: 2,
    };
    const meter = new RunWindowMeter(NOW, 30);
    for (let i = 0; i < runs.length; i += 128) {
      for (const run of runs.slice(i, i + 128)) meter.add(run);
    }

    expect(scoreRunWindow(meter.result(), facts, NOW)).toEqual(
      computeScorecard({ ...facts, runs }, NOW),
    );
  });
});
