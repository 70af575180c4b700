import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import request from 'supertest';
import { stringify } from 'yaml';
import { fullDataProduct } from './__fixtures__/entities';
import { catalogModuleDataProducts } from './module';

jest.setTimeout(90_000);

type ProcessingError = { entity: string; message: string };

/** The real catalog with the module, reading one file location. */
async function startCatalog(file: string, errors: ProcessingError[]) {
  const collector = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'limits-errors',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(event => {
            for (const e of event.errors) {
              errors.push({
                entity: event.unprocessedEntity.metadata.name,
                message: String(e.message),
              });
            }
          });
        },
      });
    },
  });
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataProducts,
      collector,
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
}

async function waitFor<T>(probe: () => T | undefined, what: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

async function waitForStored(
  get: (name: string) => request.Test,
  name: string,
) {
  const deadline = Date.now() + 60_000;
  while ((await get(name)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${name}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/**
 * ODCS properties nested `levels` deep, as JSON text: JSON.stringify
 * itself overflows on such depth, so it is written by hand.
 */
function deepOdcsJson(levels: number): string {
  const properties = `${'[{"name":"f","logicalType":"object","properties":'.repeat(
    levels,
  )}[]${'}]'.repeat(levels)}`;
  return `{"apiVersion":"v3.0.0","kind":"DataContract","id":"deep","version":"1.0.0","status":"active","schema":[{"name":"deep","properties":${properties}}]}`;
}

/** Products in `entities`, read into one catalog; the errors of each. */
async function process(entities: object[], files: Record<string, string> = {}) {
  const dir = createMockDirectory();
  dir.setContent({
    'catalog-info.yaml': entities.map(e => stringify(e)).join('---\n'),
    ...files,
  });
  const errors: ProcessingError[] = [];
  const backend = await startCatalog(dir.resolve('catalog-info.yaml'), errors);
  const get = (name: string) =>
    request(backend.server)
      .get(`/api/catalog/entities/by-name/dataproduct/default/${name}`)
      .set('Authorization', mockCredentials.user.header());
  return { backend, errors, get };
}

describe('DataProduct limits in the real catalog', () => {
  it('refuses a 10 MB description, naming the field and the limit, and stores nothing', async () => {
    const valid = fullDataProduct();
    const huge = fullDataProduct();
    huge.metadata.name = 'huge-description';
    huge.metadata.description = 'x'.repeat(10 * 1024 * 1024);
    const { backend, errors, get } = await process([valid, huge]);
    try {
      // the valid product of the same file is stored: processing went on
      await waitFor(
        () => errors.find(e => e.entity === 'huge-description'),
        'the processing error',
      );
      await waitForStored(get, 'customer-identity-v2');
      const message = errors.find(
        e => e.entity === 'huge-description',
      )!.message;
      expect(message).toContain(
        'metadata.description: metadata.description is 10,485,760 characters long, over the limit of 10,000',
      );
      expect(message).toContain('larger than the limit of 256 KiB');
      expect((await get('huge-description')).status).toBe(404);
    } finally {
      await backend.stop();
    }
  });

  it('refuses an ODCS contract nested 20,000 levels deep where the placeholder reads it, naming the file and where', async () => {
    const deep = fullDataProduct();
    deep.metadata.name = 'deep-contract';
    deep.spec.contract = { odcs: { $json: './deep.odcs.json' } } as any;
    const { backend, errors, get } = await process([deep], {
      'deep.odcs.json': deepOdcsJson(20_000),
    });
    try {
      const error = await waitFor(
        () => errors.find(e => e.entity === 'deep-contract'),
        'the processing error',
      );
      expect(error.message).toContain(
        'Placeholder $json may not read ./deep.odcs.json: it nests objects and lists more than 100 levels deep (at schema[0].properties[0].properties[0]',
      );
      expect(error.message).toContain('an entity may nest at most 100');
      expect((await get('deep-contract')).status).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});
