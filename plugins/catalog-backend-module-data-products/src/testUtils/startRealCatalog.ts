import {
  BackendFeature,
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  TestBackend,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import { catalogModuleDataProducts } from '../module';

/** One processing error, as a log module sees it. */
export interface ProcessingError {
  /** Kind and name of the unprocessed entity (a file's Location, or an entity in it). */
  kind: string;
  name: string;
  /**
   * The location the entity was read from, `type:target` (e.g.
   * `file:/abs/catalog-info.yaml`); for a Location entity, its own target.
   */
  location: string;
  message: string;
}

export interface RealCatalogOptions {
  /** Absolute paths registered as `file` locations. */
  locations?: string[];
  /** Kinds the catalog accepts (`catalog.rules`); default: the kinds of our examples. */
  allow?: string[];
  /** Further app-config sections, e.g. `stockroom`. */
  config?: JsonObject;
  /**
   * The DataProduct module installed: this package's (default), one built
   * for the test (e.g. with its own clock), or `false` for none.
   */
  dataProductsModule?: BackendFeature | false;
  /** More plugins, modules or service factories, e.g. the scaffolder. */
  features?: BackendFeature[];
}

export interface RealCatalog {
  /** The test backend; `request(catalog.backend.server)` for supertest. */
  backend: TestBackend;
  /** Every processing error so far, in the order the catalog reported them. */
  processingErrors: ProcessingError[];
  /** The catalog's scheduler: the test backend runs tasks at start-up and then only when triggered. */
  scheduler: SchedulerService;
  /**
   * The stored entity `kind:default/name`, the JSON the catalog serves (as
   * untyped as supertest's `body`), or undefined while it has none.
   */
  entity(kind: string, name: string): Promise<any>;
}

const EXAMPLE_KINDS = [
  'Component',
  'System',
  'Domain',
  'API',
  'Resource',
  'Group',
  'User',
  'Location',
  'DataProduct',
];

/**
 * What a processing error is about. The entity is unprocessed: a malformed
 * one may lack its metadata or annotations, so nothing is assumed present.
 */
function aboutEntity(unprocessed: Entity): Omit<ProcessingError, 'message'> {
  const entity = unprocessed as Partial<Entity>;
  const kind = String(entity.kind ?? '');
  const name = String(entity.metadata?.name ?? '');
  if (kind === 'Location') {
    const spec = (entity.spec ?? {}) as { type?: string; target?: string };
    return { kind, name, location: `${spec.type ?? 'file'}:${spec.target}` };
  }
  const annotations = entity.metadata?.annotations ?? {};
  const location = annotations['backstage.io/managed-by-location'] ?? '';
  return { kind, name, location: String(location) };
}

/**
 * Backstage's real catalog backend in the test process, with the
 * DataProduct module installed as its README says, reading `locations`
 * and reprocessing every second, collecting processing errors.
 * Stop it with `catalog.backend.stop()`.
 */
export async function startRealCatalog(
  options: RealCatalogOptions = {},
): Promise<RealCatalog> {
  const processingErrors: ProcessingError[] = [];
  let scheduler: SchedulerService | undefined;
  const observer = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-observer',
    register(reg) {
      reg.registerInit({
        deps: {
          processing: catalogProcessingExtensionPoint,
          scheduler: coreServices.scheduler,
        },
        async init(deps) {
          scheduler = deps.scheduler;
          deps.processing.setOnProcessingErrorHandler(event => {
            const about = aboutEntity(event.unprocessedEntity);
            for (const error of event.errors) {
              processingErrors.push({
                ...about,
                message: String(error.message),
              });
            }
          });
        },
      });
    },
  });
  const dataProducts = options.dataProductsModule ?? catalogModuleDataProducts;
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      ...(dataProducts ? [dataProducts] : []),
      observer,
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          catalog: {
            rules: [{ allow: options.allow ?? EXAMPLE_KINDS }],
            locations: (options.locations ?? []).map(target => ({
              type: 'file',
              target,
            })),
            processingInterval: { seconds: 1 },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });

  async function entity(kind: string, name: string): Promise<any> {
    const url = `http://localhost:${backend.server.port()}/api/catalog/entities/by-name/${encodeURIComponent(
      kind.toLocaleLowerCase('en-US'),
    )}/default/${encodeURIComponent(name)}`;
    const response = await fetch(url, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    if (response.status === 404) return undefined;
    if (!response.ok) {
      throw new Error(
        `GET ${url} answered ${response.status}: ${await response.text()}`,
      );
    }
    return response.json();
  }

  return { backend, processingErrors, scheduler: scheduler!, entity };
}
