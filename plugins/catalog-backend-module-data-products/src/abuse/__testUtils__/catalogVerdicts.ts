import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startRealCatalog } from '../../testUtils';

/** A processing error, with the file it came from. */
export interface FileError {
  /** Absolute path of the catalog file the failing entity was read from. */
  file: string;
  message: string;
}

/**
 * The real catalog backend with the DataProduct module, reading each file
 * as a `file` location, as a deployment registers them.
 */
export async function startCatalogOn(files: string[]) {
  const catalog = await startRealCatalog({
    locations: files,
    allow: ['DataProduct', 'Location', 'Group', 'Component'],
  });
  const { backend } = catalog;

  /** Processing errors so far, keyed by the file they came from. */
  const errors = (): FileError[] =>
    catalog.processingErrors.map(e => ({
      file: e.location.replace(/^file:/, ''),
      message: e.message,
    }));

  /** Every DataProduct the catalog serves: name → the file it came from. */
  async function servedProducts(): Promise<Map<string, string>> {
    const response = await request(backend.server)
      .get('/api/catalog/entities/by-query?filter=kind=DataProduct&limit=500')
      .set('Authorization', mockCredentials.user.header());
    const served = new Map<string, string>();
    for (const entity of response.body.items ?? []) {
      served.set(
        entity.metadata.name,
        String(
          entity.metadata.annotations?.['backstage.io/managed-by-location'] ??
            '',
        ).replace(/^file:/, ''),
      );
    }
    return served;
  }

  /** The DataProduct the catalog serves under `name`, as it serves it. */
  const servedProduct = (name: string) => catalog.entity('DataProduct', name);

  return { backend, errors, servedProducts, servedProduct };
}
