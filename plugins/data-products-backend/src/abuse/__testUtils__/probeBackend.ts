import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import plugin from '../../index';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { PROBE_CATALOG } from '../probeCatalog';
import { TOKENS } from '../tokens';

/**
 * The plugin as a deployment runs it, for the probe suite: Backstage's real
 * auth (static `externalAccess` tokens, verified as in production), its real
 * permission client (which decides for service principals from their
 * tokens' `accessRestrictions`) and a real database. The catalog (a fixed
 * set of entities) and the notifications backend are stand-ins: neither is
 * a dependency of this package.
 *
 * Two kinds, each on a database of its own:
 * - `products`: the catalog holds PROBE_CATALOG. The scheduler is the
 *   in-memory one of backend-test-utils, which runs a task only when
 *   triggered: Backstage's would start the contract-history task a minute
 *   in and add rows while the probes count them.
 * - `scheduler`: Backstage's real scheduler, with its REST API under the
 *   plugin, and an empty catalog, so the tasks it runs write nothing.
 */
export async function startProbeBackend(
  knex: Knex,
  kind: 'products' | 'scheduler',
) {
  const catalog: Entity[] = kind === 'products' ? PROBE_CATALOG : [];
  const backend = await startTestBackend({
    features: [
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      kind === 'scheduler'
        ? schedulerServiceFactory
        : mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: TOKENS.pipeline, subject: 'pipeline' },
                },
                {
                  type: 'static',
                  options: { token: TOKENS.reader, subject: 'reader' },
                  accessRestrictions: [
                    {
                      plugin: 'data-products',
                      permission: 'stockroom.inventory.read',
                    },
                  ],
                },
                {
                  type: 'static',
                  options: { token: TOKENS.reporter, subject: 'reporter' },
                  accessRestrictions: [
                    {
                      plugin: 'data-products',
                      permission: 'stockroom.run.report',
                    },
                  ],
                },
              ],
            },
          },
          permission: { enabled: true },
        },
      }),
      catalogServiceMock.factory({ entities: catalog }),
      new RecordingNotificationService().factory(),
      plugin,
    ],
  });
  return backend;
}
