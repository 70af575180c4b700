import { NOW, measuredRun } from './__fixtures__/runs';
import { scoreQuality, scoreQualityRate } from './quality';
import { meanDuplicateRate, meanNullRate } from './rates';
import type { ScoringRun } from './runs';
import type { ScorableContract } from './types';
import { measureRunWindow } from './window';

const contract = (
  quality: ScorableContract['quality'],
  primary: string[] = ['customer_id'],
): ScorableContract => ({
  schema: [
    ...primary.map(name => ({ name, type: 'string', key: 'primary' as const })),
    { name: 'email', type: 'string' },
  ],
  quality,
});

function score(runs: ScoringRun[], c: ScorableContract | undefined) {
  return scoreQuality(measureRunWindow(runs, NOW, 30), c);
}

/** Runs of 10,000 rows with these null counts of customer_id. */
const withNulls = (...nullCounts: number[]) =>
  nullCounts.map((n, i) =>
    measuredRun(`r${i}`, 10_000, 'customer_id', { nullCount: n }),
  );

describe('rates', () => {
  it('averages per-run rates over the runs that report them', () => {
    const runs: ScoringRun[] = [
      measuredRun('a', 100, 'c', { nullCount: 1, distinctCount: 90 }),
      measuredRun('b', 1000, 'c', { nullCount: 30, distinctCount: 1000 }),
      measuredRun('c', 1000, 'other', { nullCount: 500 }),
      measuredRun('d', undefined, 'c', { nullCount: 5 }), // no rowCount
      measuredRun('e', 0, 'c', { nullCount: 0, distinctCount: 0 }), // no rows
    ];
    // null: (0.01 + 0.03) / 2; duplicates: (0.1 + 0) / 2
    expect(meanNullRate(runs, 'c')).toEqual({ rate: 0.02, runs: 2 });
    expect(meanDuplicateRate(runs, 'c')).toEqual({
      rate: expect.closeTo(0.05, 12),
      runs: 2,
    });
    expect(meanNullRate(runs, 'missing')).toEqual({ runs: 0 });
  });

  it('never lets an impossible distinct count make a negative rate', () => {
    const runs = [measuredRun('a', 10, 'c', { distinctCount: 12 })];
    expect(meanDuplicateRate(runs, 'c')).toEqual({ rate: 0, runs: 1 });
  });
});

describe('scoreQualityRate', () => {
  it.each([
    // rate, max, score: ratio = rate / max on 1 / 2 / 5 / 10
    [0, 0.001, 5],
    [0.001, 0.001, 5],
    [0.0011, 0.001, 4],
    [0.002, 0.001, 4],
    [0.0021, 0.001, 3],
    [0.005, 0.001, 3],
    [0.0051, 0.001, 2],
    [0.01, 0.001, 2],
    [0.0101, 0.001, 1],
    [0.7, 0.1, 2], // 7× (6.999999999999999 in floating point)
    [0.1001, 0.01, 1],
    [0.3, 0.1, 3], // 0.3 / 0.1 is 2.9999999999999996
    [0.06, 0.02, 3], // 0.06 / 0.02 is 2.9999999999999996
    [0.02, 0.01, 4],
  ])('rate %s against max %s scores %i', (rate, max, expected) => {
    expect(scoreQualityRate(rate, max)).toBe(expected);
  });

  it.each([
    // max 0: 0 → 5, ≤ 0.001 → 3, else 1
    [0, 5],
    [0.0005, 3],
    [0.001, 3],
    [0.0011, 1],
    [0.5, 1],
  ])('rate %s against max 0 scores %i', (rate, expected) => {
    expect(scoreQualityRate(rate, 0)).toBe(expected);
  });
});

describe('scoreQuality', () => {
  const declared = contract({
    keyFields: ['customer_id'],
    maxNullRate: 0.001,
    maxDuplicateRate: 0,
  });

  it('scores the mean null rate of a key field', () => {
    // (10 + 30) / 2 nulls per 10,000 = 0.002 = 2 × max → 4
    const result = score(
      withNulls(10, 30),
      contract({ keyFields: ['customer_id'], maxNullRate: 0.001 }),
    );
    expect(result.score).toBe(4);
    expect(result.evidence.checks).toEqual([
      {
        field: 'customer_id',
        metric: 'nullRate',
        rate: expect.closeTo(0.002, 12),
        max: 0.001,
        ratio: expect.closeTo(2, 9),
        runs: 2,
        score: 4,
      },
    ]);
    expect(result.summary).toBe(
      'customer_id null rate 0.2% vs 0.1% allowed (2× the max) over 2 runs',
    );
  });

  it('also checks duplicates of a primary key field; the worst decides', () => {
    const runs = [
      measuredRun('a', 10_000, 'customer_id', {
        nullCount: 0,
        distinctCount: 10_000,
      }),
      measuredRun('b', 10_000, 'customer_id', {
        nullCount: 0,
        distinctCount: 9_990,
      }),
    ];
    // nulls 0 → 5; duplicates (0 + 0.001) / 2 = 0.0005 against max 0 → 3
    const result = score(runs, declared);
    expect(result.evidence.checks.map(c => [c.metric, c.score])).toEqual([
      ['nullRate', 5],
      ['duplicateRate', 3],
    ]);
    expect(result.score).toBe(3);
    expect(result.evidence.worst).toEqual({
      field: 'customer_id',
      metric: 'duplicateRate',
    });
    expect(result.summary).toBe(
      'Worst of 2 checks: customer_id duplicate rate 0.05% vs 0% allowed over 2 runs',
    );
  });

  it('does not check duplicates of a key field that is not a primary key', () => {
    const c = contract(
      { keyFields: ['email'], maxNullRate: 0.01, maxDuplicateRate: 0 },
      [],
    );
    const runs = [
      measuredRun('a', 100, 'email', { nullCount: 0, distinctCount: 50 }),
    ];
    expect(score(runs, c).evidence.checks.map(c2 => c2.metric)).toEqual([
      'nullRate',
    ]);
    expect(score(runs, c).score).toBe(5);
  });

  it('takes the worst key field', () => {
    const c = contract({
      keyFields: ['customer_id', 'email'],
      maxNullRate: 0.01,
    });
    const runs: ScoringRun[] = [
      {
        runId: 'a',
        status: 'success',
        finishedAt: NOW.getTime() - 1,
        rowCount: 1000,
        // customer_id 0.005 → ratio 0.5 → 5; email 0.06 → ratio 6 → 2
        columns: { customer_id: { nullCount: 5 }, email: { nullCount: 60 } },
      },
    ];
    const result = score(runs, c);
    expect(result.score).toBe(2);
    expect(result.evidence.worst).toEqual({
      field: 'email',
      metric: 'nullRate',
    });
  });

  it('counts failed runs that report counts too', () => {
    const runs = withNulls(0);
    runs.push({
      ...measuredRun('f', 100, 'customer_id', { nullCount: 2 }),
      status: 'failed',
    });
    // (0 + 0.02) / 2 = 0.01 = 10 × 0.001 → 2
    expect(
      score(runs, contract({ keyFields: ['customer_id'], maxNullRate: 0.001 }))
        .score,
    ).toBe(2);
  });

  it('ignores runs outside the window', () => {
    const old = {
      ...measuredRun('old', 100, 'customer_id', { nullCount: 100 }),
      finishedAt: '2026-01-01T00:00:00Z',
    };
    expect(
      score([...withNulls(0), old], declared).evidence.checks[0].runs,
    ).toBe(1);
  });

  describe('is unknown', () => {
    it('without key fields', () => {
      const result = score(withNulls(0), contract({ maxNullRate: 0.001 }));
      expect(result.score).toBeNull();
      expect(result.summary).toMatch(/quality\.keyFields/);
    });

    it('without a maximum', () => {
      const result = score(
        withNulls(0),
        contract({ keyFields: ['customer_id'] }),
      );
      expect(result.score).toBeNull();
      expect(result.summary).toMatch(/maxNullRate/);
      expect(score(withNulls(0), undefined).score).toBeNull();
    });

    it('with only a duplicate maximum and no primary key among the key fields', () => {
      const c = contract({ keyFields: ['email'], maxDuplicateRate: 0 });
      expect(score(withNulls(0), c).score).toBeNull();
    });

    it('when no run reports the counts', () => {
      const runs = [measuredRun('a', 100, 'email', { nullCount: 1 })];
      const result = score(runs, declared);
      expect(result.score).toBeNull();
      expect(result.evidence.checks.map(c => c.rate)).toEqual([null, null]);
      expect(result.summary).toBe(
        'No run or check in the last 30 days reported null or distinct counts for customer_id',
      );
    });
  });

  it('is known from a duplicate check alone when no null max is declared', () => {
    const runs = [measuredRun('a', 100, 'customer_id', { distinctCount: 100 })];
    const c = contract({ keyFields: ['customer_id'], maxDuplicateRate: 0 });
    expect(score(runs, c).score).toBe(5);
  });
});

describe('scoreQuality from other jobs\' checks (standards.md "quality checks on inputs")', () => {
  const ge = (
    at: string,
    rowCount: number,
    nullCount: number,
    assertions?: Array<{
      assertion: string;
      column?: string;
      success: boolean;
    }>,
  ) => ({
    observedAt: at,
    source: 'Great Expectations',
    rowCount,
    columns: { customer_id: { nullCount } },
    ...(assertions ? { assertions } : {}),
  });
  const window = (runs: ScoringRun[] = []) => measureRunWindow(runs, NOW, 30);

  it('scores null counts a check reported on an input, naming its source', () => {
    // 2 of 10 rows null = 0.2 against max 0.05: ratio 4 → 3 (≤ 5×)
    const result = scoreQuality(
      window(),
      contract({ keyFields: ['customer_id'], maxNullRate: 0.05 }),
      undefined,
      [ge('2026-03-30T00:00:00Z', 10, 2)],
    );
    expect(result.score).toBe(3);
    expect(result.evidence.observations).toBe(1);
    expect(result.evidence.sources).toEqual(['Great Expectations']);
    expect(result.evidence.latest).toBe(
      'Great Expectations: 2 of 10 rows null in customer_id',
    );
    expect(result.summary).toContain(
      'latest: Great Expectations: 2 of 10 rows null in customer_id',
    );
  });

  it("averages checks with the runs' own counts, and ignores checks outside the window", () => {
    // run: 0 of 10,000 null; check: 1 of 100 null (0.01); mean 0.005 vs
    // max 0.005 → ratio 1 → 5. The old check (0.5) is outside the window.
    const result = scoreQuality(
      window(withNulls(0)),
      contract({ keyFields: ['customer_id'], maxNullRate: 0.005 }),
      undefined,
      [ge('2026-03-30T00:00:00Z', 100, 1), ge('2026-02-01T00:00:00Z', 100, 50)],
    );
    expect(result.evidence.checks[0].rate).toBeCloseTo(0.005, 12);
    expect(result.evidence.checks[0].runs).toBe(2);
    expect(result.score).toBe(5);
    expect(result.evidence.sources).toEqual(['runs', 'Great Expectations']);
  });

  it('scores the share of failed key-field assertions, and takes the worse of the two', () => {
    // 1 of 20 key-field assertions failed = 5 % → 3; null rate 0 → 5.
    // The failing assertion on another column does not count.
    const assertions = [
      ...Array.from({ length: 19 }, (_, i) => ({
        assertion: `not_null_${i}`,
        column: 'customer_id',
        success: true,
      })),
      { assertion: 'unique', column: 'customer_id', success: false },
      { assertion: 'accepted_values', column: 'email', success: false },
    ];
    const result = scoreQuality(
      window(),
      contract({ keyFields: ['customer_id'], maxNullRate: 0.01 }),
      undefined,
      [ge('2026-03-30T00:00:00Z', 100, 0, assertions)],
    );
    expect(result.evidence.assertions).toMatchObject({
      total: 20,
      failed: 1,
      failureRate: 0.05,
      score: 3,
      failures: [
        {
          source: 'Great Expectations',
          assertion: 'unique',
          column: 'customer_id',
        },
      ],
    });
    expect(result.score).toBe(3);
    expect(result.summary).toBe(
      'Assertions: 1 failed assertion of 20 (5%), latest: Great Expectations: unique on customer_id; customer_id null rate 0% vs 1% allowed (0× the max) over 1 run',
    );
  });

  it.each([
    [0, 10, 5],
    [1, 100, 4], // 1 %
    [2, 100, 3], // 2 %
    [10, 100, 2], // 10 %
    [11, 100, 1], // 11 %
  ])(
    'counts every assertion when no key field is named: %i of %i failed → %i',
    (failed, total, expected) => {
      const assertions = Array.from({ length: total }, (_, i) => ({
        assertion: `check_${i}`,
        success: i >= failed,
      }));
      const result = scoreQuality(window(), { schema: [] }, undefined, [
        { observedAt: '2026-03-30T00:00:00Z', source: 'dbt', assertions },
      ]);
      expect(result.score).toBe(expected);
      expect(result.evidence.assertions!.total).toBe(total);
    },
  );
});
