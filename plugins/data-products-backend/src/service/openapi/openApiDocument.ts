import fs from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse as parseYaml } from 'yaml';

/** The parts of an OpenAPI 3.0 document the validator reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/**
 * Where the plugin's API is described. It ships with the package (`files`
 * in package.json), so the installed plugin validates against the very
 * document it publishes.
 */
export const OPENAPI_DOCUMENT_PATH = resolvePackagePath(
  '@stockroom/plugin-data-products-backend',
  'src/schema/openapi.yaml',
);

let cached: OpenApiDocument | undefined;

/** The published document, read once per process. */
export function loadOpenApiDocument(): OpenApiDocument {
  if (!cached) {
    const document = parseYaml(fs.readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'));
    if (!document?.openapi || typeof document.paths !== 'object') {
      throw new Error(
        `${OPENAPI_DOCUMENT_PATH} is not an OpenAPI document: it lacks openapi or paths`,
      );
    }
    cached = document as OpenApiDocument;
  }
  return cached;
}
