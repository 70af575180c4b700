import { RequestProbe } from '../RequestProbe';
import {
  BAD_TIMES,
  NOT_A_COUNT,
  NOT_A_STRING,
  NUL,
  ONE_MB,
  RTL,
} from './badValues';

/** A valid native run with an id of its own. */
function validRun(runId: string): Record<string, unknown> {
  return {
    product: 'dataproduct:default/orders',
    runId,
    status: 'success',
    startedAt: '2026-11-25T09:00:00Z',
    finishedAt: '2026-11-25T09:30:00Z',
    watermark: '2026-11-25T09:00:00Z',
    rowCount: 1000,
  };
}

/** The path of a field of the batch's only run. */
const at = (field: string) => `runs[0].${field}`;

/** Escapes text for a RegExp. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

let serial = 0;
/**
 * A probe of POST /runs whose only run has `change` applied to a valid
 * one; the problem must be named at `field`, its message must name it.
 */
function runProbe(
  title: string,
  field: string,
  change: (run: Record<string, unknown>) => void,
  extra: Partial<RequestProbe> = {},
): RequestProbe {
  serial += 1;
  const run = validRun(`probe-native-${serial}`);
  change(run);
  return {
    name: `POST /runs ${field}: ${title}`,
    method: 'POST',
    path: '/runs',
    json: { runs: [run] },
    status: 400,
    problem: at(field),
    message: literal(at(field)),
    ...extra,
  };
}

/** A probe whose body is written as JSON text (keys JSON.stringify drops). */
function rawRunProbe(
  title: string,
  field: string,
  runJson: (valid: string) => string,
  extra: Partial<RequestProbe> = {},
): RequestProbe {
  serial += 1;
  const valid = JSON.stringify(validRun(`probe-native-${serial}`));
  return {
    name: `POST /runs ${field}: ${title}`,
    method: 'POST',
    path: '/runs',
    raw: {
      body: `{"runs":[${runJson(valid)}]}`,
      headers: { 'Content-Type': 'application/json' },
    },
    status: 400,
    problem: at(field),
    message: literal(at(field)),
    ...extra,
  };
}

/** Adds `"key": value` as the first member of a JSON object's text. */
const withMember = (json: string, member: string) =>
  `{${member},${json.slice(1)}`;

const set =
  (field: string, value: unknown) => (run: Record<string, unknown>) => {
    run[field] = value;
  };

function stringFieldProbes(field: string, required: boolean): RequestProbe[] {
  return [
    ...Object.entries(NOT_A_STRING).map(([kind, value]) =>
      runProbe(kind, field, set(field, value)),
    ),
    ...(required
      ? [
          runProbe('missing', field, run => delete run[field]),
          runProbe('null', field, set(field, null)),
          runProbe('empty', field, set(field, '')),
          runProbe('blank', field, set(field, '   ')),
        ]
      : []),
  ];
}

const productProbes: RequestProbe[] = [
  ...stringFieldProbes('product', true),
  runProbe(
    '1 MB long',
    'product',
    set('product', `dataproduct:default/${ONE_MB}`),
  ),
  runProbe(
    'with a NUL byte',
    'product',
    set('product', `dataproduct:default/orders${NUL}`),
  ),
  runProbe(
    'with a right-to-left override',
    'product',
    set('product', `dataproduct:default/orders${RTL}`),
  ),
  runProbe(
    'another kind',
    'product',
    set('product', 'component:default/orders'),
  ),
  runProbe(
    'not in the catalog',
    'product',
    set('product', 'dataproduct:default/ghost'),
    { message: /dataproduct:default\/ghost/ },
  ),
  runProbe('a path', 'product', set('product', '../../etc/passwd')),
  runProbe(
    'a SQL fragment',
    'product',
    set('product', "dataproduct:default/orders' OR '1'='1"),
  ),
];

const runIdProbes: RequestProbe[] = [
  ...stringFieldProbes('runId', true),
  runProbe('256 characters', 'runId', set('runId', 'r'.repeat(256)), {
    message: /runs\[0\]\.runId.*255/,
  }),
  runProbe('1 MB long', 'runId', set('runId', ONE_MB)),
  // issue #11: refuse or strip with a warning, the same on both databases
  runProbe('with a NUL byte', 'runId', set('runId', `run${NUL}1`), {
    orStoredWithWarning: true,
  }),
  runProbe('only a NUL byte', 'runId', set('runId', NUL), {
    orStoredWithWarning: true,
  }),
];

const statusProbes: RequestProbe[] = [
  ...stringFieldProbes('status', true),
  runProbe('upper case', 'status', set('status', 'SUCCESS')),
  runProbe('unknown', 'status', set('status', 'done')),
  runProbe('with a NUL byte', 'status', set('status', `success${NUL}`)),
];

function timeProbes(field: string, required: boolean): RequestProbe[] {
  return [
    ...Object.entries(BAD_TIMES).map(([kind, value]) =>
      runProbe(kind, field, set(field, value), {
        ...(kind === 'far in the future' ? { message: /future/ } : {}),
      }),
    ),
    ...(required
      ? [
          runProbe('missing', field, run => delete run[field]),
          runProbe('null', field, set(field, null)),
        ]
      : []),
  ];
}

const timeFieldProbes: RequestProbe[] = [
  ...timeProbes('finishedAt', true),
  ...timeProbes('startedAt', false),
  ...timeProbes('watermark', false),
  runProbe(
    'before startedAt',
    'finishedAt',
    set('finishedAt', '2026-11-25T08:00:00Z'),
  ),
];

const rowCountProbes: RequestProbe[] = [
  ...Object.entries(NOT_A_COUNT).map(([kind, value]) =>
    runProbe(kind, 'rowCount', set('rowCount', value)),
  ),
  rawRunProbe('1e400 (Infinity once parsed)', 'rowCount', valid =>
    withMember(valid, '"rowCount":1e400').replace(/,"rowCount":1000/, ''),
  ),
];

const columnProbes: RequestProbe[] = [
  runProbe('an array', 'columns', set('columns', [{ nullCount: 0 }])),
  runProbe('a string', 'columns', set('columns', 'order_id')),
  runProbe(
    'a null column',
    'columns.order_id',
    set('columns', { order_id: null }),
  ),
  runProbe(
    'a column as a number',
    'columns.order_id',
    set('columns', { order_id: 3 }),
  ),
  ...Object.entries(NOT_A_COUNT).map(([kind, value]) =>
    runProbe(
      kind,
      'columns.order_id.nullCount',
      set('columns', { order_id: { nullCount: value } }),
    ),
  ),
  ...Object.entries(NOT_A_COUNT).map(([kind, value]) =>
    runProbe(
      kind,
      'columns.order_id.distinctCount',
      set('columns', { order_id: { distinctCount: value } }),
    ),
  ),
  runProbe(
    'more nulls than rows',
    'columns.order_id.nullCount',
    set('columns', { order_id: { nullCount: 1001 } }),
    {
      message: /runs\[0\]\.columns\.order_id\.nullCount.*rowCount/,
    },
  ),
  runProbe(
    'more distinct values than rows',
    'columns.order_id.distinctCount',
    set('columns', { order_id: { distinctCount: 5000 } }),
    {
      message: /runs\[0\]\.columns\.order_id\.distinctCount.*rowCount/,
    },
  ),
  rawRunProbe('a __proto__ column', 'columns.__proto__', valid =>
    withMember(valid, '"columns":{"__proto__":{"nullCount":1}}'),
  ),
  rawRunProbe(
    'a __proto__ column beside a real one',
    'columns.__proto__',
    valid =>
      withMember(
        valid,
        '"columns":{"order_id":{"nullCount":0},"__proto__":{"nullCount":2000}}',
      ),
  ),
  runProbe(
    'an unknown count',
    'columns.order_id.nulCount',
    set('columns', { order_id: { nulCount: 3 } }),
    {
      message: /runs\[0\]\.columns\.order_id\.nulCount.*nullCount/,
    },
  ),
];

const schemaProbes: RequestProbe[] = [
  runProbe('a string', 'schema', set('schema', 'order_id string')),
  runProbe('an object', 'schema', set('schema', { order_id: 'string' })),
  runProbe('a null field', 'schema[0]', set('schema', [null])),
  runProbe(
    'a field without a name',
    'schema[0].name',
    set('schema', [{ type: 'string' }]),
  ),
  runProbe(
    'a field without a type',
    'schema[0].type',
    set('schema', [{ name: 'order_id' }]),
  ),
  runProbe(
    'a numeric field name',
    'schema[0].name',
    set('schema', [{ name: 7, type: 'string' }]),
  ),
  runProbe(
    'a field name with a NUL byte',
    'schema[0].name',
    set('schema', [{ name: `order${NUL}id`, type: 'string' }]),
    { orStoredWithWarning: true },
  ),
];

const errorMessageProbes: RequestProbe[] = [
  ...stringFieldProbes('errorMessage', false),
  // issue #11: an unbounded errorMessage; refuse it or clip it with a warning
  runProbe(
    '4 MB long',
    'errorMessage',
    run => {
      run.status = 'failed';
      run.errorMessage = 'x'.repeat(4 * 1024 * 1024);
    },
    { orStoredWithWarning: true },
  ),
  runProbe(
    'with a NUL byte',
    'errorMessage',
    run => {
      run.status = 'failed';
      run.errorMessage = `disk full${NUL}`;
    },
    { orStoredWithWarning: true },
  ),
];

/** issue #11: unknown fields are refused, naming the nearest valid one. */
const unknownFieldProbes: RequestProbe[] = [
  ['watermak', 'watermark'],
  ['finshedAt', 'finishedAt'],
  ['rowcount', 'rowCount'],
  ['runID', 'runId'],
  ['error_message', 'errorMessage'],
  ['startTime', 'startedAt'],
].map(([typo, meant]) =>
  runProbe(`unknown, meant ${meant}`, typo, set(typo, '2026-11-25T09:00:00Z'), {
    message: new RegExp(`runs\\[0\\]\\.${typo}.*${meant}`),
  }),
);

/** Prototype keys as fields of a run: unknown fields like any other. */
const prototypeProbes: RequestProbe[] = [
  rawRunProbe('__proto__ as a field', '__proto__', valid =>
    withMember(valid, '"__proto__":{"status":"failed"}'),
  ),
  runProbe(
    'constructor as a field',
    'constructor',
    set('constructor', { name: 'x' }),
  ),
  runProbe('prototype as a field', 'prototype', set('prototype', {})),
];

/** The batch around the runs. */
const batchProbes: RequestProbe[] = [
  {
    name: 'POST /runs runs: empty',
    method: 'POST',
    path: '/runs',
    json: { runs: [] },
    status: 400,
    problem: 'runs',
    message: /runs/,
  },
  {
    name: 'POST /runs runs: an object',
    method: 'POST',
    path: '/runs',
    json: { runs: { r1: validRun('probe-batch-1') } },
    status: 400,
    problem: 'runs',
    message: /runs must be an array/,
  },
  {
    name: 'POST /runs runs: missing',
    method: 'POST',
    path: '/runs',
    json: {},
    status: 400,
    problem: 'runs',
    message: /runs is missing/,
  },
  {
    name: 'POST /runs runs: misspelt "run"',
    method: 'POST',
    path: '/runs',
    json: { run: [validRun('probe-batch-2')] },
    status: 400,
    problem: 'run',
    message: /\brun\b.*\bruns\b/,
  },
  {
    name: 'POST /runs body: an unknown field beside runs',
    method: 'POST',
    path: '/runs',
    json: { runs: [validRun('probe-batch-3')], dryRun: true },
    status: 400,
    problem: 'dryRun',
    message: /dryRun/,
  },
  {
    name: 'POST /runs body: an array',
    method: 'POST',
    path: '/runs',
    json: [validRun('probe-batch-4')],
    status: 400,
    problem: '',
    message: /\{"runs"/,
  },
  {
    name: 'POST /runs runs[0]: null',
    method: 'POST',
    path: '/runs',
    json: { runs: [null] },
    status: 400,
    problem: 'runs[0]',
    message: /runs\[0\] must be an object/,
  },
  {
    name: 'POST /runs runs[0]: a string',
    method: 'POST',
    path: '/runs',
    json: { runs: ['probe-batch-5'] },
    status: 400,
    problem: 'runs[0]',
    message: /runs\[0\] must be an object/,
  },
  {
    name: 'POST /runs body: __proto__ beside runs',
    method: 'POST',
    path: '/runs',
    raw: {
      body: `{"__proto__":{"runs":[]},"runs":[${JSON.stringify(
        validRun('probe-batch-7'),
      )}]}`,
      headers: { 'Content-Type': 'application/json' },
    },
    status: 400,
    problem: '__proto__',
    message: /__proto__/,
  },
];

/** POST /runs, field by field. */
export const nativeRunProbes: RequestProbe[] = [
  ...productProbes,
  ...runIdProbes,
  ...statusProbes,
  ...timeFieldProbes,
  ...rowCountProbes,
  ...columnProbes,
  ...schemaProbes,
  ...errorMessageProbes,
  ...unknownFieldProbes,
  ...prototypeProbes,
  ...batchProbes,
];
