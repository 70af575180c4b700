import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const packageDir = path.resolve(__dirname, '../..');

/**
 * The REST types are generated from the backend's API document; this checks
 * that the committed file is what the document generates today, so a change
 * to the document without `yarn generate:api` fails here.
 */
describe('src/api/generated/openapi.ts', () => {
  it('is what yarn generate:api writes from openapi.yaml', () => {
    const generated = execFileSync(
      process.execPath,
      [path.join(packageDir, 'scripts/generate-api-types.mjs'), '--stdout'],
      { cwd: packageDir, encoding: 'utf8' },
    );
    const committed = fs.readFileSync(
      path.join(packageDir, 'src/api/generated/openapi.ts'),
      'utf8',
    );
    // Not a diff of 1,400 lines: say what to run.
    expect({
      upToDate: generated === committed,
      fix: 'run `yarn generate:api` in plugins/data-products-common and commit src/api/generated/openapi.ts',
    }).toEqual(expect.objectContaining({ upToDate: true }));
  }, 60_000);
});
