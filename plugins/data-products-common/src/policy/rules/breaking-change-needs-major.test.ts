import { CORE, MART, VIEW, categoryPolicy } from '../__fixtures__/policies';
import type { ContractChange } from '../types';
import { checkBreakingChangeNeedsMajor } from './breaking-change-needs-major';

const REMOVED: ContractChange = {
  kind: 'breaking',
  message: 'field email removed',
  path: 'spec.contract.schema[1]',
};
const LOOSENED: ContractChange = {
  kind: 'breaking',
  message: 'freshness p95 raised from 30m to 2h',
  path: 'spec.contract.freshness.p95',
};
const ADDED: ContractChange = {
  kind: 'non-breaking',
  message: 'field phone added',
  path: 'spec.contract.schema[2]',
};
const RECLASSIFIED: ContractChange = {
  kind: 'notice',
  message: 'email classification internal → pii',
  path: 'spec.contract.schema[1].classification',
};

describe('breaking-change-needs-major', () => {
  it('passes a breaking change with a major bump', () => {
    expect(
      checkBreakingChangeNeedsMajor([REMOVED], '2.1.0', '3.0.0', CORE),
    ).toEqual([]);
    expect(
      checkBreakingChangeNeedsMajor([REMOVED], '0.9.0', '1.0.0', CORE),
    ).toEqual([]);
  });

  it('passes changes that are not breaking, whatever the version', () => {
    expect(
      checkBreakingChangeNeedsMajor(
        [ADDED, RECLASSIFIED],
        '2.1.0',
        '2.1.0',
        CORE,
      ),
    ).toEqual([]);
    expect(
      checkBreakingChangeNeedsMajor([], undefined, undefined, CORE),
    ).toEqual([]);
  });

  it('blocks a breaking change with a minor bump, listing it and suggesting the next major', () => {
    expect(
      checkBreakingChangeNeedsMajor([ADDED, REMOVED], '2.1.0', '2.2.0', CORE),
    ).toEqual([
      {
        ruleId: 'breaking-change-needs-major',
        severity: 'error',
        path: 'spec.version',
        message:
          'spec.version goes from 2.1.0 to 2.2.0 without a major bump, but the contract has a breaking change: field email removed (spec.contract.schema[1]) — set e.g. `version: 3.0.0`',
        hint: 'Consumers pin a major version; a breaking change inside one breaks them without warning. Core entities publish a new major as a new entity (e.g. -v3) alongside the old one, with spec.migration.fieldMapping. See docs/categories-and-lifecycle.md#breaking-change-needs-major.',
      },
    ]);
  });

  it('lists every breaking change in one finding', () => {
    const [finding] = checkBreakingChangeNeedsMajor(
      [REMOVED, LOOSENED],
      '2.1.0',
      '2.1.0',
      MART,
    );
    expect(finding.message).toBe(
      'spec.version goes from 2.1.0 to 2.1.0 without a major bump, but the contract has 2 breaking changes: field email removed (spec.contract.schema[1]); freshness p95 raised from 30m to 2h (spec.contract.freshness.p95) — set e.g. `version: 3.0.0`',
    );
  });

  it('treats 0.x like any other major: 0.1.0 → 0.2.0 is not a major bump', () => {
    expect(
      checkBreakingChangeNeedsMajor([REMOVED], '0.1.0', '0.2.0', CORE),
    ).toMatchObject([
      { message: expect.stringMatching(/— set e\.g\. `version: 1\.0\.0`$/) },
    ]);
  });

  it('counts a lower major, a missing version or a malformed one as no bump', () => {
    expect(
      checkBreakingChangeNeedsMajor([REMOVED], '3.0.0', '2.0.0', CORE)[0]
        .message,
    ).toMatch(/`version: 4\.0\.0`$/);
    expect(
      checkBreakingChangeNeedsMajor([REMOVED], '2.1.0', undefined, CORE)[0]
        .message,
    ).toMatch(
      /^spec\.version goes from 2\.1\.0 to \(none\) without a major bump/,
    );
    expect(
      checkBreakingChangeNeedsMajor([REMOVED], undefined, '2.0.0', CORE)[0]
        .message,
    ).toMatch(
      /^spec\.version goes from \(none\) to 2\.0\.0 .* — set a new major version$/,
    );
    expect(
      checkBreakingChangeNeedsMajor([REMOVED], 'v2', '3.0.0', CORE),
    ).toHaveLength(1);
  });

  it('warns at warn and says nothing at off (the convenience-view default)', () => {
    expect(
      checkBreakingChangeNeedsMajor(
        [REMOVED],
        '1.0.0',
        '1.1.0',
        categoryPolicy('shared-mart', {
          'breaking-change-needs-major': 'warn',
        }),
      ),
    ).toMatchObject([{ severity: 'warning', path: 'spec.version' }]);
    expect(
      checkBreakingChangeNeedsMajor([REMOVED], '1.0.0', '1.1.0', VIEW),
    ).toEqual([]);
  });
});
