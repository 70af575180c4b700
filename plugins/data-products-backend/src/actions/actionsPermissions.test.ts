import fs from 'node:fs';
import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PermissionCriteria,
  PermissionCondition,
} from '@backstage/plugin-permission-common';
import { inventoryReadPermission } from '@stockroom/plugin-data-products-common';
import {
  ActionsBackend,
  startActionsBackend,
} from './__testUtils__/actionsBackend';

jest.setTimeout(120_000);

const hasName = (name: string): PermissionCondition => ({
  rule: 'HAS_METADATA',
  resourceType: 'catalog-entity',
  params: { key: 'name', value: name },
});

/**
 * A restrictive policy: the catalog hides customer-identity-v2 and the
 * component fraud-scoring from everyone (a conditional decision the
 * catalog applies in its queries); with `denyInventory`, the inventory
 * permission is denied too. Everything else is allowed.
 */
function restrictivePermissions(options: { denyInventory?: boolean } = {}) {
  const hidden: PermissionCriteria<PermissionCondition> = {
    not: {
      anyOf: [hasName('customer-identity-v2'), hasName('fraud-scoring')],
    },
  };
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => ({
      async authorize(requests: any[]) {
        return requests.map(r => ({
          result:
            options.denyInventory &&
            r.permission.name === inventoryReadPermission.name
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
      async authorizeConditional(requests: any[]) {
        return requests.map(r =>
          r.permission.name === 'catalog.entity.read'
            ? {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'catalog',
                resourceType: 'catalog-entity',
                conditions: hidden,
              }
            : { result: AuthorizeResult.ALLOW },
        );
      },
    }),
  });
}

describe('actions under a restrictive policy', () => {
  let backend: ActionsBackend;
  beforeAll(async () => {
    backend = await startActionsBackend({
      permissions: restrictivePermissions(),
      visibleProducts: 10,
    });
  });
  afterAll(() => backend?.stop());

  it('get-data-product: a hidden product is as absent as an unknown one', async () => {
    const hidden = await backend.invoke('get-data-product', {
      entityRef: 'customer-identity-v2',
    });
    const unknown = await backend.invoke('get-data-product', {
      entityRef: 'no-such-product',
    });
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      'No data product dataproduct:default/customer-identity-v2 in the catalog',
    );
    expect(JSON.stringify(hidden.body)).not.toContain('Identity Graph');
  });

  it('search-data-products: a hidden product is not found', async () => {
    const { body } = await backend.invoke('search-data-products', {
      text: 'identity',
    });
    expect(body.output.items.map((i: any) => i.entityRef)).toEqual([
      'dataproduct:default/customer-identity-v1',
    ]);
    expect(body.output.total).toBe(1);
  });

  it('impact-of-change: a consumer the caller may not see is not listed', async () => {
    const { status, body } = await backend.invoke('impact-of-change', {
      entityRef: 'partner-feed-adtech',
    });
    expect(status).toBe(200);
    // fraud-scoring also depends on it, but is hidden
    expect(body.output.consumers.map((c: any) => c.entityRef)).toEqual([
      'dataproduct:default/marketing-attribution',
    ]);
    const onHidden = await backend.invoke('impact-of-change', {
      entityRef: 'customer-identity-v2',
    });
    expect(onHidden.status).toBe(404);
  });

  it('check-contract-change: a hidden product cannot be compared with', async () => {
    const { status } = await backend.invoke('check-contract-change', {
      entityRef: 'customer-identity-v2',
      after: fs.readFileSync(
        path.resolve(
          __dirname,
          '../../../../examples/data-products/customer-identity-v2.yaml',
        ),
        'utf8',
      ),
    });
    expect(status).toBe(404);
  });
});

describe('actions without the inventory permission', () => {
  let backend: ActionsBackend;
  beforeAll(async () => {
    backend = await startActionsBackend({
      permissions: restrictivePermissions({ denyInventory: true }),
      visibleProducts: 10,
    });
  });
  afterAll(() => backend?.stop());

  it('search-data-products is refused, naming the permission', async () => {
    const { status, body } = await backend.invoke('search-data-products', {});
    expect(status).toBe(403);
    expect(body.error.message).toBe(
      'Not allowed to read the inventory: it needs the permission stockroom.inventory.read',
    );
  });
});
