import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  FullPass,
  InventoryReadModel,
} from '../../database/InventoryReadModel';
import { readModelServes } from './readModelServes';

/** A read model that has, or has not, completed a full pass. */
function modelWith(pass: FullPass | undefined) {
  return {
    lastFullPass: async () => pass,
  } as Partial<InventoryReadModel> as InventoryReadModel;
}

function permissionsDeciding(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY | 'conditional',
) {
  return mockServices.permissions.mock({
    authorizeConditional: jest.fn(async requests =>
      requests.map(() =>
        result === 'conditional'
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: ['group:default/team-a'] },
              },
            }
          : { result },
      ),
    ) as any,
  });
}

const TODAY = '2026-11-25';
const TODAYS_PASS = { at: new Date('2026-11-25T00:00:20Z'), on: TODAY };

describe('readModelServes', () => {
  const credentials = mockCredentials.user();

  it('serves a caller allowed to read every catalog entity, once a full pass ran today', async () => {
    const permissions = permissionsDeciding(AuthorizeResult.ALLOW);
    await expect(
      readModelServes(modelWith(TODAYS_PASS), permissions, credentials, TODAY),
    ).resolves.toBe(true);
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'catalog.entity.read',
          }),
        },
      ],
      { credentials },
    );
  });

  it.each([
    ['a policy with conditions on catalog reads', 'conditional', TODAYS_PASS],
    ['a caller denied catalog reads', AuthorizeResult.DENY, TODAYS_PASS],
    ['a model never filled', AuthorizeResult.ALLOW, undefined],
    [
      'a model last evaluated yesterday (states change with the day)',
      AuthorizeResult.ALLOW,
      { at: new Date('2026-11-24T23:59:50Z'), on: '2026-11-24' },
    ],
  ] as const)('leaves %s to the catalog', async (_, result, pass) => {
    await expect(
      readModelServes(
        modelWith(pass),
        permissionsDeciding(result),
        credentials,
        TODAY,
      ),
    ).resolves.toBe(false);
  });
});
