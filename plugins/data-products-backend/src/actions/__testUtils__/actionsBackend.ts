import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { ServiceFactory } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataProducts from '@stockroom/plugin-catalog-backend-module-data-products';
import request from 'supertest';
import plugin from '../../index';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';

/** The demo inventory: Acme's teams, consumers and data products. */
const EXAMPLES = path.resolve(__dirname, '../../../../../examples/all.yaml');

/** 11 DataProducts in examples/all.yaml. */
const PRODUCTS_IN_EXAMPLES = 11;

export type ActionsBackend = {
  /** Invokes `data-products:<name>` as a user, the way the MCP backend does. */
  invoke(
    name: string,
    input: unknown,
    as?: { header: string },
  ): Promise<{ status: number; body: any }>;
  /** The backend's HTTP server, for the plugin's own API. */
  server: any;
  /** Lists the plugin's actions as a user sees them. */
  list(): Promise<any[]>;
  stop(): Promise<void>;
};

/**
 * The real catalog with the demo inventory, our catalog module, this
 * plugin, and Backstage's real actions registry (its HTTP invoke endpoint:
 * input validated by the registry against the action's zod schema, the
 * caller's credentials passed to the action). Resolves once the catalog has
 * stitched every dependency both ways, so consumer lists are complete.
 */
export async function startActionsBackend(
  options: {
    permissions?: ServiceFactory;
    /** How many of the 11 products the user may see under `permissions`. */
    visibleProducts?: number;
  } = {},
): Promise<ActionsBackend> {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataProducts,
      plugin,
      actionsRegistryServiceFactory,
      new RecordingNotificationService().factory(),
      ...(options.permissions ? [options.permissions] : []),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              {
                allow: [
                  'DataProduct',
                  'Location',
                  'Group',
                  'User',
                  'System',
                  'Domain',
                  'Component',
                  'Resource',
                  'API',
                ],
              },
            ],
            locations: [{ type: 'file', target: EXAMPLES }],
            processingInterval: { seconds: 1 },
          },
        },
      }),
    ],
  });
  const asUser = mockCredentials.user.header();
  await waitForStitching(
    backend.server,
    asUser,
    options.visibleProducts ?? PRODUCTS_IN_EXAMPLES,
  );
  return {
    server: backend.server,
    async invoke(name, input, as) {
      const res = await request(backend.server)
        .post(
          `/api/data-products/.backstage/actions/v1/actions/data-products:${name}/invoke`,
        )
        .set('Authorization', as?.header ?? asUser)
        .send(input as object);
      return { status: res.status, body: res.body };
    },
    async list() {
      const res = await request(backend.server)
        .get('/api/data-products/.backstage/actions/v1/actions')
        .set('Authorization', asUser);
      return res.body.actions;
    },
    stop: () => backend.stop(),
  };
}

/**
 * Waits until the user sees `products` DataProducts and every dependsOn
 * between two entities they see has its dependencyOf back.
 */
async function waitForStitching(server: any, header: string, products: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await request(server)
      .get('/api/catalog/entities')
      .set('Authorization', header);
    const entities: any[] = res.status === 200 ? res.body : [];
    const refOf = (e: any) =>
      `${e.kind}:${e.metadata.namespace ?? 'default'}/${
        e.metadata.name
      }`.toLocaleLowerCase('en-US');
    const visible = new Set(entities.map(refOf));
    const pairs = (type: string, reverse: boolean) =>
      new Set(
        entities.flatMap(e =>
          (e.relations ?? [])
            .filter((r: any) => r.type === type && visible.has(r.targetRef))
            .map((r: any) =>
              reverse
                ? `${r.targetRef}>${refOf(e)}`
                : `${refOf(e)}>${r.targetRef}`,
            ),
        ),
      );
    const dependsOn = pairs('dependsOn', false);
    const dependencyOf = pairs('dependencyOf', true);
    const seen = entities.filter(e => e.kind === 'DataProduct').length;
    const stitched =
      seen === products &&
      dependsOn.size > 0 &&
      [...dependsOn].every(pair => dependencyOf.has(pair));
    if (stitched) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the catalog did not finish processing the examples (${seen} of ${products} products)`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/**
 * The input fields the registry's 400 names: it validates input against the
 * action's zod schema and returns the issues, each with the field's path.
 */
export function invalidFields(body: any): string[] {
  return (body?.error?.cause?.issues ?? []).map((issue: any) =>
    issue.path.join('.'),
  );
}
