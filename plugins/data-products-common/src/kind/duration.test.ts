import { DURATION_PATTERN, formatDuration, parseDuration } from './duration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['45s', 45 * SECOND],
    ['30m', 30 * MINUTE],
    ['60m', HOUR],
    ['2h', 2 * HOUR],
    ['1d', DAY],
    ['1.5h', 90 * MINUTE],
    ['0.5s', 500],
    ['007m', 7 * MINUTE],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['30 minutes'],
    ['-5m'],
    ['0m'],
    ['0.0h'],
    ['5'],
    [''],
    ['m'],
    ['1.m'],
    ['.5h'],
    ['1h30m'],
    ['2H'],
    [' 2h'],
    ['2h '],
    ['1w'],
    ['1e3s'],
  ])('rejects %j', text => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rejects values that are not text', () => {
    expect(parseDuration(5 as unknown as string)).toBeUndefined();
    expect(parseDuration(undefined as unknown as string)).toBeUndefined();
  });
});

describe('DURATION_PATTERN', () => {
  // The schema and parseDuration must agree, or the catalog would accept an
  // SLA that the scorecard cannot read.
  it.each([
    '45s',
    '30m',
    '1.5h',
    '1d',
    '0m',
    '0.0h',
    '-5m',
    '5',
    '',
    '30 minutes',
    '0.001s',
    '10.0d',
    '00s',
    '1.50m',
    '2x',
  ])('agrees with parseDuration on %j', text => {
    expect(new RegExp(DURATION_PATTERN, 'u').test(text)).toBe(
      parseDuration(text) !== undefined,
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [45 * SECOND, '45s'],
    [90 * SECOND, '1m 30s'],
    [41 * MINUTE, '41m'],
    [41 * MINUTE + 20 * SECOND, '41m 20s'],
    [2 * HOUR + 5 * MINUTE, '2h 5m'],
    [2 * HOUR + 5 * MINUTE + 40 * SECOND, '2h 6m'],
    [HOUR, '1h'],
    [DAY + 2 * HOUR, '1d 2h'],
    [DAY + 2 * HOUR + 29 * MINUTE, '1d 2h'],
    [3 * DAY, '3d'],
    [HOUR - 400, '1h'],
    [DAY - 20 * MINUTE, '23h 40m'],
    [DAY - 20 * SECOND, '1d'],
    [250, '250ms'],
    [0, '0ms'],
    [-30 * MINUTE, '-30m'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips single-unit durations', () => {
    for (const text of ['45s', '30m', '2h', '1d']) {
      expect(formatDuration(parseDuration(text)!)).toBe(text);
    }
  });
});
