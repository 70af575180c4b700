import { formatCompactMoney } from './format';

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
