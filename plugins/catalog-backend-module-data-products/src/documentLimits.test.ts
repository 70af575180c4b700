import { createMockDirectory } from '@backstage/backend-test-utils';
import { stringify } from 'yaml';
import { fullDataProduct } from './__fixtures__/entities';
import { startRealCatalog, waitFor } from './testUtils';

jest.setTimeout(90_000);

/** A 10 MB document takes the catalog a while: a minute for each wait. */
const SLOW = { timeoutMs: 60_000 };

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
  const catalog = await startRealCatalog({
    locations: [dir.resolve('catalog-info.yaml')],
    allow: ['DataProduct', 'Location'],
  });
  const get = (name: string) => catalog.entity('DataProduct', name);
  return { backend: catalog.backend, errors: catalog.processingErrors, get };
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
        () => errors.find(e => e.name === 'huge-description'),
        'the processing error',
        SLOW,
      );
      await waitFor(
        () => get('customer-identity-v2'),
        'the valid product',
        SLOW,
      );
      const message = errors.find(e => e.name === 'huge-description')!.message;
      expect(message).toContain(
        'metadata.description: metadata.description is 10,485,760 characters long, over the limit of 10,000',
      );
      expect(message).toContain('larger than the limit of 256 KiB');
      expect(await get('huge-description')).toBeUndefined();
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
        () => errors.find(e => e.name === 'deep-contract'),
        'the processing error',
        SLOW,
      );
      expect(error.message).toContain(
        'Placeholder $json may not read ./deep.odcs.json: it nests objects and lists more than 100 levels deep (at schema[0].properties[0].properties[0]',
      );
      expect(error.message).toContain('an entity may nest at most 100');
      expect(await get('deep-contract')).toBeUndefined();
    } finally {
      await backend.stop();
    }
  });
});
