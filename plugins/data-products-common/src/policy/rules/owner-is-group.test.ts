import { NOW, coreEntity } from '../__fixtures__/entities';
import { CORE, MART, categoryPolicy } from '../__fixtures__/policies';
import { checkOwnerIsGroup } from './owner-is-group';

const owned = (owner: string) =>
  coreEntity(e => {
    e.spec.owner = owner;
  });

describe('owner-is-group', () => {
  it.each([
    'group:identity-platform',
    'group:default/identity-platform',
    'Group:identity-platform',
    'identity-platform',
    'default/identity-platform',
  ])('passes for %s (no kind means a Group)', owner =>
    expect(checkOwnerIsGroup(owned(owner), CORE, NOW)).toEqual([]),
  );

  it('blocks a User owner with an error naming the field and the fix', () => {
    expect(checkOwnerIsGroup(owned('user:default/jdoe'), CORE, NOW)).toEqual([
      {
        ruleId: 'owner-is-group',
        severity: 'error',
        path: 'spec.owner',
        message:
          'spec.owner user:default/jdoe is a User, not a Group: data products are owned by a team — set it to the owning team, e.g. `owner: group:identity-platform`',
        hint: 'A team outlives its members: consumers need an owner that is still there when someone changes jobs. See docs/categories-and-lifecycle.md#owner-is-group.',
      },
    ]);
  });

  it('names any other kind it finds', () => {
    const [finding] = checkOwnerIsGroup(
      owned('component:identity-service'),
      MART,
      NOW,
    );
    expect(finding.message).toMatch(
      /^spec\.owner component:identity-service is a Component, not a Group:/,
    );
  });

  it('reports a missing owner', () => {
    const entity = coreEntity(e => {
      (e.spec as any).owner = '';
    });
    expect(checkOwnerIsGroup(entity, CORE, NOW)).toMatchObject([
      {
        severity: 'error',
        path: 'spec.owner',
        message:
          'spec.owner is missing: every data product is owned by a Group — add e.g. `owner: group:identity-platform`',
      },
    ]);
  });

  it('warns at warn and says nothing at off', () => {
    const user = owned('user:jdoe');
    expect(
      checkOwnerIsGroup(
        user,
        categoryPolicy('core-entity', { 'owner-is-group': 'warn' }),
        NOW,
      ),
    ).toMatchObject([{ ruleId: 'owner-is-group', severity: 'warning' }]);
    expect(
      checkOwnerIsGroup(
        user,
        categoryPolicy('core-entity', { 'owner-is-group': 'off' }),
        NOW,
      ),
    ).toEqual([]);
  });
});
