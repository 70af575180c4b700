import {
  parseEventTimestamp,
  parseIsoTimestamp,
  parseZonelessTimestamp,
} from './timestamp';

describe('parseIsoTimestamp', () => {
  it.each([
    ['2026-03-01T06:00:00Z', Date.UTC(2026, 2, 1, 6)],
    ['2026-03-01T06:00:00.123Z', Date.UTC(2026, 2, 1, 6, 0, 0, 123)],
    // Python's isoformat(): microseconds and a colon offset.
    ['2026-03-01T07:00:00.123456+01:00', Date.UTC(2026, 2, 1, 6, 0, 0, 123)],
    ['2026-03-01T01:30:00-0430', Date.UTC(2026, 2, 1, 6)],
    ['2026-03-01T08:00+02', Date.UTC(2026, 2, 1, 6)],
    ['2026-03-01 06:00:00z', Date.UTC(2026, 2, 1, 6)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2026-03-01T06:00:00,5Z', Date.UTC(2026, 2, 1, 6, 0, 0, 500)],
  ])('reads %s', (text, ms) => {
    expect(parseIsoTimestamp(text)).toBe(ms);
  });

  it.each([
    '2026-03-01T06:00:00', // no time zone
    '2026-03-01',
    '2026-02-29T00:00:00Z', // 2026 is no leap year
    '2026-13-01T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T06:60:00Z',
    '2026-03-01T06:00:60Z',
    '2026-03-01T06:00:00+25:00',
    'Sun, 01 Mar 2026 06:00:00 GMT',
    ' 2026-03-01T06:00:00Z',
    '',
  ])('refuses %p', text => {
    expect(parseIsoTimestamp(text)).toBeUndefined();
  });

  it('refuses what is not text', () => {
    expect(parseIsoTimestamp(1772344800000)).toBeUndefined();
    expect(parseIsoTimestamp(new Date())).toBeUndefined();
    expect(parseIsoTimestamp(undefined)).toBeUndefined();
  });
});

/**
 * standards.md "Intake is per event": a timestamp without a zone is read as
 * UTC (dbt-ol writes Python's `datetime.now().isoformat()`), with a warning
 * that the validator adds; these functions only read the instant.
 */
describe('parseZonelessTimestamp', () => {
  it.each([
    ['2026-03-01T06:00:00', Date.UTC(2026, 2, 1, 6)],
    // isoformat() of a naive datetime: microseconds, no zone.
    ['2026-03-01T06:00:00.123456', Date.UTC(2026, 2, 1, 6, 0, 0, 123)],
    ['2026-03-01 06:00', Date.UTC(2026, 2, 1, 6)],
    ['2024-02-29T23:59:59', Date.UTC(2024, 1, 29, 23, 59, 59)],
  ])('reads %s as UTC', (text, ms) => {
    expect(parseZonelessTimestamp(text)).toBe(ms);
  });

  it.each([
    '2026-03-01T06:00:00Z', // has a zone: not its business
    '2026-03-01T07:00:00+01:00',
    '2026-03-01', // a date is no instant
    '2026-02-29T06:00:00', // 2026 is no leap year
    '2026-03-01T24:00:00',
    'yesterday',
    '',
  ])('reads nothing from %p', text => {
    expect(parseZonelessTimestamp(text)).toBeUndefined();
  });

  it('reads nothing from what is not text', () => {
    expect(parseZonelessTimestamp(1772344800000)).toBeUndefined();
    expect(parseZonelessTimestamp(null)).toBeUndefined();
  });
});

describe('parseEventTimestamp', () => {
  it('reads a time with a zone, and one without as UTC', () => {
    expect(parseEventTimestamp('2026-03-01T07:00:00+01:00')).toBe(
      Date.UTC(2026, 2, 1, 6),
    );
    expect(parseEventTimestamp('2026-03-01T06:00:00')).toBe(
      Date.UTC(2026, 2, 1, 6),
    );
    expect(parseEventTimestamp('2026-03-01')).toBeUndefined();
  });
});
