import { DAY, HOUR, MINUTE, NOW } from './__fixtures__/runs';
import type { ScoringRun } from './runs';
import { measureRunWindow } from './window';

const at = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('measureRunWindow', () => {
  it('keeps finished runs with finishedAt in [now − window, now]', () => {
    const runs: ScoringRun[] = [
      { runId: 'too-old', status: 'success', finishedAt: at(30 * DAY + 1) },
      { runId: 'first', status: 'success', finishedAt: at(30 * DAY) },
      { runId: 'now', status: 'failed', finishedAt: NOW.getTime() },
      { runId: 'future', status: 'success', finishedAt: NOW.getTime() + 1 },
      { runId: 'running', status: 'running', startedAt: at(HOUR) },
      { runId: 'running-with-time', status: 'running', finishedAt: at(HOUR) },
      { runId: 'unreadable', status: 'success', finishedAt: 'yesterday' },
      { runId: 'no-finish', status: 'success' },
    ];
    const window = measureRunWindow(runs, NOW, 30);
    expect(window.runs.map(r => r.runId)).toEqual(['first', 'now']);
    expect(window).toMatchObject({
      from: '2026-03-01T12:00:00.000Z',
      to: '2026-03-31T12:00:00.000Z',
      days: 30,
      successfulRuns: 1,
      failedRuns: 1,
    });
  });

  it('orders runs by finish to find each one’s previous successful run', () => {
    // Given newest first, without watermarks: lags are the gaps between
    // successive successful finishes (10 min, then 20 min); the failed run
    // in between does not count as "previous".
    const runs: ScoringRun[] = [
      { runId: 'c', status: 'success', finishedAt: at(HOUR) },
      { runId: 'b2', status: 'failed', finishedAt: at(HOUR + 5 * MINUTE) },
      { runId: 'b', status: 'success', finishedAt: at(HOUR + 20 * MINUTE) },
      { runId: 'a', status: 'success', finishedAt: at(HOUR + 30 * MINUTE) },
    ];
    const window = measureRunWindow(runs, NOW, 30);
    expect(window.runs.map(r => r.runId)).toEqual(['a', 'b', 'b2', 'c']);
    expect(Array.from(window.lagsMs)).toEqual([10 * MINUTE, 20 * MINUTE]);
  });

  it('does not use a run before the window as the previous one', () => {
    const runs: ScoringRun[] = [
      { runId: 'old', status: 'success', finishedAt: at(31 * DAY) },
      { runId: 'new', status: 'success', finishedAt: at(DAY) },
    ];
    expect(measureRunWindow(runs, NOW, 30).lagsMs).toHaveLength(0);
  });

  it('mixes watermark lags and previous-run lags, sorted ascending', () => {
    const runs: ScoringRun[] = [
      {
        runId: 'a',
        status: 'success',
        finishedAt: at(3 * HOUR),
        watermark: at(3 * HOUR + 50 * MINUTE),
      },
      { runId: 'b', status: 'success', finishedAt: at(2 * HOUR) },
      {
        runId: 'c',
        status: 'success',
        finishedAt: at(HOUR),
        watermark: at(HOUR + 5 * MINUTE),
      },
    ];
    expect(Array.from(measureRunWindow(runs, NOW, 30).lagsMs)).toEqual([
      5 * MINUTE,
      50 * MINUTE,
      60 * MINUTE,
    ]);
  });

  it('honours another window length', () => {
    const runs: ScoringRun[] = [
      { runId: 'a', status: 'success', finishedAt: at(8 * DAY) },
      { runId: 'b', status: 'success', finishedAt: at(6 * DAY) },
    ];
    expect(measureRunWindow(runs, NOW, 7).runs.map(r => r.runId)).toEqual([
      'b',
    ]);
  });
});
