import fs from 'node:fs';
import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  RealCatalog,
  startRealCatalog,
  waitFor,
} from '@stockroom/plugin-catalog-backend-module-data-products/testUtils';
import request from 'supertest';
import plugin from '../../index';
import { RecordingNotificationService } from '../../__testUtils__/RecordingNotificationService';
import { OpenApiRequestValidator } from '../openapi';
import { PRODUCT_SIGHTINGS_TASK_ID } from '../../jobs/productSightingsJob';

/*
 * The real catalog, our catalog module and this plugin in one backend, and a
 * registered catalog-info.yaml the tests edit the way an owner would. The
 * catalog drops a product whose file stops defining it without telling
 * anyone; GET /lifecycle/missing must list it, with the catalog's words.
 */

jest.setTimeout(90_000);

const PRODUCT = `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: orders-core
  title: Orders
  description: One row per order.
spec:
  type: table
  category: shared-mart
  owner: group:commerce-eng
  version: 1.2.0
  lifecycle:
    stage: active
    createdOn: 2026-01-10
  contract:
    schema:
      - name: order_id
        type: uuid
        description: Order id, unique.
        key: primary
    freshness:
      p95: 15m
      p99: 45m
    escalation:
      channel: "#commerce-data"
      onCall: pagerduty:commerce-primary
`;

const REF = 'dataproduct:default/orders-core';

/** The plugin's scheduler: the test backend runs tasks only when triggered. */
function pluginSchedulerOf(capture: (scheduler: SchedulerService) => void) {
  return createBackendModule({
    pluginId: 'data-products',
    moduleId: 'test-scheduler',
    register(reg) {
      reg.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          capture(scheduler);
        },
      });
    },
  });
}

/**
 * Lets `file` locations be dry-run, as `url` ones are by default: a portal
 * whose products live in git (url locations) is what this stands for.
 */
const fileLocationsAllowed = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-file-locations',
  register(reg) {
    reg.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});

describe('GET /lifecycle/missing with the real catalog', () => {
  const validator = OpenApiRequestValidator.fromDocument();
  let catalog: RealCatalog;
  let pluginScheduler: SchedulerService;
  let file: string;
  let notifications: RecordingNotificationService;

  async function start(options: { fileDryRuns: boolean; content?: string }) {
    notifications = new RecordingNotificationService();
    const dir = createMockDirectory();
    dir.setContent({ 'catalog-info.yaml': options.content ?? PRODUCT });
    file = dir.resolve('catalog-info.yaml');
    catalog = await startRealCatalog({
      locations: [file],
      allow: ['DataProduct', 'Location'],
      features: [
        ...(options.fileDryRuns ? [fileLocationsAllowed] : []),
        pluginSchedulerOf(s => {
          pluginScheduler = s;
        }),
        plugin,
        notifications.factory(),
      ],
    });
  }

  afterEach(() => catalog?.backend.stop());

  const product = () => catalog.entity('DataProduct', 'orders-core');
  const isOrphan = async () =>
    (await product())?.metadata.annotations?.['backstage.io/orphan'] === 'true'
      ? true
      : undefined;

  async function missing() {
    const res = await request(catalog.backend.server)
      .get('/api/data-products/lifecycle/missing')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(
      validator.responseProblems(
        'get',
        '/lifecycle/missing',
        res.status,
        res.body,
      ),
    ).toEqual([]);
    return res.body.items as any[];
  }

  /** Ingested, seen by the plugin, and not missing. */
  async function seenByThePlugin() {
    await waitFor(product, 'orders-core in the catalog');
    await pluginScheduler.triggerTask(PRODUCT_SIGHTINGS_TASK_ID);
    expect(await missing()).toEqual([]);
  }

  it('lists a product renamed to an invalid name, with the catalog’s error, orphaned and then gone', async () => {
    await start({ fileDryRuns: true });
    await seenByThePlugin();

    fs.writeFileSync(
      file,
      PRODUCT.replace('name: orders-core', 'name: my product'),
    );
    await waitFor(isOrphan, 'orders-core to be orphaned');

    const [orphaned] = await missing();
    expect(orphaned).toMatchObject({
      entityRef: REF,
      title: 'Orders',
      owner: 'group:default/commerce-eng',
      stage: 'active',
      status: 'orphaned',
      location: `file:${file}`,
      locationDefines: null,
    });
    expect(orphaned.locationErrors).toEqual([
      expect.stringContaining(
        '"metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "my product"',
      ),
    ]);
    expect(orphaned.explanation).toContain('deletes it at its next orphan');

    await catalog.scheduler.triggerTask('catalog_orphan_cleanup');
    expect(await product()).toBeUndefined();
    const [gone] = await missing();
    expect(gone).toMatchObject({ entityRef: REF, status: 'gone' });
    expect(gone.locationErrors[0]).toContain('found "my product"');
    expect(gone.explanation).toMatch(/^The catalog no longer has this product/);
    expect(Date.parse(gone.lastSeenAt)).toBeLessThanOrEqual(Date.now());
  });

  it('tells the owner once that their product went missing, with the catalog’s error', async () => {
    await start({ fileDryRuns: true });
    await seenByThePlugin();
    expect(notifications.sent).toEqual([]);

    fs.writeFileSync(
      file,
      PRODUCT.replace('name: orders-core', 'name: my product'),
    );
    await waitFor(isOrphan, 'orders-core to be orphaned');
    await catalog.scheduler.triggerTask('catalog_orphan_cleanup');
    await pluginScheduler.triggerTask(PRODUCT_SIGHTINGS_TASK_ID);
    await pluginScheduler.triggerTask(PRODUCT_SIGHTINGS_TASK_ID);

    expect(notifications.sent).toHaveLength(1);
    const [notice] = notifications.sent;
    expect(notice.recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/commerce-eng',
    });
    expect(notice.payload.title).toBe('Orders is missing from the catalog');
    expect(notice.payload.description).toContain(
      `dataproduct:default/orders-core (last seen `,
    );
    expect(notice.payload.description).toContain(`defined in file:${file}`);
    expect(notice.payload.description).toContain('found "my product"');
  });

  it('does not notify anyone when most of the inventory vanishes at once, but lists it', async () => {
    const four = ['orders-core', 'orders-eu', 'orders-us', 'orders-apac']
      .map(name => PRODUCT.replace('name: orders-core', `name: ${name}`))
      .join('---\n');
    await start({ fileDryRuns: true, content: four });
    await seenByThePlugin();

    fs.writeFileSync(file, '');
    await waitFor(isOrphan, 'orders-core to be orphaned');
    await catalog.scheduler.triggerTask('catalog_orphan_cleanup');
    await pluginScheduler.triggerTask(PRODUCT_SIGHTINGS_TASK_ID);

    expect(notifications.sent).toEqual([]);
    expect((await missing()).map(item => item.status)).toEqual([
      'gone',
      'gone',
      'gone',
      'gone',
    ]);
  });

  it('lists the product of an emptied file: the file defines nothing now', async () => {
    await start({ fileDryRuns: true });
    await seenByThePlugin();

    fs.writeFileSync(file, '# moved to the data team’s repository\n');
    await waitFor(isOrphan, 'orders-core to be orphaned');
    await catalog.scheduler.triggerTask('catalog_orphan_cleanup');

    expect(await missing()).toEqual([
      expect.objectContaining({
        entityRef: REF,
        status: 'gone',
        locationErrors: [],
        locationDefines: [],
      }),
    ]);
    expect((await missing())[0].explanation).toContain(
      'Its file defines no entity now',
    );
  });

  it('lists a product whose file became a list document as stale, with the Location’s error', async () => {
    // the catalog's default: file locations are not dry-run
    await start({ fileDryRuns: false });
    await seenByThePlugin();

    fs.writeFileSync(file, `${PRODUCT}---\n- a\n`);
    const items = await waitFor(async () => {
      const found = await missing();
      return found.length > 0 ? found : undefined;
    }, 'orders-core to be listed');

    expect(items).toEqual([
      expect.objectContaining({
        entityRef: REF,
        status: 'stale',
        locationErrors: ['Error: Expected object at root, got object'],
        locationDefines: null,
      }),
    ]);
    expect(items[0].explanation).toContain(
      'a YAML list or a plain value where an entity belongs',
    );
    // still in the catalog, as it was
    expect((await product())?.metadata.title).toBe('Orders');
  });

  it('says why a file could not be re-read where the catalog refuses dry runs of its type', async () => {
    await start({ fileDryRuns: false });
    await seenByThePlugin();

    fs.writeFileSync(file, '');
    await waitFor(isOrphan, 'orders-core to be orphaned');

    const [orphaned] = await missing();
    expect(orphaned).toMatchObject({
      status: 'orphaned',
      locationErrors: [],
      locationDefines: null,
    });
    expect(orphaned.explanation).toContain(
      'Its file could not be re-read: the catalog answered 400: Registered locations must be of an allowed type ["url"]',
    );
  });
});
