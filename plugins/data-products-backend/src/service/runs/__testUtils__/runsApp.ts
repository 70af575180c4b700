import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import { createRunsRouter, RunsRouterOptions } from '../createRunsRouter';
import { ScorecardService } from '../ScorecardService';
import { openStores } from '../../../database/openStores';

/** The request-time clock of the tests. */
export const NOW = new Date('2026-11-25T12:00:00.000Z');

export const ORDERS_DATASET =
  'postgres://warehouse:5432/analytics.public.orders';
export const IDENTITY_DATASET =
  'snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY';

/** A DataProduct as the catalog serves it (lifecycle as a string). */
export function catalogProduct(
  name: string,
  options: {
    datasets?: string;
    owner?: string;
    contract?: NonNullable<Entity['spec']>;
    consumers?: string[];
  } = {},
): Entity {
  const owner = options.owner ?? 'group:default/orders-team';
  return {
    apiVersion: 'stockroom.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name,
      namespace: 'default',
      ...(options.datasets
        ? { annotations: { 'openlineage.io/dataset': options.datasets } }
        : {}),
    },
    spec: {
      type: 'table',
      category: 'shared-mart',
      owner,
      version: '1.0.0',
      lifecycle: 'active',
      lifecycleDetails: { createdOn: '2026-01-10' },
      ...(options.contract ? { contract: options.contract } : {}),
    },
    relations: [
      { type: RELATION_OWNED_BY, targetRef: owner },
      ...(options.consumers ?? []).map(targetRef => ({
        type: RELATION_DEPENDENCY_OF,
        targetRef,
      })),
    ],
  };
}

export function group(name: string, members: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: members.map(targetRef => ({
      type: RELATION_HAS_MEMBER,
      targetRef,
    })),
  };
}

/** The inventory most tests use. */
export function inventory(): Entity[] {
  return [
    catalogProduct('orders', { datasets: ORDERS_DATASET }),
    catalogProduct('identity', {
      // Two datasets, written in the annotation's two forms.
      datasets: `${IDENTITY_DATASET}, bigquery/acme.identity.customers`,
      owner: 'group:default/identity-platform',
    }),
    catalogProduct('no-lineage'),
    group('orders-team', ['user:default/ada']),
  ];
}

/** A RunEvent as an OpenLineage client sends it. */
export function runEvent(
  eventType: string,
  runId: string,
  options: {
    eventTime?: string;
    outputs?: Array<{
      namespace: string;
      name: string;
      [key: string]: unknown;
    }>;
    runFacets?: Record<string, unknown>;
    inputs?: unknown[];
  } = {},
): Record<string, any> {
  return {
    eventType,
    eventTime: options.eventTime ?? '2026-11-25T10:00:00.000Z',
    run: { runId, facets: options.runFacets ?? {} },
    job: { namespace: 'airflow', name: 'orders_daily', facets: {} },
    inputs: options.inputs ?? [],
    outputs: options.outputs ?? [
      {
        namespace: 'postgres://warehouse:5432',
        name: 'analytics.public.orders',
      },
    ],
    producer:
      'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/airflow',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  };
}

/** A native run report. */
export function nativeRun(
  runId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    product: 'dataproduct:default/orders',
    runId,
    status: 'success',
    startedAt: '2026-11-25T09:00:00Z',
    finishedAt: '2026-11-25T09:30:00Z',
    watermark: '2026-11-25T09:00:00Z',
    rowCount: 1000,
    ...overrides,
  };
}

/**
 * The runs router on a real store, in a bare express app with the
 * backend's error handler, as the plugin mounts it.
 */
export async function createRunsApp(
  knex: Knex,
  options: {
    entities?: Entity[];
    result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    clock?: () => Date;
    router?: Partial<RunsRouterOptions>;
  } = {},
) {
  const {
    runs: store,
    scorecardSnapshots: snapshots,
    contractHistory,
  } = await openStores(mockServices.database({ knex }));
  const catalog = catalogServiceMock({
    entities: options.entities ?? inventory(),
  });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async requests =>
      requests.map(() => ({ result: options.result ?? AuthorizeResult.ALLOW })),
    ),
  });
  const auth = mockServices.auth();
  const router = createRunsRouter({
    httpAuth: mockServices.httpAuth(),
    permissions,
    catalog,
    auth,
    store,
    snapshots,
    logger: mockServices.logger.mock(),
    clock: options.clock ?? (() => NOW),
    // As the plugin scores: drift incidents counted from the contract history.
    scorecards: new ScorecardService({
      catalog,
      auth,
      store,
      snapshots,
      contractHistory,
      ...options.router?.scoring,
    }),
    ...options.router,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, store, snapshots, catalog, permissions };
}

/** Row counts of every table ingestion writes. */
export async function rowCounts(knex: Knex) {
  const count = async (table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);
  return {
    runs: await count('runs'),
    observedSchemas: await count('observed_schemas'),
    snapshots: await count('scorecard_snapshots'),
  };
}

/** Row counts of the tables ingestion writes, OpenLineage events included. */
export async function ingestionRowCounts(knex: Knex) {
  return {
    ...(await rowCounts(knex)),
    runEvents: Number((await knex('run_events').count({ n: '*' }))[0].n),
  };
}

/**
 * The reply to every ingestion request (standards.md "Intake is per
 * event"): the counts of each outcome, every problem and every warning;
 * what `expected` does not name is zero or empty.
 */
export function intakeReply(
  expected: Partial<{
    accepted: number;
    updated: number;
    ignored: number;
    duplicates: number;
    refused: number;
    problems: unknown[];
    warnings: unknown[];
  }> = {},
) {
  return {
    accepted: 0,
    updated: 0,
    ignored: 0,
    duplicates: 0,
    refused: 0,
    problems: [],
    warnings: [],
    ...expected,
  };
}
