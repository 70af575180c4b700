import {
  addCalendarDays,
  addCalendarDaysTime,
  calendarDaysBetween,
  calendarDaysBetweenTimes,
  formatIsoDate,
  lastDayOfMonth,
  parseIsoDate,
  utcCalendarDay,
} from './dates';

describe('parseIsoDate', () => {
  it('reads YYYY-MM-DD as UTC midnight', () => {
    expect(parseIsoDate('2026-03-01')?.toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-3-1',
    '2026-03-01T00:00:00Z',
    '',
    '01/03/2026',
    '2026-03-01\n',
    ' 2026-03-01',
    '2026-03-01 ',
    '2026/03/01',
    '2026-0a-01',
    '+02026-03-01',
    '２０２６-03-01',
    '0099-12-31',
  ])('rejects %j', text => expect(parseIsoDate(text)).toBeUndefined());

  it.each([
    ['0100-01-01', '0100-01-01T00:00:00.000Z'],
    ['9999-12-31', '9999-12-31T00:00:00.000Z'],
    ['1970-01-01', '1970-01-01T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
  ])('reads %j', (text, iso) =>
    expect(parseIsoDate(text)?.toISOString()).toBe(iso),
  );

  it('accepts the leap day only in leap years', () => {
    expect(parseIsoDate('2028-02-29')).toBeDefined();
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
  });

  it('rejects non-strings and takes a Date a YAML loader produced as its UTC day', () => {
    expect(parseIsoDate(20260301)).toBeUndefined();
    expect(parseIsoDate(undefined)).toBeUndefined();
    expect(parseIsoDate(new Date('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(parseIsoDate(new Date('nonsense'))).toBeUndefined();
  });
});

describe('formatIsoDate', () => {
  it('writes four-digit years with leading zeros, and months and days with two digits', () => {
    expect(formatIsoDate(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(formatIsoDate(new Date('2026-12-31T23:59:59.999Z'))).toBe(
      '2026-12-31',
    );
    const yearZero = new Date(0);
    yearZero.setUTCFullYear(0, 0, 1);
    expect(formatIsoDate(yearZero)).toBe('0000-01-01');
    const year42 = new Date(0);
    year42.setUTCFullYear(42, 6, 9);
    expect(formatIsoDate(year42)).toBe('0042-07-09');
    expect(formatIsoDate(new Date('9999-12-31T12:00:00Z'))).toBe('9999-12-31');
  });

  it('writes years outside 0000–9999 as the first ten characters of toISOString (sign and six digits)', () => {
    const far = new Date(0);
    far.setUTCFullYear(10000, 0, 2);
    expect(formatIsoDate(far)).toBe('+010000-01');
    const before = new Date(0);
    before.setUTCFullYear(-1, 0, 2);
    expect(formatIsoDate(before)).toBe('-000001-01');
  });

  it('throws on an invalid date, as toISOString does', () => {
    expect(() => formatIsoDate(new Date('nonsense'))).toThrow(RangeError);
  });

  it('round-trips with parseIsoDate; years 0000–0099 do not parse', () => {
    expect(formatIsoDate(parseIsoDate('2028-02-29')!)).toBe('2028-02-29');
    expect(formatIsoDate(parseIsoDate('1000-01-01')!)).toBe('1000-01-01');
    // Date.UTC reads 0–99 as 1900–1999, so these never named their day
    expect(parseIsoDate('0050-01-01')).toBeUndefined();
  });
});

describe('calendar arithmetic', () => {
  it('takes the UTC day of an instant, whatever the time of day', () => {
    expect(
      formatIsoDate(utcCalendarDay(new Date('2026-05-15T23:59:59.999Z'))),
    ).toBe('2026-05-15');
    expect(
      formatIsoDate(utcCalendarDay(new Date('2026-05-15T00:00:00Z'))),
    ).toBe('2026-05-15');
    // 23:30 in New York on the 14th is already the 15th in UTC.
    expect(
      formatIsoDate(utcCalendarDay(new Date('2026-05-14T23:30:00-04:00'))),
    ).toBe('2026-05-15');
  });

  it('gives UTC midnight on both sides of 1970 and at the ends of the date range', () => {
    const day = (iso: string) => utcCalendarDay(new Date(iso)).toISOString();
    // before the epoch the day still starts at its own midnight, not the next
    expect(day('1969-12-31T23:59:59.999Z')).toBe('1969-12-31T00:00:00.000Z');
    expect(day('1969-12-31T00:00:00.001Z')).toBe('1969-12-31T00:00:00.000Z');
    expect(day('1970-01-01T00:00:00.000Z')).toBe('1970-01-01T00:00:00.000Z');
    expect(day('1900-03-01T12:00:00Z')).toBe('1900-03-01T00:00:00.000Z');
    expect(day('0100-01-01T08:00:00Z')).toBe('0100-01-01T00:00:00.000Z');
    // the last day a Date can hold (8.64e15 ms after 1970)
    expect(day('+275760-09-13T00:00:00Z')).toBe('+275760-09-13T00:00:00.000Z');
    expect(day('-271821-04-20T10:00:00Z')).toBe('-271821-04-20T00:00:00.000Z');
  });

  it('reads the years 0–99 as Date.UTC does (as 1900–1999), and an invalid date as invalid', () => {
    // unchanged behaviour, kept by the arithmetic fast path's bounds
    expect(utcCalendarDay(new Date('0099-12-31T08:00:00Z')).toISOString()).toBe(
      '1999-12-31T00:00:00.000Z',
    );
    expect(utcCalendarDay(new Date(Number.NaN)).getTime()).toBeNaN();
  });

  it('does the same arithmetic on time values as on Dates, a Date’s range included', () => {
    const DAY = 86_400_000;
    // the day before 1970 starts a day before it
    expect(addCalendarDaysTime(-1, 0)).toBe(-DAY);
    expect(addCalendarDaysTime(0, 1.5)).toBe(1.5 * DAY);
    // past the last day a Date can hold: NaN, an invalid Date's time
    expect(addCalendarDaysTime(8.64e15 - DAY, 2)).toBeNaN();
    expect(addCalendarDays(new Date(8.64e15 - DAY), 2).getTime()).toBeNaN();
    expect(addCalendarDaysTime(Number.NaN, 1)).toBeNaN();
    expect(
      calendarDaysBetweenTimes(
        Date.UTC(2026, 0, 1, 23),
        Date.UTC(2026, 0, 3, 1),
      ),
    ).toBe(2);
  });

  it('adds days across months, leap days and back', () => {
    const start = parseIsoDate('2028-01-31')!;
    expect(formatIsoDate(addCalendarDays(start, 29))).toBe('2028-02-29');
    expect(formatIsoDate(addCalendarDays(start, 90))).toBe('2028-04-30');
    expect(formatIsoDate(addCalendarDays(start, -31))).toBe('2027-12-31');
  });

  it('counts whole days between two instants by their calendar days', () => {
    expect(
      calendarDaysBetween(
        new Date('2026-05-14T23:59:00Z'),
        new Date('2026-05-15T00:01:00Z'),
      ),
    ).toBe(1);
    expect(
      calendarDaysBetween(
        parseIsoDate('2026-05-15')!,
        parseIsoDate('2026-05-15')!,
      ),
    ).toBe(0);
    expect(
      calendarDaysBetween(
        parseIsoDate('2026-03-01')!,
        parseIsoDate('2026-05-30')!,
      ),
    ).toBe(90);
    expect(
      calendarDaysBetween(
        parseIsoDate('2026-05-30')!,
        parseIsoDate('2026-03-01')!,
      ),
    ).toBe(-90);
  });
});

describe('lastDayOfMonth', () => {
  it.each([
    ['2026-12-03T10:00:00Z', '2026-12-31'],
    ['2028-02-10T00:00:00Z', '2028-02-29'], // leap year
    ['2026-02-28T23:59:59Z', '2026-02-28'],
    ['2100-02-01T00:00:00Z', '2100-02-28'], // divisible by 100, not by 400
    ['2026-04-30T12:00:00Z', '2026-04-30'],
  ])('of %s is %s', (instant, expected) => {
    expect(formatIsoDate(lastDayOfMonth(new Date(instant)))).toBe(expected);
  });
});
