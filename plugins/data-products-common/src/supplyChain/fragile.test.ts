import { judgeFragile } from './fragile';

const lead = (overTarget: boolean | null) => ({
  overTarget,
  summary: 'lead time summary',
});
const vol = (level: 'low' | 'medium' | 'high' | null) => ({
  lag: {
    value: level ? 1 : null,
    level,
    values: 10,
    mean: null,
    standardDeviation: null,
    summary: 'volatility summary',
  },
});

describe('judgeFragile', () => {
  it('is fragile only with P95 lead time over target and high volatility', () => {
    expect(judgeFragile(lead(true), vol('high')).fragile).toBe(true);
    expect(judgeFragile(lead(true), vol('medium')).fragile).toBe(false);
    expect(judgeFragile(lead(false), vol('high')).fragile).toBe(false);
  });

  it('says not fragile when one condition is known false, and unknown otherwise', () => {
    expect(judgeFragile(lead(false), vol(null)).fragile).toBe(false);
    expect(judgeFragile(lead(null), vol('low')).fragile).toBe(false);
    const unknown = judgeFragile(lead(null), vol('high'));
    expect(unknown.fragile).toBeNull();
    expect(unknown.summary).toContain('lead time summary');
    expect(judgeFragile(lead(true), vol(null)).fragile).toBeNull();
  });
});
