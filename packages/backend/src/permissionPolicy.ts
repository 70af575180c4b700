/*
 * The demo portal's permission policy: a sample to copy and adapt.
 *
 * - `stockroom.scorecard.refresh` (recompute a product's scorecard now) is
 *   allowed only to the product's owners: a conditional decision the
 *   catalog resolves with its `isEntityOwner` rule against the user's
 *   ownership claims (their user entity and their groups).
 * - `stockroom.run.report` (report pipeline runs) and `stockroom.task.trigger`
 *   (run a scheduled task now) are for service principals: no user may,
 *   guest included, except members of the groups named in
 *   `stockroom.permissions.runReporters` / `.taskTriggerers`. Any user who
 *   could report runs could fabricate a product's history; any who could
 *   trigger tasks could make every instance rescore and notify at will.
 * - Everything else is allowed, including `stockroom.inventory.read`.
 *
 * Service principals never reach this policy: Backstage's permissions
 * client (ServerPermissionClient) decides for them itself, allowing
 * everything unless the token's `accessRestrictions` say otherwise — so
 * restrict each pipeline's token under `backend.auth.externalAccess`
 * (e.g. `permission: stockroom.run.report`); a policy cannot. See
 * docs/security.md.
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
import {
  runReportPermission,
  scorecardRefreshPermission,
  taskTriggerPermission,
} from '@stockroom/plugin-data-products-common';
import { PermissionGroups, readPermissionGroups } from './permissionGroups';

export class StockroomDemoPolicy implements PermissionPolicy {
  constructor(
    private readonly deps: {
      userInfo: UserInfoService;
    } & Partial<PermissionGroups>,
  ) {}

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
    if (isPermission(request.permission, runReportPermission)) {
      return this.allowMembersOf(this.deps.runReporters, user);
    }
    if (isPermission(request.permission, taskTriggerPermission)) {
      return this.allowMembersOf(this.deps.taskTriggerers, user);
    }
    return { result: AuthorizeResult.ALLOW };
  }

  /**
   * ALLOW for a signed-in user with one of `groups` among their ownership
   * claims (their groups, from the user-info service), DENY otherwise.
   */
  private async allowMembersOf(
    groups: string[] = [],
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // Without a user the caller is anonymous: service principals are
    // decided by the permissions client and never get here.
    if (!user || groups.length === 0) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.deps.userInfo.getUserInfo(
      user.credentials,
    );
    // Entity refs compare case-insensitively, as the catalog's do.
    const named = groups.map(group => group.toLocaleLowerCase('en-US'));
    const member = ownershipEntityRefs.some(ref =>
      named.includes(ref.toLocaleLowerCase('en-US')),
    );
    return { result: member ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
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
        config: coreServices.rootConfig,
      },
      async init({ policy, userInfo, config }) {
        // Throws on a malformed group list: start-up fails naming the key.
        const groups = readPermissionGroups(config);
        policy.setPolicy(new StockroomDemoPolicy({ userInfo, ...groups }));
      },
    });
  },
});
