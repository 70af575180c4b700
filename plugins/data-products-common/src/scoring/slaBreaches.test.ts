import { DAY, HOUR, MINUTE, NOW } from './__fixtures__/runs';
import { scoreReliability } from './reliability';
import type { ScoringRun } from './runs';
import { runSlaVerdicts, slaBreachLine } from './slaBreaches';
import { measureRunWindow } from './window';

const at = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('slaBreachLine', () => {
  it('is the p99, else the p95, else nothing', () => {
    expect(slaBreachLine({ p95: '30m', p99: '1h' })).toEqual({
      percentile: 'p99',
      ms: HOUR,
    });
    expect(slaBreachLine({ p95: '30m' })).toEqual({
      percentile: 'p95',
      ms: 30 * MINUTE,
    });
    expect(slaBreachLine({ tier: 'daily' })).toBeUndefined();
    expect(slaBreachLine(undefined)).toBeUndefined();
  });
});

describe('runSlaVerdicts', () => {
  const sla = { p95: '30m', p99: '1h' };

  it('breaches failed runs and runs lagging beyond the line, not at it', () => {
    expect(
      runSlaVerdicts(
        [
          {
            status: 'success',
            finishedAt: at(5 * HOUR),
            watermark: at(6 * HOUR),
          },
          {
            status: 'success',
            finishedAt: at(4 * HOUR),
            watermark: at(5 * HOUR + MINUTE),
          },
          { status: 'failed', finishedAt: at(3 * HOUR) },
          { status: 'running' },
        ],
        sla,
      ),
    ).toEqual([
      { lagMs: HOUR, breach: false, cause: null },
      { lagMs: HOUR + MINUTE, breach: true, cause: 'late' },
      { lagMs: null, breach: true, cause: 'failed' },
      { lagMs: null, breach: false, cause: null },
    ]);
  });

  it('measures a run without a watermark from the previous successful one', () => {
    expect(
      runSlaVerdicts(
        [
          { status: 'success', finishedAt: at(3 * HOUR) },
          { status: 'failed', finishedAt: at(2 * HOUR) },
          { status: 'success', finishedAt: at(30 * MINUTE) },
        ],
        { p95: '2h' },
        { finishedAt: at(3 * HOUR + 20 * MINUTE) },
      ),
    ).toEqual([
      { lagMs: 20 * MINUTE, breach: false, cause: null },
      { lagMs: null, breach: true, cause: 'failed' },
      // 3 h − 30 min since the last success: beyond the 2 h p95 line.
      { lagMs: 150 * MINUTE, breach: true, cause: 'late' },
    ]);
  });

  it('has no lag for the first run without a watermark or a run before it', () => {
    expect(
      runSlaVerdicts([{ status: 'success', finishedAt: at(HOUR) }], sla),
    ).toEqual([{ lagMs: null, breach: false, cause: null }]);
  });

  it('breaches only failures without an SLA', () => {
    expect(
      runSlaVerdicts(
        [
          { status: 'success', finishedAt: at(DAY), watermark: at(9 * DAY) },
          { status: 'failed', finishedAt: at(HOUR) },
        ],
        undefined,
      ).map(v => v.breach),
    ).toEqual([false, true]);
  });

  it('counts the breaches the reliability score counts', () => {
    const runs: ScoringRun[] = Array.from({ length: 60 }, (_, i) => {
      const finished = NOW.getTime() - (60 - i) * HOUR;
      if (i % 7 === 3) {
        return { runId: `r${i}`, status: 'failed', finishedAt: finished };
      }
      // Every fifth without a watermark; lags from 10 min to 2 h 10 min.
      const lag = ((i * 37) % 130) * MINUTE + 10 * MINUTE;
      return {
        runId: `r${i}`,
        status: 'success',
        finishedAt: finished,
        ...(i % 5 === 0 ? {} : { watermark: finished - lag }),
      };
    });
    for (const freshness of [sla, { p95: '45m' }, undefined]) {
      const verdicts = runSlaVerdicts(runs, freshness);
      const reliability = scoreReliability(
        measureRunWindow(runs, NOW, 30),
        freshness,
      );
      expect(verdicts.filter(v => v.breach)).toHaveLength(
        reliability.evidence.breaches,
      );
      expect(verdicts.filter(v => v.cause === 'late')).toHaveLength(
        reliability.evidence.lateRuns,
      );
    }
  });
});
