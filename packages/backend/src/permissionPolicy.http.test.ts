import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import dataProductsPlugin from '@stockroom/plugin-data-products-backend';
import stockroomPolicyModule from './permissionPolicy';

jest.setTimeout(120_000);

/** The demo's pipeline token: an unrestricted static token, as in app-config.yaml. */
const PIPELINE_TOKEN = 'pipeline-token-for-tests-0123456789';
/** A static token restricted to reading the inventory. */
const INVENTORY_READER_TOKEN = 'inventory-reader-token-for-tests-0123';

const RUN = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';

/** One OpenLineage RunEvent for a dataset no product claims: stored as ignored. */
const EVENT = {
  eventType: 'COMPLETE',
  eventTime: '2026-11-25T09:20:00Z',
  producer: 'https://example.com/airflow',
  schemaURL:
    'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: RUN },
  job: { namespace: 'airflow', name: 'orders.refresh' },
  outputs: [{ namespace: 'postgres://warehouse:5432', name: 'shop.orders' }],
};

/**
 * The demo portal's permission set-up end to end, over HTTP: Backstage's
 * real auth (guest sign-in, static `externalAccess` tokens), its real
 * permission client and permission backend, this policy module, and the
 * Stockroom plugin on the real scheduler. Nothing here is mocked but the
 * database (in-memory SQLite) and the catalog, which holds no entities.
 *
 * Backstage's permission client decides for service principals itself (from
 * a token's `accessRestrictions`), so the policy only ever sees users; these
 * tests pin both halves.
 */
async function startPortal(options: {
  guestOwnership: string[];
  runReporters?: string[];
  taskTriggerers?: string[];
}) {
  const backend = await startTestBackend({
    features: [
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      userInfoServiceFactory,
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: PIPELINE_TOKEN, subject: 'pipelines' },
                },
                {
                  type: 'static',
                  options: {
                    token: INVENTORY_READER_TOKEN,
                    subject: 'inventory-reader',
                  },
                  accessRestrictions: [
                    {
                      plugin: 'data-products',
                      permission: 'stockroom.inventory.read',
                    },
                  ],
                },
              ],
            },
          },
          auth: {
            providers: {
              guest: {
                dangerouslyAllowOutsideDevelopment: true,
                ownershipEntityRefs: options.guestOwnership,
              },
            },
          },
          permission: { enabled: true },
          stockroom: {
            permissions: {
              runReporters: options.runReporters ?? [],
              taskTriggerers: options.taskTriggerers ?? [],
            },
          },
        },
      }),
      authPlugin,
      guestProvider,
      catalogPlugin,
      permissionPlugin,
      stockroomPolicyModule,
      dataProductsPlugin,
    ],
  });
  const base = `http://localhost:${backend.server.port()}`;

  /** Signs in as the guest, as the demo's sign-in page does. */
  async function guestToken(): Promise<string> {
    const response = await fetch(
      `${base}/api/auth/guest/refresh?env=development`,
      {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      },
    );
    if (!response.ok) {
      throw new Error(
        `guest sign-in failed: ${response.status} ${await response.text()}`,
      );
    }
    return (await response.json()).backstageIdentity.token;
  }

  async function post(path: string, token: string, body?: unknown) {
    const response = await fetch(`${base}/api/data-products${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  }

  return { backend, guestToken, post };
}

describe('the demo permission policy, over HTTP', () => {
  describe('with no groups configured', () => {
    let portal: Awaited<ReturnType<typeof startPortal>>;
    beforeAll(async () => {
      portal = await startPortal({
        guestOwnership: ['user:development/guest'],
      });
    });
    afterAll(() => portal?.backend.stop());

    it('refuses a signed-in guest who reports runs: 403 naming the permission', async () => {
      const response = await portal.post(
        '/openlineage',
        await portal.guestToken(),
        EVENT,
      );

      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'Not allowed to report runs: it needs the permission stockroom.run.report',
      );
    });

    it('takes the run from the pipeline, a service principal with a static token', async () => {
      const response = await portal.post('/openlineage', PIPELINE_TOKEN, EVENT);

      expect(response.status).toBe(200);
      // No DataProduct claims the dataset: accepted by the API, stored as ignored.
      expect(response.body).toEqual({
        accepted: 0,
        updated: 0,
        ignored: 1,
        duplicates: 0,
        refused: 0,
        problems: [],
        warnings: [],
      });
    });

    it('refuses a static token restricted to other permissions', async () => {
      const response = await portal.post(
        '/openlineage',
        INVENTORY_READER_TOKEN,
        EVENT,
      );

      expect(response.status).toBe(403);
    });

    it('refuses requests without a token: 401', async () => {
      const response = await fetch(
        `http://localhost:${portal.backend.server.port()}/api/data-products/openlineage`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(EVENT),
        },
      );
      expect(response.status).toBe(401);
    });

    it('refuses a guest every way of running a task; lets the pipeline token', async () => {
      const guest = await portal.guestToken();
      const own = '/tasks/data-products-scoring/trigger';
      const scheduler =
        '/.backstage/scheduler/v1/tasks/data-products-scoring/trigger';

      const guestOwn = await portal.post(own, guest);
      const guestScheduler = await portal.post(scheduler, guest);
      const restricted = await portal.post(own, INVENTORY_READER_TOKEN);
      const restrictedScheduler = await portal.post(
        scheduler,
        INVENTORY_READER_TOKEN,
      );
      const pipeline = await portal.post(own, PIPELINE_TOKEN);

      expect(guestOwn.status).toBe(403);
      expect(guestOwn.body.error.message).toBe(
        'Not allowed to run data-products-scoring: it needs the permission stockroom.task.trigger',
      );
      expect(guestScheduler.status).toBe(403);
      expect(restricted.status).toBe(403);
      expect(restrictedScheduler.status).toBe(403);
      expect(pipeline.status).toBe(202);
      expect(pipeline.body).toEqual({ taskId: 'data-products-scoring' });
    });
  });

  describe('with the guest in the groups named in config', () => {
    let portal: Awaited<ReturnType<typeof startPortal>>;
    beforeAll(async () => {
      portal = await startPortal({
        guestOwnership: [
          'user:development/guest',
          'group:default/data-platform',
        ],
        runReporters: ['group:default/data-platform'],
        taskTriggerers: ['group:default/operators'],
      });
    });
    afterAll(() => portal?.backend.stop());

    it('lets a member of a runReporters group report runs', async () => {
      const response = await portal.post(
        '/openlineage',
        await portal.guestToken(),
        EVENT,
      );

      expect(response.status).toBe(200);
    });

    it('does not let that member trigger tasks: the lists are separate', async () => {
      const response = await portal.post(
        '/tasks/data-products-scoring/trigger',
        await portal.guestToken(),
      );

      expect(response.status).toBe(403);
    });
  });
});
