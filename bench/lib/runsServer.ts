import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { toCatalogShape } from '@stockroom/plugin-data-products-common';
import express from 'express';
import { AddressInfo } from 'node:net';
import { KnexRunStore } from '../../plugins/data-products-backend/src/database/KnexRunStore';
import {
  ScorecardService,
  createRunsRouter,
} from '../../plugins/data-products-backend/src/service/runs';
import type { BenchDatabase } from './databases';
import { syntheticDataProduct } from './synthetic';

/** Benchmarks measure, they don't log (mockServices' logger mock needs jest). */
const quietLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return quietLogger;
  },
};

/** N example-like products as the catalog serves them, dataset `bench://warehouse/t<i>`. */
export function benchProducts(n: number): Entity[] {
  return Array.from({ length: n }, (_, i) => {
    const product = syntheticDataProduct(i);
    product.metadata.annotations = { 'openlineage.io/dataset': `bench://warehouse/t${i}` };
    return toCatalogShape(product);
  });
}

/**
 * The real ingestion router and knex store on a real database, listening on
 * 127.0.0.1 — the same stack a pipeline's OpenLineage transport reaches,
 * minus Backstage's token checks (mocked: identical work for every run).
 */
export async function startRunsServer(db: BenchDatabase, entities: Entity[]) {
  const store = await KnexRunStore.create({ database: db.service as any });
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const scorecards = new ScorecardService({ catalog, auth, store });
  const router = createRunsRouter({
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    catalog,
    auth,
    store,
    logger: quietLogger,
    scorecards,
  });
  const app = express().use(router).use(mockErrorHandler());
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    catalog,
    auth,
    scorecards,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
