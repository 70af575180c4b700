import fs from 'node:fs';
import path from 'node:path';
import { CORE_ENTITY } from '../__testUtils__/fixtures';
import {
  RealCatalog,
  startRealCatalog,
  waitFor,
} from '@stockroom/plugin-catalog-backend-module-data-products/testUtils';
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

describe('what the catalog does with a catalog-info.yaml that is not entities', () => {
  let catalog: RealCatalog;
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = tempDir({ 'catalog-info.yaml': CORE_ENTITY });
    file = path.join(dir, 'catalog-info.yaml');
    catalog = await startRealCatalog({
      locations: [file],
      allow: ['DataProduct', 'Location'],
    });
  });

  afterEach(() => catalog?.backend.stop());

  const product = () => catalog.entity('DataProduct', 'orders-core');
  const present = () => waitFor(product, 'orders-core');

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
    await catalog.scheduler.triggerTask('catalog_orphan_cleanup');
    expect(await product()).toBeUndefined();

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
      () =>
        catalog.processingErrors.find(e =>
          e.message.includes('Expected object at root'),
        ),
      'the processing error',
    );
    expect(error).toMatchObject({
      kind: 'Location',
      message: 'Expected object at root, got object',
    });
    // a few more rounds of processing: the change never arrives
    await new Promise(resolve => setTimeout(resolve, 3000));
    expect((await product())?.metadata.description).toBe('One row per order.');

    const lint = await runCli(['lint', 'catalog-info.yaml'], { cwd: dir });
    expect(lint.stderr).toContain(
      '"Expected object at root, got object" (on the file’s Location entity, not on your entities): no change to this file reaches the catalog',
    );
  });
});
