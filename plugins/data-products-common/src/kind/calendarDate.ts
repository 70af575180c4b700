import { ISO_DATE_PATTERN } from './patterns';

const SHAPE = new RegExp(ISO_DATE_PATTERN);
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a YYYY-MM-DD date that exists in the (proleptic Gregorian)
 * calendar: JSON schema's `date` format, exactly as ajv-formats checks it in
 * full mode. Our own because ajv-formats allocates a match array per call,
 * and a DataProduct holds up to four dates validated on every refresh.
 *
 * @public
 */
export function isCalendarDate(text: string): boolean {
  if (typeof text !== 'string' || !SHAPE.test(text)) {
    return false;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]);
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    value = value * 10 + (text.charCodeAt(i) - 48);
  }
  return value;
}
