import fc from 'fast-check';
import {
  coefficientOfVariation,
  measureVolatility,
  successfulRowCounts,
} from './volatility';

const NOW = new Date('2026-05-15T12:00:00.000Z'); // in 2026-Q2
const five = (value: number) => Array(5).fill(value);

describe('coefficientOfVariation', () => {
  it('is the population standard deviation ÷ mean, graded low / medium / high', () => {
    // 4,4,4,4,4,6,6,6,6,6: mean 5, every deviation ±1 → σ 1 → 1/5 = 0.2: low.
    expect(
      coefficientOfVariation([...five(4), ...five(6)], 'lag'),
    ).toMatchObject({
      value: 0.2,
      level: 'low',
      mean: 5,
      standardDeviation: 1,
      values: 10,
    });
    // 3 ×5, 7 ×5: mean 5, σ 2 → 0.4: medium.
    expect(
      coefficientOfVariation([...five(3), ...five(7)], 'lag'),
    ).toMatchObject({ value: 0.4, level: 'medium' });
    // 1 ×5, 3 ×5: mean 2, σ 1 → 0.5: high (0.5 is high, not medium).
    expect(
      coefficientOfVariation([...five(1), ...five(3)], 'lag'),
    ).toMatchObject({ value: 0.5, level: 'high' });
  });

  it('is unknown below ten values, and for a mean that is not positive', () => {
    const nine = coefficientOfVariation([1, 2, 3, 4, 5, 6, 7, 8, 9], 'lag');
    expect(nine.value).toBeNull();
    expect(nine.summary).toContain('at least 10');
    const zero = coefficientOfVariation(Array(10).fill(0), 'row count');
    expect(zero.value).toBeNull();
    expect(zero.summary).toContain('mean row count is 0');
  });

  it('does not change when every value is scaled, and is never negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e6 }), {
          minLength: 10,
          maxLength: 50,
        }),
        fc.integer({ min: 2, max: 1000 }),
        (values, factor) => {
          const cv = coefficientOfVariation(values, 'lag').value!;
          const scaled = coefficientOfVariation(
            values.map(v => v * factor),
            'lag',
          ).value!;
          expect(cv).toBeGreaterThanOrEqual(0);
          expect(scaled).toBeCloseTo(cv, 9);
        },
      ),
    );
  });
});

describe('measureVolatility', () => {
  it('grades the lag, shows row-count swings and counts upstream drift this quarter', () => {
    const volatility = measureVolatility(
      {
        lagsMs: [...five(1), ...five(3)],
        rowCounts: [...five(1000), ...five(1000)],
        upstreamDrift: [
          // 2026-Q2 is [04-01, 07-01): two of these three count.
          {
            entityRef: 'dataproduct:default/a',
            openedAt: ['2026-03-31T23:59:59Z', '2026-04-01T00:00:00Z'],
          },
          {
            entityRef: 'dataproduct:default/b',
            openedAt: ['2026-05-01T00:00:00Z'],
          },
        ],
      },
      NOW,
    );
    expect(volatility.lag.level).toBe('high');
    expect(volatility.rowCount).toMatchObject({ value: 0, level: 'low' });
    expect(volatility.upstreamDrift).toEqual({
      quarter: '2026-Q2',
      incidents: 2,
      byUpstream: [
        { entityRef: 'dataproduct:default/a', incidents: 1 },
        { entityRef: 'dataproduct:default/b', incidents: 1 },
      ],
    });
  });

  it('takes row counts of successful runs only', () => {
    expect(
      successfulRowCounts([
        { status: 'success', rowCount: 10 },
        { status: 'failed', rowCount: 0 },
        { status: 'success' },
        { status: 'success', rowCount: Number.NaN },
        { status: 'success', rowCount: 12 },
      ]),
    ).toEqual([10, 12]);
  });
});
