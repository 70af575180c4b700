import { NOW, coreEntity, sharedMart } from '../__fixtures__/entities';
import { CORE, MART, VIEW } from '../__fixtures__/policies';
import { checkSemver } from './semver';

describe('semver', () => {
  it('passes when spec.version is present, leaving its format to the schema', () => {
    expect(checkSemver(coreEntity(), CORE, NOW)).toEqual([]);
    expect(
      checkSemver(
        coreEntity(e => void (e.spec.version = 'two')),
        CORE,
        NOW,
      ),
    ).toEqual([]);
  });

  it('blocks a core entity without a version', () => {
    expect(
      checkSemver(
        coreEntity(e => void delete e.spec.version),
        CORE,
        NOW,
      ),
    ).toEqual([
      {
        ruleId: 'semver',
        severity: 'error',
        path: 'spec.version',
        message:
          'spec.version is missing: core entities version their contract — add e.g. `version: 1.0.0`',
        hint: 'The major version is how consumers learn of breaking changes; the CLI compares it across contract changes. See docs/categories-and-lifecycle.md#semver.',
      },
    ]);
  });

  it('warns a shared mart and says nothing for a convenience view (off)', () => {
    expect(
      checkSemver(
        sharedMart(e => void (e.spec.version = '')),
        MART,
        NOW,
      ),
    ).toMatchObject([
      {
        severity: 'warning',
        message:
          'spec.version is missing: shared marts version their contract — add e.g. `version: 1.0.0`',
      },
    ]);
    expect(
      checkSemver(
        sharedMart(e => void delete e.spec.version),
        VIEW,
        NOW,
      ),
    ).toEqual([]);
  });
});
