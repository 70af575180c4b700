import type { DataProductLifecycle } from '../../kind/types';
import { NOW, coreEntity, sharedMart } from '../__fixtures__/entities';
import { CORE, MART, VIEW, categoryPolicy } from '../__fixtures__/policies';
import { checkPlannedDeprecation } from './planned-deprecation';

// NOW is 2026-05-15.
const deprecated = (lifecycle: Partial<DataProductLifecycle>) =>
  coreEntity(e => {
    e.spec.lifecycle = {
      stage: 'deprecated',
      createdOn: '2025-01-01',
      ...lifecycle,
    };
  });
const SUCCESSOR = 'dataproduct:customer-identity-v3';

describe('planned-deprecation', () => {
  it('passes a deprecated product with a distant sunset and a successor', () => {
    expect(
      checkPlannedDeprecation(
        deprecated({ sunsetOn: '2026-09-30', successor: SUCCESSOR }),
        CORE,
        NOW,
      ),
    ).toEqual([]);
  });

  it('accepts a migration guide instead of a successor', () => {
    const entity = deprecated({ sunsetOn: '2026-09-30' });
    entity.spec.migration = { guide: 'https://wiki.example.com/identity-v3' };
    expect(checkPlannedDeprecation(entity, CORE, NOW)).toEqual([]);
  });

  it('ignores products that are not deprecated', () => {
    expect(checkPlannedDeprecation(coreEntity(), CORE, NOW)).toEqual([]);
  });

  it('warns when sunsetOn is missing, suggesting a date a quarter out', () => {
    expect(
      checkPlannedDeprecation(deprecated({ successor: SUCCESSOR }), CORE, NOW),
    ).toEqual([
      {
        ruleId: 'planned-deprecation',
        severity: 'warning',
        path: 'spec.lifecycle.sunsetOn',
        message:
          'spec.lifecycle.sunsetOn is missing: deprecated core entities say when consumers must be off them — add e.g. `sunsetOn: 2026-08-13`',
        hint: 'Consumers of a deprecated product need a date to plan by and a place to move to. See docs/categories-and-lifecycle.md#planned-deprecation.',
      },
    ]);
  });

  it('warns when neither a successor nor a migration guide is named', () => {
    expect(
      checkPlannedDeprecation(
        sharedMart(e => {
          e.spec.lifecycle = { stage: 'deprecated', sunsetOn: '2026-12-31' };
        }),
        MART,
        NOW,
      ),
    ).toMatchObject([
      {
        severity: 'warning',
        path: 'spec.lifecycle.successor',
        message:
          'spec.lifecycle.successor is missing: deprecated shared marts name a successor or a migration guide — add e.g. `successor: dataproduct:customer-identity-v3` or `spec.migration.guide`',
      },
    ]);
  });

  describe('as the sunset nears', () => {
    it('says nothing 30 days ahead', () => {
      expect(
        checkPlannedDeprecation(
          deprecated({ sunsetOn: '2026-06-14', successor: SUCCESSOR }),
          CORE,
          NOW,
        ),
      ).toEqual([]);
    });

    it('warns 29 days ahead', () => {
      expect(
        checkPlannedDeprecation(
          deprecated({ sunsetOn: '2026-06-13', successor: SUCCESSOR }),
          CORE,
          NOW,
        ),
      ).toEqual([
        {
          ruleId: 'planned-deprecation',
          severity: 'warning',
          path: 'spec.lifecycle.sunsetOn',
          message:
            'spec.lifecycle.sunsetOn 2026-06-13 is in 29 days: check the remaining consumers have moved, then retire it with `stage: retired`',
          hint: 'A sunset date is a promise to consumers; past it, the product should be retired. See docs/categories-and-lifecycle.md#planned-deprecation.',
        },
      ]);
    });

    it('counts down to the day itself', () => {
      const [tomorrow] = checkPlannedDeprecation(
        deprecated({ sunsetOn: '2026-05-16', successor: SUCCESSOR }),
        CORE,
        NOW,
      );
      expect(tomorrow.message).toMatch(
        /^spec\.lifecycle\.sunsetOn 2026-05-16 is in 1 day: /,
      );
      const [today] = checkPlannedDeprecation(
        deprecated({ sunsetOn: '2026-05-15', successor: SUCCESSOR }),
        CORE,
        NOW,
      );
      expect(today.message).toMatch(
        /^spec\.lifecycle\.sunsetOn 2026-05-15 is today: /,
      );
    });

    it('says to retire it once the sunset has passed', () => {
      expect(
        checkPlannedDeprecation(
          deprecated({ sunsetOn: '2026-05-14', successor: SUCCESSOR }),
          CORE,
          NOW,
        ),
      ).toMatchObject([
        {
          severity: 'warning',
          path: 'spec.lifecycle.sunsetOn',
          message:
            'spec.lifecycle.sunsetOn 2026-05-14 has passed: consumers were to be off it by then — retire it with `stage: retired`',
        },
      ]);
    });

    it('uses the configured warning window', () => {
      const policy = categoryPolicy(
        'core-entity',
        {},
        { sunsetWarningDays: 7 },
      );
      expect(
        checkPlannedDeprecation(
          deprecated({ sunsetOn: '2026-05-22', successor: SUCCESSOR }),
          policy,
          NOW,
        ),
      ).toEqual([]);
      expect(
        checkPlannedDeprecation(
          deprecated({ sunsetOn: '2026-05-21', successor: SUCCESSOR }),
          policy,
          NOW,
        ),
      ).toHaveLength(1);
    });
  });

  it('at block, blocks what the owner left out but only warns about time passing', () => {
    const policy = categoryPolicy('core-entity', {
      'planned-deprecation': 'block',
    });
    expect(
      checkPlannedDeprecation(deprecated({}), policy, NOW).map(f => [
        f.severity,
        f.path,
      ]),
    ).toEqual([
      ['error', 'spec.lifecycle.sunsetOn'],
      ['error', 'spec.lifecycle.successor'],
    ]);
    expect(
      checkPlannedDeprecation(
        deprecated({ sunsetOn: '2026-05-01', successor: SUCCESSOR }),
        policy,
        NOW,
      ),
    ).toMatchObject([{ severity: 'warning', path: 'spec.lifecycle.sunsetOn' }]);
  });

  it('says nothing when off, even past the sunset', () => {
    expect(
      checkPlannedDeprecation(
        deprecated({ sunsetOn: '2020-01-01' }),
        VIEW,
        NOW,
      ),
    ).toEqual([]);
  });
});
