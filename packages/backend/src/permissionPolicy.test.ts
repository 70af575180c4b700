import {
  BackstageCredentials,
  BackstageUserInfo,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  inventoryReadPermission,
  runReportPermission,
  scorecardRefreshPermission,
  taskTriggerPermission,
} from '@stockroom/plugin-data-products-common';
import stockroomPolicyModule, { StockroomDemoPolicy } from './permissionPolicy';

function userCredentials(userEntityRef: string): BackstageCredentials {
  return {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef },
  };
}

/** The user-info service, answering from a fixed table of claims. */
function userInfoOf(claims: Record<string, string[]>): UserInfoService {
  return {
    async getUserInfo(credentials): Promise<BackstageUserInfo> {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return {
        userEntityRef,
        ownershipEntityRefs: claims[userEntityRef] ?? [],
      };
    },
  };
}

const ADA = 'user:default/ada';
const NOBODY = 'user:default/nobody';
const PIPER = 'user:default/piper';
const OTTO = 'user:default/otto';

const claims = {
  [ADA]: [ADA, 'group:default/orders-team'],
  [NOBODY]: [],
  // Piper is in the data platform team, Otto in operations.
  [PIPER]: [PIPER, 'group:default/data-platform'],
  [OTTO]: [OTTO, 'group:default/Operators'],
};

const policy = new StockroomDemoPolicy({ userInfo: userInfoOf(claims) });

/** The policy with `stockroom.permissions` naming groups, as config would. */
const configuredPolicy = new StockroomDemoPolicy({
  userInfo: userInfoOf(claims),
  runReporters: ['group:default/data-platform'],
  taskTriggerers: ['group:default/operators'],
});

function user(userEntityRef: string): PolicyQueryUser {
  return {
    credentials: userCredentials(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs: [] },
  };
}

describe('StockroomDemoPolicy', () => {
  it('lets a user refresh the scorecards of the products they own, and only those', async () => {
    const decision = await policy.handle(
      { permission: scorecardRefreshPermission },
      user(ADA),
    );

    // The catalog resolves it per product: owned by Ada or her group.
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: [ADA, 'group:default/orders-team'] },
      },
    });
  });

  it('reads the ownership claims from the user-info service, not the deprecated info field', async () => {
    const decision = await policy.handle(
      { permission: scorecardRefreshPermission },
      {
        credentials: userCredentials(ADA),
        info: { userEntityRef: ADA, ownershipEntityRefs: ['group:default/x'] },
      },
    );

    expect(decision).toMatchObject({
      conditions: { params: { claims: [ADA, 'group:default/orders-team'] } },
    });
  });

  it('denies a refresh to a user who owns nothing', async () => {
    expect(
      await policy.handle(
        { permission: scorecardRefreshPermission },
        user(NOBODY),
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('denies a refresh without a signed-in user', async () => {
    expect(
      await policy.handle({ permission: scorecardRefreshPermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  describe.each([
    ['report runs', runReportPermission, PIPER],
    ['trigger tasks', taskTriggerPermission, OTTO],
  ])('who may %s', (_, permission, member) => {
    it('is nobody among users when no group is configured', async () => {
      for (const who of [ADA, NOBODY, PIPER, OTTO]) {
        expect(await policy.handle({ permission }, user(who))).toEqual({
          result: AuthorizeResult.DENY,
        });
      }
    });

    it('is nobody without a signed-in user (service principals never get here)', async () => {
      expect(await configuredPolicy.handle({ permission })).toEqual({
        result: AuthorizeResult.DENY,
      });
    });

    it('is a member of a group named for it in config, and no one else', async () => {
      const decisions = Object.fromEntries(
        await Promise.all(
          [ADA, NOBODY, PIPER, OTTO].map(async who => [
            who,
            (await configuredPolicy.handle({ permission }, user(who))).result,
          ]),
        ),
      );

      expect(decisions).toEqual({
        [ADA]: AuthorizeResult.DENY,
        [NOBODY]: AuthorizeResult.DENY,
        [PIPER]:
          member === PIPER ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        [OTTO]: member === OTTO ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      });
    });
  });

  it.each([
    ['the inventory', inventoryReadPermission],
    [
      'catalog reads',
      createPermission({
        name: 'catalog.entity.read',
        attributes: { action: 'read' },
        resourceType: 'catalog-entity',
      }),
    ],
    [
      'anything else',
      createPermission({ name: 'other.thing', attributes: {} }),
    ],
  ])(
    'allows %s to users and to callers without a user',
    async (_, permission) => {
      expect(await policy.handle({ permission }, user(NOBODY))).toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(await policy.handle({ permission })).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    },
  );

  it('is a backend feature for the permission plugin', () => {
    expect(stockroomPolicyModule).toEqual(
      expect.objectContaining({ $$type: '@backstage/BackendFeature' }),
    );
  });
});
