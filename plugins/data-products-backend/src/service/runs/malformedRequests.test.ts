import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import {
  createRunsApp,
  nativeRun,
  ingestionRowCounts,
  runEvent,
} from './__testUtils__/runsApp';

jest.setTimeout(180_000);

const RUN = '0192963f-929e-731b-a075-9bb14bf41d38';

/** A run id of its own for each case that stores something. */
function runId(n: number): string {
  return `0192963f-929e-731b-a075-${String(n).padStart(12, '0')}`;
}

/** The outcome counts of an ingestion reply. */
type Counts = {
  accepted: number;
  updated: number;
  ignored: number;
  duplicates: number;
  refused: number;
};

/** One malformed request and what it must answer. */
type Case = {
  name: string;
  method?: 'post' | 'get';
  path: string;
  /** A JSON body (sent as application/json). */
  body?: unknown;
  /** A raw body, sent as is with `contentType`. */
  raw?: string;
  contentType?: string;
  auth?: 'none' | 'user' | 'service';
  /** Which app answers: permissions allowed (default) or denied. */
  permission?: 'deny';
  status: number;
  /** Contained in `error.message`; absent for a 200. */
  message?: string | RegExp;
  /** Contained in `problems` (replies of ingestion). */
  problems?: Array<{ index?: number; path: string; message: string | RegExp }>;
  /**
   * The outcome counts of an ingestion reply. By default, for an ingestion
   * 400 with problems: every item of the body refused, nothing else.
   */
  counts?: Partial<Counts>;
  /** Rows the request adds; by default none. */
  stored?: { runs?: number; runEvents?: number };
  /** Contained in `warnings` (quirks read anyway); by default none. */
  warnings?: Array<{ index?: number; path: string; message: string | RegExp }>;
};

/** An event with `change` applied to a fresh valid one. */
function event(change: (e: Record<string, any>) => void, type = 'COMPLETE') {
  const e = runEvent(type, RUN);
  change(e);
  return e;
}

function output(extra: Record<string, unknown>) {
  return event(e => {
    e.outputs = [
      {
        namespace: 'postgres://warehouse:5432',
        name: 'analytics.public.orders',
        ...extra,
      },
    ];
  });
}

function runs(...items: unknown[]) {
  return { runs: items };
}

/** A request whose only event (or run) is invalid. */
const invalidSingle = 'is invalid; nothing was stored';
/** A request of several items, none valid. */
const allInvalid = 'are invalid; nothing was stored';
const SIX_MB = 6 * 1024 * 1024;

const openLineageCases: Case[] = [
  // The body as a whole
  {
    name: 'JSON that does not parse',
    path: '/openlineage',
    raw: '{"eventType": "START",',
    contentType: 'application/json',
    status: 400,
    message: 'The request body is not valid JSON',
  },
  {
    name: 'a JSON string',
    path: '/openlineage',
    raw: '"COMPLETE"',
    contentType: 'application/json',
    status: 400,
    message: 'The request body is not valid JSON',
  },
  {
    name: 'JSON null',
    path: '/openlineage',
    raw: 'null',
    contentType: 'application/json',
    status: 400,
    message: 'The request body is not valid JSON',
  },
  {
    name: 'a JSON number',
    path: '/openlineage',
    raw: '42',
    contentType: 'application/json',
    status: 400,
    message: 'The request body is not valid JSON',
  },
  {
    name: 'an empty array',
    path: '/openlineage',
    body: [],
    status: 400,
    message: 'holds no RunEvent',
    problems: [{ path: '', message: 'empty array' }],
  },
  {
    name: 'an empty object',
    path: '/openlineage',
    body: {},
    status: 400,
    message: invalidSingle,
    problems: [
      { path: 'eventType', message: 'eventType is missing' },
      { path: 'eventTime', message: 'eventTime is missing' },
      { path: 'run', message: 'run is missing: it must be an object' },
      { path: 'job', message: 'job is missing: it must be an object' },
    ],
  },
  {
    name: 'an array of numbers',
    path: '/openlineage',
    body: [1, 2],
    status: 400,
    message: allInvalid,
    problems: [
      { index: 0, path: '[0]', message: '[0] must be an object, not a number' },
      { index: 1, path: '[1]', message: '[1] must be an object, not a number' },
    ],
  },
  {
    name: 'null where an event belongs',
    path: '/openlineage',
    body: [null],
    status: 400,
    message: invalidSingle,
    problems: [
      { index: 0, path: '[0]', message: 'must be an object, not null' },
    ],
  },
  {
    name: 'text/plain content',
    path: '/openlineage',
    raw: JSON.stringify(runEvent('COMPLETE', RUN)),
    contentType: 'text/plain',
    status: 415,
    message: 'Content-Type: application/json',
  },
  // issue #11: JSON is UTF-8 on the wire; the charset is named
  {
    name: 'a UTF-16 charset',
    path: '/openlineage',
    raw: JSON.stringify(runEvent('COMPLETE', RUN)),
    contentType: 'application/json; charset=utf-16',
    status: 415,
    message: 'declared charset=utf-16, but JSON must be sent as UTF-8',
  },
  {
    name: 'a quoted Latin-1 charset',
    path: '/openlineage',
    raw: JSON.stringify(runEvent('COMPLETE', RUN)),
    contentType: 'application/json; charset="ISO-8859-1"',
    status: 415,
    message: 'declared charset=ISO-8859-1, but JSON must be sent as UTF-8',
  },
  {
    name: 'no body at all',
    path: '/openlineage',
    status: 415,
    message: 'must be JSON',
  },
  {
    name: 'a body over 5 MB',
    path: '/openlineage',
    raw: JSON.stringify([
      runEvent('COMPLETE', RUN, {
        runFacets: { padding: { text: 'x'.repeat(SIX_MB) } },
      }),
    ]),
    contentType: 'application/json',
    status: 413,
    message: 'larger than the limit of 5 MB',
  },
  // eventType
  {
    name: 'missing eventType',
    path: '/openlineage',
    body: event(e => delete e.eventType),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'eventType',
        message:
          'eventType is missing: it must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER',
      },
    ],
  },
  {
    name: 'unknown eventType',
    path: '/openlineage',
    body: event(e => {
      e.eventType = 'FINISHED';
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'eventType',
        message: 'eventType is "FINISHED": it must be one of',
      },
    ],
  },
  {
    name: 'lower-case eventType',
    path: '/openlineage',
    body: event(e => {
      e.eventType = 'complete';
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'eventType', message: 'is "complete"' }],
  },
  {
    name: 'numeric eventType',
    path: '/openlineage',
    body: event(e => {
      e.eventType = 3;
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'eventType', message: 'eventType is 3' }],
  },
  {
    name: 'null eventType',
    path: '/openlineage',
    body: event(e => {
      e.eventType = null;
    }),
    status: 400,
    message: invalidSingle,
    // an explicit null is an absent field: a required one is missing
    problems: [{ path: 'eventType', message: 'eventType is missing' }],
  },
  // eventTime
  {
    name: 'missing eventTime',
    path: '/openlineage',
    body: event(e => delete e.eventTime),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'eventTime',
        message: 'eventTime is missing: it must be an ISO-8601 time',
      },
    ],
  },
  {
    name: 'eventTime in words',
    path: '/openlineage',
    body: event(e => {
      e.eventTime = 'yesterday';
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'eventTime', message: 'not "yesterday"' }],
  },
  {
    name: 'eventTime on a day that does not exist',
    path: '/openlineage',
    body: event(e => {
      e.eventTime = '2026-02-30T10:00:00Z';
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'eventTime', message: 'not "2026-02-30T10:00:00Z"' }],
  },
  {
    name: 'eventTime as epoch millis',
    path: '/openlineage',
    body: event(e => {
      e.eventTime = 1764064800000;
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'eventTime', message: 'not a number' }],
  },
  {
    name: 'eventTime in the future',
    path: '/openlineage',
    body: event(e => {
      e.eventTime = '2026-11-25T13:00:00Z';
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'eventTime',
        message:
          'eventTime is in the future (2026-11-25T13:00:00.000Z is more than 5 minutes after',
      },
    ],
  },
  // run
  {
    name: 'missing run',
    path: '/openlineage',
    body: event(e => delete e.run),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'run', message: 'run is missing' }],
  },
  {
    name: 'null run',
    path: '/openlineage',
    body: event(e => {
      e.run = null;
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      { path: 'run', message: 'run is missing: it must be an object' },
    ],
  },
  {
    name: 'run as an array',
    path: '/openlineage',
    body: event(e => {
      e.run = [RUN];
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'run', message: 'not an array' }],
  },
  {
    name: 'missing run id',
    path: '/openlineage',
    body: event(e => delete e.run.runId),
    status: 400,
    message: invalidSingle,
    problems: [
      { path: 'run.runId', message: 'run.runId is missing: it must be a UUID' },
    ],
  },
  {
    name: 'run id that is no UUID',
    path: '/openlineage',
    body: event(e => {
      e.run.runId = 'run-1';
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'run.runId',
        message:
          'must be a UUID such as 0192963f-929e-731b-a075-9bb14bf41d38, not "run-1"',
      },
    ],
  },
  {
    name: 'numeric run id',
    path: '/openlineage',
    body: event(e => {
      e.run.runId = 12;
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'run.runId', message: 'not a number' }],
  },
  {
    name: 'run facets as an array',
    path: '/openlineage',
    body: event(e => {
      e.run.facets = [];
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'run.facets',
        message: 'run.facets must be an object, not an array',
      },
    ],
  },
  {
    name: 'nominalEndTime that is no time',
    path: '/openlineage',
    body: event(e => {
      e.run.facets = {
        nominalTime: {
          nominalStartTime: '2026-11-24T00:00:00Z',
          nominalEndTime: 'tomorrow',
        },
      };
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'run.facets.nominalTime.nominalEndTime',
        message: 'not "tomorrow"',
      },
    ],
  },
  {
    name: 'nominalEndTime in the future: a watermark that lifts freshness',
    path: '/openlineage',
    body: event(e => {
      e.run.facets = {
        nominalTime: {
          nominalStartTime: '2026-11-24T00:00:00Z',
          nominalEndTime: '9999-12-31T00:00:00Z',
        },
      };
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'run.facets.nominalTime.nominalEndTime',
        message:
          'run.facets.nominalTime.nominalEndTime is in the future (9999-12-31T00:00:00.000Z is more than 5 minutes after',
      },
    ],
  },
  {
    name: 'nominalTime as a string',
    path: '/openlineage',
    body: event(e => {
      e.run.facets = { nominalTime: '2026-11-24' };
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'run.facets.nominalTime',
        message: 'must be an object, not a string',
      },
    ],
  },
  {
    name: 'error message that is a number',
    path: '/openlineage',
    body: event(e => {
      e.run.facets = { errorMessage: { message: 42 } };
    }, 'FAIL'),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'run.facets.errorMessage.message',
        message: 'must be a string, not a number',
      },
    ],
  },
  {
    name: 'parent run id that is no UUID',
    path: '/openlineage',
    body: event(e => {
      e.run.facets = {
        parent: { run: { runId: 'nope' }, job: { namespace: 'a', name: 'b' } },
      };
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'run.facets.parent.run.runId', message: 'not "nope"' }],
  },
  // job
  {
    name: 'missing job',
    path: '/openlineage',
    body: event(e => delete e.job),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'job', message: 'job is missing' }],
  },
  {
    name: 'missing job namespace',
    path: '/openlineage',
    body: event(e => delete e.job.namespace),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'job.namespace', message: 'job.namespace is missing' }],
  },
  {
    name: 'blank job name',
    path: '/openlineage',
    body: event(e => {
      e.job.name = '  ';
    }),
    status: 400,
    message: invalidSingle,
    problems: [{ path: 'job.name', message: 'job.name must not be blank' }],
  },
  // datasets
  {
    name: 'outputs as an object',
    path: '/openlineage',
    body: event(e => {
      e.outputs = { namespace: 'a', name: 'b' };
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      { path: 'outputs', message: 'outputs must be an array, not an object' },
    ],
  },
  {
    name: 'inputs as a string',
    path: '/openlineage',
    body: event(e => {
      e.inputs = 'orders';
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      { path: 'inputs', message: 'inputs must be an array, not a string' },
    ],
  },
  {
    name: 'null output',
    path: '/openlineage',
    body: event(e => {
      e.outputs = [null];
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      { path: 'outputs[0]', message: 'outputs[0] must be an object, not null' },
    ],
  },
  {
    name: 'output without a name',
    path: '/openlineage',
    body: event(e => {
      e.outputs = [{ namespace: 'bigquery' }];
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      { path: 'outputs[0].name', message: 'outputs[0].name is missing' },
    ],
  },
  {
    name: 'numeric output namespace',
    path: '/openlineage',
    body: event(e => {
      e.outputs = [{ namespace: 5, name: 'x' }];
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'outputs[0].namespace',
        message: 'must be a string, not a number',
      },
    ],
  },
  {
    name: 'negative output row count',
    path: '/openlineage',
    body: output({ outputFacets: { outputStatistics: { rowCount: -1 } } }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'outputs[0].outputFacets.outputStatistics.rowCount',
        message: 'must not be negative (got -1)',
      },
    ],
  },
  {
    name: 'fractional output row count',
    path: '/openlineage',
    body: output({ outputFacets: { outputStatistics: { rowCount: 10.5 } } }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'outputs[0].outputFacets.outputStatistics.rowCount',
        message: 'must be a whole number (got 10.5)',
      },
    ],
  },
  {
    name: 'null count as text',
    path: '/openlineage',
    body: output({
      facets: {
        dataQualityMetrics: {
          rowCount: 10,
          columnMetrics: { id: { nullCount: '3' } },
        },
      },
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'outputs[0].facets.dataQualityMetrics.columnMetrics.id.nullCount',
        message: 'must be a whole number ≥ 0, not a string',
      },
    ],
  },
  {
    name: 'negative distinct count',
    path: '/openlineage',
    body: output({
      outputFacets: {
        dataQualityMetrics: { columnMetrics: { id: { distinctCount: -2 } } },
      },
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'outputs[0].outputFacets.dataQualityMetrics.columnMetrics.id.distinctCount',
        message: 'must not be negative',
      },
    ],
  },
  {
    name: 'schema fields as an object',
    path: '/openlineage',
    body: output({ facets: { schema: { fields: { name: 'id' } } } }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'outputs[0].facets.schema.fields',
        message: 'must be an array, not an object',
      },
    ],
  },
  {
    name: 'schema field without a name',
    path: '/openlineage',
    body: output({ facets: { schema: { fields: [{ type: 'STRING' }] } } }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'outputs[0].facets.schema.fields[0].name',
        message: 'is missing',
      },
    ],
  },
  {
    name: 'assertion success as text',
    path: '/openlineage',
    body: output({
      facets: {
        dataQualityAssertions: {
          assertions: [{ assertion: 'not_null', success: 'yes' }],
        },
      },
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        path: 'outputs[0].facets.dataQualityAssertions.assertions[0].success',
        message: 'must be true or false',
      },
    ],
  },
  {
    name: 'numeric producer',
    path: '/openlineage',
    body: event(e => {
      e.producer = 42;
    }),
    status: 400,
    message: invalidSingle,
    problems: [
      { path: 'producer', message: 'producer must be a string, not a number' },
    ],
  },
  // batches: per event (standards.md "Intake is per event"), the good
  // events stored, every bad one named
  {
    name: 'one bad event among good ones',
    path: '/openlineage',
    body: [
      runEvent('START', runId(1), { eventTime: '2026-11-25T09:00:00Z' }),
      event(e => {
        e.run.runId = 'x';
      }),
      runEvent('COMPLETE', runId(1), { eventTime: '2026-11-25T09:30:00Z' }),
    ],
    status: 200,
    counts: { accepted: 1, updated: 1, refused: 1 },
    problems: [
      {
        index: 1,
        path: '[1].run.runId',
        message: '[1].run.runId must be a UUID',
      },
    ],
    stored: { runs: 1, runEvents: 2 },
  },
  {
    name: 'several bad events around a good one',
    path: '/openlineage',
    body: [
      event(e => delete e.eventTime),
      runEvent('START', runId(2)),
      event(e => {
        e.eventType = 'DONE';
      }),
    ],
    status: 200,
    counts: { accepted: 1, refused: 2 },
    problems: [
      { index: 0, path: '[0].eventTime', message: '[0].eventTime is missing' },
      { index: 2, path: '[2].eventType', message: '[2].eventType is "DONE"' },
    ],
    stored: { runs: 1, runEvents: 1 },
  },
  {
    name: 'a future event in a batch',
    path: '/openlineage',
    body: [
      runEvent('START', runId(3)),
      event(e => {
        e.eventTime = '2027-01-01T00:00:00Z';
      }),
    ],
    status: 200,
    counts: { accepted: 1, refused: 1 },
    problems: [
      {
        index: 1,
        path: '[1].eventTime',
        message: '[1].eventTime is in the future',
      },
    ],
    stored: { runs: 1, runEvents: 1 },
  },
  {
    name: 'a batch of bad events only',
    path: '/openlineage',
    body: [
      event(e => {
        e.run.runId = 'first';
      }),
      event(e => {
        e.job = 'orders_daily';
      }),
      [runEvent('COMPLETE', runId(4))],
    ],
    status: 400,
    message: allInvalid,
    problems: [
      { index: 0, path: '[0].run.runId', message: 'must be a UUID' },
      { index: 1, path: '[1].job', message: 'must be an object' },
      { index: 2, path: '[2]', message: 'must be an object, not an array' },
    ],
  },
  // who may call
  {
    name: 'no credentials',
    path: '/openlineage',
    body: runEvent('COMPLETE', RUN),
    auth: 'none',
    status: 401,
    message: 'Missing credentials',
  },
  {
    name: 'no run report permission',
    path: '/openlineage',
    body: runEvent('COMPLETE', RUN),
    auth: 'service',
    permission: 'deny',
    status: 403,
    message:
      'Not allowed to report runs: it needs the permission stockroom.run.report',
  },
  {
    name: 'no permission at the transport endpoint',
    path: '/api/v1/lineage',
    body: runEvent('COMPLETE', RUN),
    permission: 'deny',
    status: 403,
    message: 'stockroom.run.report',
  },
  {
    name: 'no credentials at the transport endpoint',
    path: '/api/v1/lineage',
    body: runEvent('COMPLETE', RUN),
    auth: 'none',
    status: 401,
    message: 'Missing credentials',
  },
];

const nativeCases: Case[] = [
  {
    name: 'an array instead of a batch',
    path: '/runs',
    body: [nativeRun('r1')],
    status: 400,
    message: 'not a run batch',
    problems: [
      {
        path: '',
        message: 'The request body must be an object like {"runs": [ … ]}',
      },
    ],
  },
  {
    name: 'no runs key',
    path: '/runs',
    body: {},
    status: 400,
    message: 'not a run batch',
    problems: [{ path: 'runs', message: 'runs is missing' }],
  },
  {
    name: 'runs as an object',
    path: '/runs',
    body: { runs: { r1: nativeRun('r1') } },
    status: 400,
    message: 'not a run batch',
    problems: [
      { path: 'runs', message: 'runs must be an array, not an object' },
    ],
  },
  {
    name: 'null run',
    path: '/runs',
    body: runs(null),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        index: 0,
        path: 'runs[0]',
        message: 'runs[0] must be an object, not null',
      },
    ],
  },
  {
    name: 'missing product',
    path: '/runs',
    body: runs(nativeRun('r1', { product: undefined })),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        index: 0,
        path: 'runs[0].product',
        message: 'runs[0].product is missing',
      },
    ],
  },
  {
    name: 'product that is no ref',
    path: '/runs',
    body: runs(nativeRun('r1', { product: 'orders!!' })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].product',
        message: 'must be a data product ref',
      },
    ],
  },
  {
    name: 'product of another kind',
    path: '/runs',
    body: runs(nativeRun('r1', { product: 'component:default/orders' })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].product',
        message: 'must refer to a DataProduct, not a component',
      },
    ],
  },
  {
    name: 'product not in the catalog',
    path: '/runs',
    body: runs(nativeRun('r1', { product: 'dataproduct:default/ghost' })),
    status: 400,
    message: invalidSingle,
    problems: [
      {
        index: 0,
        path: 'runs[0].product',
        message:
          'runs[0].product names dataproduct:default/ghost, which is not a DataProduct in the catalog',
      },
    ],
  },
  {
    name: 'an unknown product among known ones',
    path: '/runs',
    body: runs(
      nativeRun('known-1'),
      nativeRun('known-2'),
      nativeRun('r3', { product: 'ghost' }),
    ),
    status: 200,
    counts: { accepted: 2, refused: 1 },
    problems: [
      {
        index: 2,
        path: 'runs[2].product',
        message: 'dataproduct:default/ghost',
      },
    ],
    stored: { runs: 2 },
  },
  {
    name: 'missing run id',
    path: '/runs',
    body: runs(nativeRun('r1', { runId: undefined })),
    status: 400,
    message: 'invalid',
    problems: [
      { index: 0, path: 'runs[0].runId', message: 'runs[0].runId is missing' },
    ],
  },
  {
    name: 'numeric run id',
    path: '/runs',
    body: runs(nativeRun('r1', { runId: 7 })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].runId',
        message: 'must be a string, not a number',
      },
    ],
  },
  {
    name: 'run id longer than 255',
    path: '/runs',
    body: runs(nativeRun('r'.repeat(256))),
    status: 400,
    message: 'invalid',
    problems: [
      { index: 0, path: 'runs[0].runId', message: 'at most 255 characters' },
    ],
  },
  {
    name: 'duplicate run ids in one batch: the first is stored',
    path: '/runs',
    body: runs(nativeRun('twice'), nativeRun('twice')),
    status: 200,
    counts: { accepted: 1, refused: 1 },
    stored: { runs: 1 },
    problems: [
      {
        index: 1,
        path: 'runs[1].runId',
        message: 'repeats runs[0].runId "twice" for dataproduct:default/orders',
      },
    ],
  },
  {
    name: 'unknown status',
    path: '/runs',
    body: runs(nativeRun('r1', { status: 'ok' })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].status',
        message: 'runs[0].status is "ok": it must be "success" or "failed"',
      },
    ],
  },
  {
    name: 'running status',
    path: '/runs',
    body: runs(nativeRun('r1', { status: 'running' })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].status',
        message: 'it must be "success" or "failed"',
      },
    ],
  },
  {
    name: 'missing status',
    path: '/runs',
    body: runs(nativeRun('r1', { status: undefined })),
    status: 400,
    message: 'invalid',
    problems: [{ index: 0, path: 'runs[0].status', message: 'is missing' }],
  },
  {
    name: 'missing finishedAt',
    path: '/runs',
    body: runs(nativeRun('r1', { finishedAt: undefined })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].finishedAt',
        message: 'runs[0].finishedAt is missing',
      },
    ],
  },
  {
    name: 'finishedAt in the future',
    path: '/runs',
    body: runs(nativeRun('r1', { finishedAt: '2026-11-26T00:00:00Z' })),
    status: 400,
    message: 'invalid',
    problems: [
      { index: 0, path: 'runs[0].finishedAt', message: 'is in the future' },
    ],
  },
  {
    name: 'finishedAt before startedAt',
    path: '/runs',
    body: runs(nativeRun('r1', { startedAt: '2026-11-25T10:00:00Z' })),
    status: 400,
    message: 'invalid',
    problems: [
      { index: 0, path: 'runs[0].finishedAt', message: 'is before startedAt' },
    ],
  },
  {
    name: 'watermark that is no time',
    path: '/runs',
    body: runs(nativeRun('r1', { watermark: 'this morning' })),
    status: 400,
    message: 'invalid',
    problems: [
      { index: 0, path: 'runs[0].watermark', message: 'not "this morning"' },
    ],
  },
  {
    name: 'negative row count',
    path: '/runs',
    body: runs(nativeRun('r1', { rowCount: -5 })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].rowCount',
        message: 'must not be negative (got -5)',
      },
    ],
  },
  {
    name: 'row count as text',
    path: '/runs',
    body: runs(nativeRun('r1', { rowCount: '12' })),
    status: 400,
    message: 'invalid',
    problems: [{ index: 0, path: 'runs[0].rowCount', message: 'not a string' }],
  },
  {
    name: 'fractional row count',
    path: '/runs',
    body: runs(nativeRun('r1', { rowCount: 1.5 })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].rowCount',
        message: 'must be a whole number (got 1.5)',
      },
    ],
  },
  {
    name: 'null row count',
    path: '/runs',
    body: runs(nativeRun('r1', { rowCount: null })),
    status: 400,
    message: 'invalid',
    problems: [{ index: 0, path: 'runs[0].rowCount', message: 'not null' }],
  },
  {
    name: 'columns as an array',
    path: '/runs',
    body: runs(nativeRun('r1', { columns: [] })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].columns',
        message: 'must be an object, not an array',
      },
    ],
  },
  {
    name: 'null column',
    path: '/runs',
    body: runs(nativeRun('r1', { columns: { id: null } })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].columns.id',
        message: 'must be an object, not null',
      },
    ],
  },
  {
    name: 'more nulls than rows',
    path: '/runs',
    body: runs(nativeRun('r1', { columns: { id: { nullCount: 2000 } } })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].columns.id.nullCount',
        message: 'is 2000, more than rowCount 1000',
      },
    ],
  },
  {
    name: 'schema as text',
    path: '/runs',
    body: runs(nativeRun('r1', { schema: 'id string' })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].schema',
        message: 'must be an array, not a string',
      },
    ],
  },
  {
    name: 'schema field without a type',
    path: '/runs',
    body: runs(nativeRun('r1', { schema: [{ name: 'id' }] })),
    status: 400,
    message: 'invalid',
    problems: [
      { index: 0, path: 'runs[0].schema[0].type', message: 'is missing' },
    ],
  },
  {
    name: 'numeric error message',
    path: '/runs',
    body: runs(nativeRun('r1', { errorMessage: 5 })),
    status: 400,
    message: 'invalid',
    problems: [
      {
        index: 0,
        path: 'runs[0].errorMessage',
        message: 'must be a string, not a number',
      },
    ],
  },
  {
    name: 'problems in several runs, one good',
    path: '/runs',
    body: runs(
      nativeRun('good-among-bad'),
      nativeRun('r2', { rowCount: -1 }),
      nativeRun('r3', { status: 'done' }),
    ),
    status: 200,
    counts: { accepted: 1, refused: 2 },
    stored: { runs: 1 },
    problems: [
      { index: 1, path: 'runs[1].rowCount', message: 'negative' },
      { index: 2, path: 'runs[2].status', message: '"done"' },
    ],
  },
  {
    name: 'problems in every run',
    path: '/runs',
    body: runs(
      nativeRun('r1', { rowCount: -1 }),
      nativeRun('r2', { product: 'dataproduct:default/ghost' }),
    ),
    status: 400,
    message: allInvalid,
    problems: [
      { index: 0, path: 'runs[0].rowCount', message: 'negative' },
      { index: 1, path: 'runs[1].product', message: 'ghost' },
    ],
  },
  {
    name: 'a batch over 5 MB',
    path: '/runs',
    raw: JSON.stringify(
      runs(nativeRun('r1', { errorMessage: 'x'.repeat(SIX_MB) })),
    ),
    contentType: 'application/json',
    status: 413,
    message: 'larger than the limit of 5 MB',
  },
  {
    name: 'a UTF-16LE charset on /runs',
    path: '/runs',
    raw: JSON.stringify(runs(nativeRun('r1'))),
    contentType: 'application/json;charset=UTF-16LE',
    status: 415,
    message: 'declared charset=UTF-16LE, but JSON must be sent as UTF-8',
  },
  {
    name: 'form-encoded body',
    path: '/runs',
    raw: 'runs=1',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    message: 'must be JSON',
  },
  {
    name: 'no credentials',
    path: '/runs',
    body: runs(nativeRun('r1')),
    auth: 'none',
    status: 401,
    message: 'Missing credentials',
  },
  {
    name: 'no run report permission',
    path: '/runs',
    body: runs(nativeRun('r1')),
    permission: 'deny',
    status: 403,
    message: 'stockroom.run.report',
  },
];

/**
 * Real producers' quirks, read with a warning and stored (standards.md
 * "Intake is per event"): each a run of its own, new to Stockroom.
 */
const quirkCases: Case[] = [
  {
    name: 'eventTime without a zone: read as UTC',
    path: '/openlineage',
    body: runEvent('COMPLETE', runId(10), {
      eventTime: '2026-11-25T10:00:00',
    }),
    status: 200,
    counts: { accepted: 1 },
    warnings: [{ path: 'eventTime', message: 'no time zone' }],
    stored: { runs: 1, runEvents: 1 },
  },
  {
    name: 'nominalEndTime without a zone: read as UTC',
    path: '/openlineage',
    body: runEvent('COMPLETE', runId(11), {
      runFacets: {
        nominalTime: {
          nominalStartTime: '2026-11-24T10:00:00Z',
          nominalEndTime: '2026-11-25 09:00',
        },
      },
    }),
    status: 200,
    counts: { accepted: 1 },
    warnings: [
      {
        path: 'run.facets.nominalTime.nominalEndTime',
        message: 'read as UTC',
      },
    ],
    stored: { runs: 1, runEvents: 1 },
  },
  {
    name: 'null run facets: read as absent',
    path: '/openlineage',
    body: (() => {
      const e = runEvent('COMPLETE', runId(12));
      e.run.facets = null;
      return e;
    })(),
    status: 200,
    counts: { accepted: 1 },
    warnings: [
      {
        path: '',
        message: 'explicit nulls, read as absent fields: run.facets',
      },
    ],
    stored: { runs: 1, runEvents: 1 },
  },
  {
    name: 'null output facets: read as absent',
    path: '/openlineage',
    body: runEvent('COMPLETE', runId(13), {
      outputs: [
        {
          namespace: 'postgres://warehouse:5432',
          name: 'analytics.public.orders',
          facets: null,
        },
      ],
    }),
    status: 200,
    counts: { accepted: 1 },
    warnings: [{ path: '', message: 'outputs[0].facets' }],
    stored: { runs: 1, runEvents: 1 },
  },
  {
    name: 'a zone-less event in a batch',
    path: '/openlineage',
    body: [
      runEvent('START', runId(14), { eventTime: '2026-11-25T09:00:00' }),
      runEvent('COMPLETE', runId(14), { eventTime: '2026-11-25T09:30:00Z' }),
    ],
    status: 200,
    counts: { accepted: 1, updated: 1 },
    warnings: [{ index: 0, path: '[0].eventTime', message: 'read as UTC' }],
    stored: { runs: 1, runEvents: 2 },
  },
  {
    name: 'a native finishedAt without a zone: read as UTC',
    path: '/runs',
    body: runs(
      nativeRun('zone-less', {
        startedAt: '2026-11-25T09:00:00Z',
        finishedAt: '2026-11-25T09:30:00',
      }),
    ),
    status: 200,
    counts: { accepted: 1 },
    warnings: [
      { index: 0, path: 'runs[0].finishedAt', message: 'read as UTC' },
    ],
    stored: { runs: 1 },
  },
];

const readCases: Case[] = [
  {
    name: 'limit 0',
    method: 'get',
    path: '/products/default/orders/runs?limit=0',
    status: 400,
    message: 'limit must be a whole number from 1 to 500, not "0"',
  },
  {
    name: 'limit 501',
    method: 'get',
    path: '/products/default/orders/runs?limit=501',
    status: 400,
    message: 'from 1 to 500, not "501"',
  },
  {
    name: 'limit in words',
    method: 'get',
    path: '/products/default/orders/runs?limit=ten',
    status: 400,
    message: 'not "ten"',
  },
  {
    name: 'fractional limit',
    method: 'get',
    path: '/products/default/orders/runs?limit=2.5',
    status: 400,
    message: 'not "2.5"',
  },
  {
    name: 'negative limit',
    method: 'get',
    path: '/products/default/orders/runs?limit=-1',
    status: 400,
    message: 'not "-1"',
  },
  {
    name: 'limit given twice',
    method: 'get',
    path: '/products/default/orders/runs?limit=1&limit=2',
    status: 400,
    message: 'limit must be given once',
  },
  {
    name: 'before that is no time',
    method: 'get',
    path: '/products/default/orders/runs?before=yesterday',
    status: 400,
    message: 'before must be an ISO-8601 date',
  },
  {
    name: 'runs of an unknown product',
    method: 'get',
    path: '/products/default/ghost/runs',
    status: 404,
    message: 'There is no DataProduct dataproduct:default/ghost in the catalog',
  },
  {
    name: 'history from a month 13',
    method: 'get',
    path: '/products/default/orders/scorecard/history?from=2026-13-01',
    status: 400,
    message: 'from must be an ISO-8601 date',
  },
  {
    name: 'history to in words',
    method: 'get',
    path: '/products/default/orders/scorecard/history?to=now',
    status: 400,
    message: 'to must be an ISO-8601 date',
  },
  {
    name: 'history from after to',
    method: 'get',
    path: '/products/default/orders/scorecard/history?from=2026-11-20&to=2026-11-01',
    status: 400,
    message:
      'from (2026-11-20T00:00:00.000Z) must not be after to (2026-11-01T23:59:59.999Z)',
  },
  {
    name: 'history of an unknown product',
    method: 'get',
    path: '/products/default/ghost/scorecard/history',
    status: 404,
    message: 'dataproduct:default/ghost',
  },
  {
    name: 'scorecard of an unknown product',
    method: 'get',
    path: '/products/default/ghost/scorecard',
    status: 404,
    message: 'There is no DataProduct dataproduct:default/ghost in the catalog',
  },
  {
    name: 'scorecard of an unknown namespace',
    method: 'get',
    path: '/products/elsewhere/orders/scorecard',
    status: 404,
    message: 'dataproduct:elsewhere/orders',
  },
  {
    name: 'scorecard without credentials',
    method: 'get',
    path: '/products/default/orders/scorecard',
    auth: 'none',
    status: 401,
    message: 'Missing credentials',
  },
  {
    name: 'refresh of an unknown product',
    path: '/products/default/ghost/scorecard/refresh',
    status: 404,
    message: 'dataproduct:default/ghost',
  },
  {
    name: 'refresh without permission',
    path: '/products/default/orders/scorecard/refresh',
    permission: 'deny',
    status: 403,
    message:
      'Not allowed to refresh the scorecard of dataproduct:default/orders: it needs the permission stockroom.scorecard.refresh',
  },
  {
    name: 'refresh without credentials',
    path: '/products/default/orders/scorecard/refresh',
    auth: 'none',
    status: 401,
    message: 'Missing credentials',
  },
];

const allCases = [
  ...openLineageCases,
  ...nativeCases,
  ...quirkCases,
  ...readCases,
];

describe('malformed and refused requests', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('has at least 60 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let apps: { allow: express.Express; deny: express.Express };

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const allow = await createRunsApp(knex);
      const deny = await createRunsApp(knex, { result: AuthorizeResult.DENY });
      apps = { allow: allow.app, deny: deny.app };
      // Something stored already, so "unchanged" means more than "empty".
      const seeded = await request(apps.allow)
        .post('/openlineage')
        .send([
          runEvent('START', RUN, { eventTime: '2026-11-25T09:00:00Z' }),
          runEvent('COMPLETE', RUN),
        ]);
      if (seeded.body.accepted !== 1 || seeded.body.updated !== 1) {
        throw new Error(`Seeding failed: ${JSON.stringify(seeded.body)}`);
      }
      await request(apps.allow).get('/products/default/orders/scorecard');
    });

    it.each(allCases.map(c => [c.name, c] as const))('%s', async (_name, c) => {
      const before = await ingestionRowCounts(knex);
      const app = c.permission === 'deny' ? apps.deny : apps.allow;
      let req = request(app)[c.method ?? 'post'](c.path);
      if (c.auth === 'none') {
        req = req.set('Authorization', mockCredentials.none.header());
      } else if (c.auth === 'service') {
        req = req.set('Authorization', mockCredentials.service.header());
      }
      if (c.raw !== undefined) {
        req = req.set('Content-Type', c.contentType!).send(c.raw);
      } else if (c.body !== undefined) {
        req = req.send(c.body as object);
      }

      const response = await req;

      expect(response.status).toBe(c.status);
      expect(response.body).toEqual(bodyMatcher(c));
      // An error only when nothing of the request was taken.
      expect(Object.keys(response.body).includes('error')).toBe(
        c.status !== 200,
      );
      expect(misnamedProblems(c, response.body.problems)).toEqual([]);
      expect(await ingestionRowCounts(knex)).toEqual({
        ...before,
        runs: before.runs + (c.stored?.runs ?? 0),
        runEvents: before.runEvents + (c.stored?.runEvents ?? 0),
      });
    });
  });
});

function matching(text: string | RegExp) {
  return expect.stringMatching(typeof text === 'string' ? escape(text) : text);
}

/** How many items (events, or runs) a case's body holds. */
function itemsOf(c: Case): number {
  if (c.path === '/runs') {
    const list = (c.body as { runs?: unknown } | undefined)?.runs;
    return Array.isArray(list) ? list.length : 0;
  }
  return Array.isArray(c.body) ? c.body.length : 1;
}

function entries(
  list: Array<{ index?: number; path: string; message: string | RegExp }>,
) {
  return expect.arrayContaining(
    list.map(p =>
      expect.objectContaining({
        ...(p.index !== undefined ? { index: p.index } : {}),
        path: p.path,
        message: matching(p.message),
      }),
    ),
  );
}

/**
 * What a case expects of the body: the error message; for ingestion the
 * reply of standards.md "Intake is per event", its counts (an ingestion 400
 * refuses every item by default), problems and warnings.
 */
function bodyMatcher(c: Case) {
  const ingestion = c.counts ?? (c.problems ? {} : undefined);
  const refusedAll = c.status === 400 ? { refused: itemsOf(c) } : {};
  return expect.objectContaining({
    ...(c.message !== undefined
      ? { error: expect.objectContaining({ message: matching(c.message) }) }
      : {}),
    ...(ingestion
      ? {
          accepted: 0,
          updated: 0,
          ignored: 0,
          duplicates: 0,
          refused: 0,
          ...refusedAll,
          ...ingestion,
        }
      : {}),
    ...(c.problems ? { problems: entries(c.problems) } : {}),
    ...warningsMatcher(c),
  });
}

/** A 200 lists the warnings a case expects, and no other. */
function warningsMatcher(c: Case) {
  if (c.warnings) return { warnings: entries(c.warnings) };
  if (c.status === 200) return { warnings: [] };
  return {};
}

/**
 * Problems not named as the reply names them: a problem of a batch item
 * carries the item's index and a path from the top of the body
 * (`[3].run.runId`, `runs[2].status`); a problem of a single event, or of
 * the body as a whole, carries no index.
 */
function misnamedProblems(
  c: Case,
  problems: Array<{ index?: number; path: string }> | undefined,
) {
  // The prefix of an item's path, or undefined when there are no items.
  let batch: string | undefined;
  if (c.path === '/runs') {
    if (itemsOf(c) > 0) batch = 'runs';
  } else if (Array.isArray(c.body) && c.body.length > 0) {
    batch = '';
  }
  return (problems ?? []).filter(problem =>
    batch === undefined
      ? problem.index !== undefined || problem.path.startsWith('[')
      : problem.index === undefined ||
        !problem.path.startsWith(`${batch}[${problem.index}]`),
  );
}

function escape(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
