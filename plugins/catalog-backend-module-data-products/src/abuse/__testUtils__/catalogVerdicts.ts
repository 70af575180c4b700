import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import request from 'supertest';
import { catalogModuleDataProducts } from '../../module';

/** A processing error, with the file it came from. */
export interface FileError {
  /** Absolute path of the catalog file the failing entity was read from. */
  file: string;
  message: string;
}

/** Collects processing errors, keyed by the file they came from. */
function processingErrors(errors: FileError[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'probe-errors',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(event => {
            const entity = event.unprocessedEntity as any;
            // an entity names its file in an annotation; a Location is the file
            const origin: string =
              entity.kind === 'Location'
                ? `file:${entity.spec?.target}`
                : entity.metadata?.annotations?.[
                    'backstage.io/managed-by-location'
                  ] ?? '';
            for (const e of event.errors) {
              errors.push({
                file: origin.replace(/^file:/, ''),
                message: String(e.message),
              });
            }
          });
        },
      });
    },
  });
}

/**
 * The real catalog backend with the DataProduct module, reading each file
 * as a `file` location, as a deployment registers them.
 */
export async function startCatalogOn(files: string[]) {
  const errors: FileError[] = [];
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataProducts,
      processingErrors(errors),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              { allow: ['DataProduct', 'Location', 'Group', 'Component'] },
            ],
            locations: files.map(target => ({ type: 'file', target })),
            processingInterval: { seconds: 1 },
          },
        },
      }),
    ],
  });

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
  async function servedProduct(name: string): Promise<any> {
    const response = await request(backend.server)
      .get(`/api/catalog/entities/by-name/dataproduct/default/${name}`)
      .set('Authorization', mockCredentials.user.header());
    return response.body;
  }

  return { backend, errors, servedProducts, servedProduct };
}
