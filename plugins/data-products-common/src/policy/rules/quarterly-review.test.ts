import type { DataProductLifecycle } from '../../kind/types';
import { NOW, sharedMart } from '../__fixtures__/entities';
import { CORE, MART, categoryPolicy } from '../__fixtures__/policies';
import { checkQuarterlyReview } from './quarterly-review';

// NOW is 2026-05-15: 92 days ago is 2026-02-12, 93 days ago 2026-02-11.
const mart = (lifecycle: Partial<DataProductLifecycle>) =>
  sharedMart(e => {
    e.spec.lifecycle = { stage: 'active', ...lifecycle };
  });

describe('quarterly-review', () => {
  it('passes a review 92 days ago', () => {
    expect(
      checkQuarterlyReview(
        mart({ createdOn: '2024-01-01', reviewedOn: '2026-02-12' }),
        MART,
        NOW,
      ),
    ).toEqual([]);
  });

  it('warns about a review 93 days ago', () => {
    expect(
      checkQuarterlyReview(
        mart({ createdOn: '2024-01-01', reviewedOn: '2026-02-11' }),
        MART,
        NOW,
      ),
    ).toEqual([
      {
        ruleId: 'quarterly-review',
        severity: 'warning',
        path: 'spec.lifecycle.reviewedOn',
        message:
          'spec.lifecycle.reviewedOn 2026-02-11 is 93 days ago: shared marts are reviewed every 92 days — review it and set `reviewedOn: 2026-05-15`',
        hint: 'A regular review keeps a shared product honest: is it still used, still owned, still right? See docs/categories-and-lifecycle.md#quarterly-review.',
      },
    ]);
  });

  it('asks a product never reviewed for reviewedOn, however new it is', () => {
    expect(
      checkQuarterlyReview(mart({ createdOn: '2026-05-15' }), MART, NOW),
    ).toEqual([
      {
        ruleId: 'quarterly-review',
        severity: 'warning',
        path: 'spec.lifecycle.reviewedOn',
        message:
          'spec.lifecycle.reviewedOn is missing: shared marts are reviewed every 92 days — add the date of the last review, e.g. `reviewedOn: 2026-05-15`',
        hint: 'A regular review keeps a shared product honest: is it still used, still owned, still right? See docs/categories-and-lifecycle.md#quarterly-review.',
      },
    ]);
  });

  it('names a reviewedOn that is not a date', () => {
    expect(
      checkQuarterlyReview(mart({ reviewedOn: '2026-02-30' }), MART, NOW),
    ).toMatchObject([
      {
        path: 'spec.lifecycle.reviewedOn',
        message: expect.stringMatching(
          /^spec\.lifecycle\.reviewedOn \(2026-02-30\) is not a YYYY-MM-DD date: /,
        ),
      },
    ]);
  });

  it('counts a review dated in the future as current', () => {
    expect(
      checkQuarterlyReview(mart({ reviewedOn: '2026-06-01' }), MART, NOW),
    ).toEqual([]);
  });

  it('uses the configured interval and blocks at block', () => {
    const policy = categoryPolicy(
      'shared-mart',
      { 'quarterly-review': 'block' },
      { reviewIntervalDays: 30 },
    );
    expect(
      checkQuarterlyReview(mart({ reviewedOn: '2026-04-15' }), policy, NOW),
    ).toEqual([]);
    expect(
      checkQuarterlyReview(mart({ reviewedOn: '2026-04-14' }), policy, NOW),
    ).toMatchObject([
      {
        severity: 'error',
        message: expect.stringContaining(
          'is 31 days ago: shared marts are reviewed every 30 days',
        ),
      },
    ]);
  });

  it('does not apply to core entities by default', () => {
    expect(
      checkQuarterlyReview(mart({ reviewedOn: '2020-01-01' }), CORE, NOW),
    ).toEqual([]);
  });
});
