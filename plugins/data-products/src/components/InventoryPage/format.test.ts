import { daysLeftInMonth, formatCompactMoney } from './format';

describe('formatCompactMoney (cost cells)', () => {
  it('shortens thousands and millions to one decimal', () => {
    expect(formatCompactMoney(900, 'USD')).toBe('$900');
    expect(formatCompactMoney(1200, 'USD')).toBe('$1.2K');
    expect(formatCompactMoney(10_800, 'USD')).toBe('$10.8K');
    expect(formatCompactMoney(1_500_000, 'EUR')).toBe('€1.5M');
    expect(formatCompactMoney(12.5, 'USD')).toBe('$12.5');
  });

  it('keeps a currency the browser cannot format, and works without one', () => {
    expect(formatCompactMoney(3000, 'dollars')).toBe('3K dollars');
    expect(formatCompactMoney(4200, undefined)).toBe('4.2K');
  });

  it('shows a dash for a missing amount', () => {
    expect(formatCompactMoney(null, 'USD')).toBe('—');
    expect(formatCompactMoney(Number.NaN, 'USD')).toBe('—');
  });
});

describe('daysLeftInMonth', () => {
  it.each([
    ['2026-12-03T10:00:00Z', 28],
    ['2026-12-31T23:00:00Z', 0],
    ['2028-02-01T00:00:00Z', 28], // leap February: the 29th is 28 days on
    ['2026-02-01T00:00:00Z', 27],
  ])('from %s is %d', (now, days) => {
    expect(daysLeftInMonth(new Date(now))).toBe(days);
  });
});
