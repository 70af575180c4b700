import { DEFAULT_FUNDING_POLICY } from '@stockroom/plugin-data-products-common';
import { summaryOf } from './summarize';

describe('summaryOf', () => {
  // Moved from the inventory page, which counted the days itself before.
  describe('daysLeftInMonth', () => {
    it.each([
      ['2026-12-03T10:00:00Z', 28],
      ['2026-12-31T23:00:00Z', 0],
      ['2028-02-01T00:00:00Z', 28], // leap February: the 29th is 28 days on
      ['2026-02-01T00:00:00Z', 27],
    ])('from %s is %d', (now, days) => {
      expect(
        summaryOf([], new Date(now), DEFAULT_FUNDING_POLICY),
      ).toMatchObject({ daysLeftInMonth: days });
    });
  });
});
