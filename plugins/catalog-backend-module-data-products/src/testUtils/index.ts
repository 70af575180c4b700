/*
 * Test utilities for whoever tests against the DataProduct kind: this
 * package's own tests, the Stockroom backend's and the CLI's.
 *
 * This entry point imports `@backstage/backend-test-utils` and
 * `@backstage/plugin-catalog-backend`. They are optional peer dependencies
 * (and dev dependencies for our own tests), not dependencies: a backend
 * that installs this module for production must not pull in test tooling,
 * and a package that imports `./testUtils` does so from its tests, which
 * already depend on both. Declared as devDependencies only, the published
 * entry point would fail to resolve them in a consumer's tests.
 */

export {
  startRealCatalog,
  type ProcessingError,
  type RealCatalog,
  type RealCatalogOptions,
} from './startRealCatalog';
export { waitFor } from './waitFor';
