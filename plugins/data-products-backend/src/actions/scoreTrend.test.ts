import { ScorecardSnapshot } from '../database/ScorecardSnapshotStore';
import { scoreTrend } from './scoreTrend';

const scores = {
  freshness: 4,
  reliability: 5,
  quality: null,
  stability: 3,
  contract: 5,
  ownership: 5,
  reuse: 2,
};

function snapshot(
  day: string,
  overall: number | null,
  changes: Partial<typeof scores> = {},
): ScorecardSnapshot {
  return {
    entityRef: 'dataproduct:default/orders-core',
    takenAt: new Date(`${day}T06:00:00Z`),
    overall,
    scores: { ...scores, ...changes },
    evidence: {},
    window: { from: day, to: day, runs: 0 },
  };
}

describe('scoreTrend', () => {
  it('is null without snapshots', () => {
    expect(scoreTrend([])).toBeNull();
  });

  it('compares the oldest snapshot with the latest', () => {
    expect(
      scoreTrend([
        snapshot('2026-11-01', 4.0),
        snapshot('2026-11-15', 3.0, { freshness: 1 }),
        snapshot('2026-11-25', 3.5, { freshness: 2, reuse: 3 }),
      ]),
    ).toEqual({
      since: '2026-11-01T06:00:00.000Z',
      snapshots: 3,
      overallThen: 4.0,
      overallNow: 3.5,
      direction: 'declining',
      changed: [
        { dimension: 'freshness', from: 4, to: 2 },
        { dimension: 'reuse', from: 2, to: 3 },
      ],
    });
  });

  it('is steady with one snapshot, and unknown without an overall score', () => {
    expect(scoreTrend([snapshot('2026-11-01', 4.2)])).toMatchObject({
      direction: 'steady',
      changed: [],
    });
    expect(
      scoreTrend([snapshot('2026-11-01', null), snapshot('2026-11-02', 3)]),
    ).toMatchObject({ direction: 'unknown' });
    expect(
      scoreTrend([snapshot('2026-11-01', 3), snapshot('2026-11-02', 3.1)]),
    ).toMatchObject({ direction: 'improving' });
  });
});
