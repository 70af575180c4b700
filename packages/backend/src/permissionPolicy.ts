/*
 * The demo portal's permission policy: a sample to copy and adapt.
 *
 * - `stockroom.scorecard.refresh` (recompute a product's scorecard now) is
 *   allowed only to the product's owners: a conditional decision the
 *   catalog resolves with its `isEntityOwner` rule against the user's
 *   ownership claims (their user entity and their groups).
 * - Everything else is allowed, including `stockroom.inventory.read` and
 *   `stockroom.run.report`.
 *
 * Pipelines report runs as service principals (a static token under
 * `backend.auth.externalAccess`). Backstage's permissions client decides
 * for service principals itself, from the token's `accessRestrictions`,
 * without asking this policy: narrow a pipeline token there (e.g.
 * `permissionNames: [stockroom.run.report]`), not here.
 */
import {
  UserInfoService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { scorecardRefreshPermission } from '@stockroom/plugin-data-products-common';

export class StockroomDemoPolicy implements PermissionPolicy {
  constructor(private readonly deps: { userInfo: UserInfoService }) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, scorecardRefreshPermission)) {
      if (!user) {
        // Not a signed-in user: nobody to own the product.
        return { result: AuthorizeResult.DENY };
      }
      const { ownershipEntityRefs } = await this.deps.userInfo.getUserInfo(
        user.credentials,
      );
      if (ownershipEntityRefs.length === 0) {
        return { result: AuthorizeResult.DENY };
      }
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/**
 * Installs {@link StockroomDemoPolicy} as the permission backend's policy,
 * in place of the allow-all policy module.
 */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'stockroom-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new StockroomDemoPolicy({ userInfo }));
      },
    });
  },
});
