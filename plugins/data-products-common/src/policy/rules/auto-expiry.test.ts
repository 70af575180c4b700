import { NOW, convenienceView, day } from '../__fixtures__/entities';
import { MART, VIEW, categoryPolicy } from '../__fixtures__/policies';
import { checkAutoExpiry } from './auto-expiry';

// convenienceView() is created 2026-03-01: expires 2026-05-30, expiring from 2026-05-16.
const HINT =
  'Views nobody renews are usually views nobody uses; expiry keeps the inventory honest. See docs/categories-and-lifecycle.md#auto-expiry.';

describe('auto-expiry', () => {
  it('says nothing the day before the expiring window', () => {
    expect(checkAutoExpiry(convenienceView(), VIEW, day('2026-05-15'))).toEqual(
      [],
    );
  });

  it('notes, as info, that the view is expiring from expiresOn − 14', () => {
    expect(checkAutoExpiry(convenienceView(), VIEW, day('2026-05-16'))).toEqual(
      [
        {
          ruleId: 'auto-expiry',
          severity: 'info',
          path: 'spec.lifecycle.createdOn',
          message:
            'spec.lifecycle.createdOn is 2026-03-01, so it expires on 2026-05-30 (in 14 days): convenience views expire 90 days after renewedOn, else createdOn — renew it with `yarn stockroom renew <file>` if it is still used',
          hint: HINT,
        },
      ],
    );
    expect(
      checkAutoExpiry(convenienceView(), VIEW, day('2026-05-29'))[0].message,
    ).toContain('(in 1 day)');
  });

  it('warns, without blocking, from expiresOn on', () => {
    expect(checkAutoExpiry(convenienceView(), VIEW, day('2026-05-30'))).toEqual(
      [
        {
          ruleId: 'auto-expiry',
          severity: 'warning',
          path: 'spec.lifecycle.createdOn',
          message:
            'spec.lifecycle.createdOn is 2026-03-01, so it expired on 2026-05-30: convenience views expire 90 days after renewedOn, else createdOn — renew it with `yarn stockroom renew <file>` if it is still used',
          hint: HINT,
        },
      ],
    );
  });

  it('points at renewedOn once the view has been renewed', () => {
    const renewed = convenienceView(e => {
      e.spec.lifecycle.renewedOn = '2026-02-20';
    });
    expect(checkAutoExpiry(renewed, VIEW, NOW)).toMatchObject([
      {
        severity: 'info',
        path: 'spec.lifecycle.renewedOn',
        message: expect.stringMatching(
          /^spec\.lifecycle\.renewedOn is 2026-02-20, so it expires on 2026-05-21 \(in 6 days\): /,
        ),
      },
    ]);
  });

  it('blocks a view with neither createdOn nor renewedOn, asking for createdOn', () => {
    const undated = convenienceView(e => {
      delete e.spec.lifecycle.createdOn;
    });
    expect(checkAutoExpiry(undated, VIEW, NOW)).toEqual([
      {
        ruleId: 'auto-expiry',
        severity: 'error',
        path: 'spec.lifecycle.createdOn',
        message:
          'spec.lifecycle.createdOn is missing: convenience views expire 90 days after renewedOn, else createdOn — add e.g. `createdOn: 2026-05-15`',
        hint: HINT,
      },
    ]);
  });

  it('names a renewedOn that is not a date rather than falling back to createdOn', () => {
    const view = convenienceView(e => {
      e.spec.lifecycle.renewedOn = '2026-02-30';
    });
    expect(checkAutoExpiry(view, VIEW, NOW)).toMatchObject([
      {
        severity: 'error',
        path: 'spec.lifecycle.renewedOn',
        message:
          'spec.lifecycle.renewedOn (2026-02-30) is not a YYYY-MM-DD date: convenience views expire 90 days after renewedOn, else createdOn — add e.g. `renewedOn: 2026-05-15`',
      },
    ]);
  });

  it('only warns about a missing date at warn', () => {
    const undated = convenienceView(e => {
      delete e.spec.lifecycle.createdOn;
    });
    expect(
      checkAutoExpiry(
        undated,
        categoryPolicy('convenience-view', { 'auto-expiry': 'warn' }),
        NOW,
      ),
    ).toMatchObject([
      { severity: 'warning', path: 'spec.lifecycle.createdOn' },
    ]);
  });

  it('says nothing for a retired view, or when off (the default outside convenience views)', () => {
    const retired = convenienceView(e => {
      e.spec.lifecycle.stage = 'retired';
    });
    expect(checkAutoExpiry(retired, VIEW, day('2027-01-01'))).toEqual([]);
    expect(checkAutoExpiry(convenienceView(), MART, day('2027-01-01'))).toEqual(
      [],
    );
    expect(
      checkAutoExpiry(
        convenienceView(e => void delete e.spec.lifecycle.createdOn),
        MART,
        NOW,
      ),
    ).toEqual([]);
  });

  it('follows the configured day counts', () => {
    const policy = categoryPolicy(
      'convenience-view',
      {},
      { expiryDays: 30, expiringWindowDays: 3 },
    );
    // 2026-03-01 + 30 = 2026-03-31, expiring from 2026-03-28.
    expect(
      checkAutoExpiry(convenienceView(), policy, day('2026-03-27')),
    ).toEqual([]);
    expect(
      checkAutoExpiry(convenienceView(), policy, day('2026-03-28'))[0].message,
    ).toBe(
      'spec.lifecycle.createdOn is 2026-03-01, so it expires on 2026-03-31 (in 3 days): convenience views expire 30 days after renewedOn, else createdOn — renew it with `yarn stockroom renew <file>` if it is still used',
    );
  });
});
