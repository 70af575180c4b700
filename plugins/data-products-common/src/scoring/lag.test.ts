import { freshnessLagMs } from './lag';

describe('freshnessLagMs', () => {
  it('is finishedAt − watermark when there is a watermark', () => {
    expect(
      freshnessLagMs(
        {
          finishedAt: '2026-03-01T06:41:00Z',
          watermark: '2026-03-01T06:00:00Z',
        },
        { finishedAt: '2026-02-28T06:00:00Z' },
      ),
    ).toBe(41 * 60_000);
  });

  it('counts from the previous successful run without a watermark', () => {
    expect(
      freshnessLagMs(
        { finishedAt: '2026-03-01T06:41:00Z' },
        { finishedAt: '2026-03-01T05:41:00Z' },
      ),
    ).toBe(60 * 60_000);
  });

  it('is undefined with neither', () => {
    expect(
      freshnessLagMs({ finishedAt: '2026-03-01T06:41:00Z' }),
    ).toBeUndefined();
    expect(
      freshnessLagMs({ finishedAt: '2026-03-01T06:41:00Z' }, {}),
    ).toBeUndefined();
    expect(
      freshnessLagMs({ watermark: '2026-03-01T06:41:00Z' }),
    ).toBeUndefined();
  });

  it('accepts epoch milliseconds and Dates', () => {
    expect(
      freshnessLagMs({ finishedAt: new Date(10_000), watermark: 4_000 }),
    ).toBe(6_000);
    expect(
      freshnessLagMs({ finishedAt: 10_000 }, { finishedAt: new Date(1_000) }),
    ).toBe(9_000);
  });

  it('treats an unreadable watermark as missing', () => {
    expect(
      freshnessLagMs(
        { finishedAt: 10_000, watermark: 'soon' },
        { finishedAt: 7_000 },
      ),
    ).toBe(3_000);
  });
});
