import fs from 'node:fs';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogModuleDataProducts from '@stockroom/plugin-catalog-backend-module-data-products';
import request from 'supertest';
import { CORE_ENTITY } from '../__testUtils__/fixtures';
import { runCli, tempDir } from '../__testUtils__/runCli';

/*
 * What lint tells an owner about a file that is not entities must be what
 * the real catalog does with it: an emptied file makes it delete the
 * entities the file defined; a list document makes it fail the whole file
 * with "Expected object at root, got object" on the Location, keeping the
 * entities as they were. Each test edits a registered file and watches the
 * catalog, then checks lint's message says the same.
 */

jest.setTimeout(60_000);

/** The catalog's processing errors, as a log module would see them. */
function processingErrors(errors: string[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-processing-errors',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(event => {
            for (const error of event.errors) {
              errors.push(
                `${event.unprocessedEntity.kind}: ${String(error.message)}`,
              );
            }
          });
        },
      });
    },
  });
}

/**
 * The catalog's scheduler: the test backend's mock runs tasks at start-up
 * and then only when triggered, so the test triggers the orphan cleanup.
 */
function schedulerOf(capture: (scheduler: SchedulerService) => void) {
  return createBackendModule({
    pluginId: 'catalog',
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

async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('what the catalog does with a catalog-info.yaml that is not entities', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let scheduler: SchedulerService;
  let dir: string;
  let file: string;
  const errors: string[] = [];

  beforeEach(async () => {
    errors.length = 0;
    dir = tempDir({ 'catalog-info.yaml': CORE_ENTITY });
    file = path.join(dir, 'catalog-info.yaml');
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataProducts,
        processingErrors(errors),
        schedulerOf(captured => {
          scheduler = captured;
        }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['DataProduct', 'Location'] }],
              locations: [{ type: 'file', target: file }],
              processingInterval: { seconds: 1 },
            },
          },
        }),
      ],
    });
  });

  afterEach(() => backend?.stop());

  const product = async () => {
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-name/dataproduct/default/orders-core')
      .set('Authorization', mockCredentials.user.header());
    return res.status === 200 ? res.body : null;
  };
  const present = () =>
    waitFor(async () => (await product()) ?? undefined, 'orders-core');

  it('deletes the products of a file that was emptied', async () => {
    await present();
    fs.writeFileSync(file, '# moved to the data team’s repository\n');

    // Orphaned at the next read of the file (no location defines it) …
    await waitFor(
      async () =>
        (await product())?.metadata.annotations?.['backstage.io/orphan'] ===
        'true'
          ? true
          : undefined,
      'orders-core to be orphaned',
    );
    // … and deleted by the next orphan cleanup (every 30 s by default).
    await scheduler.triggerTask('catalog_orphan_cleanup');
    expect(await product()).toBeNull();

    const lint = await runCli(['lint', 'catalog-info.yaml'], { cwd: dir });
    expect(lint.stderr).toContain('delete any entity this file used to define');
  });

  it('fails the whole file on a list document and keeps the product as it was', async () => {
    await present();
    fs.writeFileSync(
      file,
      `${CORE_ENTITY.replace('One row per order.', 'Changed.')}---\n- a\n`,
    );

    const error = await waitFor(
      async () => errors.find(e => e.includes('Expected object at root')),
      'the processing error',
    );
    expect(error).toBe('Location: Expected object at root, got object');
    // a few more rounds of processing: the change never arrives
    await new Promise(resolve => setTimeout(resolve, 3000));
    expect((await product())?.metadata.description).toBe('One row per order.');

    const lint = await runCli(['lint', 'catalog-info.yaml'], { cwd: dir });
    expect(lint.stderr).toContain(
      '"Expected object at root, got object" (on the file’s Location entity, not on your entities): no change to this file reaches the catalog',
    );
  });
});
