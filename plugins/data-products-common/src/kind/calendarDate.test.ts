import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { isCalendarDate } from './calendarDate';

describe('isCalendarDate', () => {
  it.each([
    ['2026-01-10', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-12-31', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['01/02/2026', false],
    ['2026-1-10', false],
    ['2026-01-10T00:00:00Z', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  // The schema's `date` format is ours for speed; it must mean exactly what
  // the JSON-schema `date` format means in ajv-formats (full mode).
  it('agrees with ajv-formats on every day of several years', () => {
    const ajv = new Ajv();
    addFormats(ajv, ['date']);
    const reference = ajv.compile({ type: 'string', format: 'date' });
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const year of ['1900', '2000', '2024', '2026', '0000', '9999']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${pad(month)}-${pad(day)}`;
          expect([text, isCalendarDate(text)]).toEqual([text, reference(text)]);
        }
      }
    }
  });
});
