import { durationParts, durationText } from './units';

describe('durationText', () => {
  it.each([
    [4, 'h', '4h'],
    [4, 'hours', '4h'],
    [1, 'Hour', '1h'],
    [90, 'minutes', '90m'],
    [15, 'min', '15m'],
    [30, 'seconds', '30s'],
    [2, 'days', '2d'],
    [1, 'day', '1d'],
    [1.5, 'h', '1.5h'],
    [2, 'weeks', '14d'],
  ])('%s %s → %s', (amount, unit, text) => {
    expect(durationText(amount, unit)).toBe(text);
  });

  it.each([
    [1, 'fortnight'],
    [3, 'y'],
    [1, 'month'],
    [0, 'h'],
    [-2, 'h'],
  ])('%s %s is no duration', (amount, unit) => {
    expect(durationText(amount, unit)).toBeUndefined();
  });
});

describe('durationParts', () => {
  it('splits a Stockroom duration into an ODCS value and unit', () => {
    expect(durationParts('30m')).toEqual({ value: 30, unit: 'm' });
    expect(durationParts('1.5h')).toEqual({ value: 1.5, unit: 'h' });
    expect(durationParts('soon')).toBeUndefined();
    expect(durationParts(undefined)).toBeUndefined();
  });
});
