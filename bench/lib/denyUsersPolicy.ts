import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * The permission policy of the bench backends: deny. Every caller of a bench
 * is a service principal (a static token under backend.auth.externalAccess),
 * and Backstage's permissions client decides those itself from the token's
 * accessRestrictions without asking any policy — as in production, where
 * the demo portal's policy (packages/backend/src/permissionPolicy.ts) is
 * never reached by pipelines either. Denying means a bench that ever did
 * reach a policy fails instead of measuring an allowed shortcut.
 */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'bench-deny-users',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          handle: async () => ({ result: AuthorizeResult.DENY }),
        });
      },
    });
  },
});
