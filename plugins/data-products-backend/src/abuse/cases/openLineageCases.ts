import { ORDERS_NAME, ORDERS_NAMESPACE } from '../probeCatalog';
import { RequestProbe } from '../RequestProbe';
import {
  BAD_TIMES,
  NOT_A_COUNT,
  NOT_A_STRING,
  NUL,
  ONE_MB,
  RTL,
  nestedSchemaFieldJson,
} from './badValues';
import { literal } from './nativeRunCases';

let serial = 0;
function uuid(): string {
  serial += 1;
  return `0192963f-929e-731b-a075-${String(serial).padStart(12, '0')}`;
}

/** A valid COMPLETE of `orders`' dataset, with a run of its own. */
function validEvent(): Record<string, any> {
  return {
    eventType: 'COMPLETE',
    eventTime: '2026-11-25T10:00:00.000Z',
    run: { runId: uuid(), facets: {} },
    job: { namespace: 'airflow', name: 'orders_daily', facets: {} },
    inputs: [],
    outputs: [{ namespace: ORDERS_NAMESPACE, name: ORDERS_NAME }],
    producer:
      'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/airflow',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  };
}

/**
 * A probe of POST /openlineage with one event, `change` applied to a valid
 * one; the problem must be named at `field` (a path in the event).
 */
function eventProbe(
  title: string,
  field: string,
  change: (event: Record<string, any>) => void,
  extra: Partial<RequestProbe> = {},
): RequestProbe {
  const event = validEvent();
  change(event);
  return {
    name: `POST /openlineage ${field}: ${title}`,
    method: 'POST',
    path: '/openlineage',
    json: event,
    status: 400,
    problem: field,
    message: literal(field),
    ...extra,
  };
}

/** As eventProbe, with the event's JSON text edited (for keys and numbers JSON.stringify cannot write). */
function rawEventProbe(
  title: string,
  field: string,
  edit: (json: string) => string,
  extra: Partial<RequestProbe> = {},
): RequestProbe {
  return {
    name: `POST /openlineage ${field}: ${title}`,
    method: 'POST',
    path: '/openlineage',
    raw: {
      body: edit(JSON.stringify(validEvent())),
      headers: { 'Content-Type': 'application/json' },
    },
    status: 400,
    problem: field,
    message: literal(field),
    ...extra,
  };
}

/** Sets a value at a dotted path, creating objects on the way. */
function put(path: string, value: unknown) {
  return (event: Record<string, any>) => {
    const keys = path.split('.');
    let target = event;
    for (const key of keys.slice(0, -1)) {
      target[key] = target[key] ?? {};
      target = target[key];
    }
    target[keys[keys.length - 1]] = value;
  };
}

function remove(path: string) {
  return (event: Record<string, any>) => {
    const keys = path.split('.');
    let target = event;
    for (const key of keys.slice(0, -1)) target = target[key];
    delete target[keys[keys.length - 1]];
  };
}

function requiredStringProbes(field: string): RequestProbe[] {
  return [
    ...Object.entries(NOT_A_STRING).map(([kind, value]) =>
      eventProbe(kind, field, put(field, value)),
    ),
    eventProbe('missing', field, remove(field)),
    eventProbe('null', field, put(field, null)),
    eventProbe('empty', field, put(field, '')),
  ];
}

const eventTypeProbes: RequestProbe[] = [
  ...requiredStringProbes('eventType'),
  eventProbe('lower case', 'eventType', put('eventType', 'complete')),
  eventProbe('unknown', 'eventType', put('eventType', 'FINISHED')),
  eventProbe(
    'with a NUL byte',
    'eventType',
    put('eventType', `COMPLETE${NUL}`),
  ),
];

const eventTimeProbes: RequestProbe[] = [
  ...Object.entries(BAD_TIMES).map(([kind, value]) =>
    eventProbe(kind, 'eventTime', put('eventTime', value), {
      ...(kind === 'far in the future' ? { message: /future/ } : {}),
    }),
  ),
  eventProbe('missing', 'eventTime', remove('eventTime')),
  eventProbe('null', 'eventTime', put('eventTime', null)),
];

const runProbes: RequestProbe[] = [
  eventProbe('missing', 'run', remove('run')),
  eventProbe('null', 'run', put('run', null)),
  eventProbe('an array', 'run', put('run', [uuid()])),
  eventProbe('a string', 'run', put('run', uuid())),
  ...requiredStringProbes('run.runId'),
  eventProbe('not a UUID', 'run.runId', put('run.runId', 'run-1')),
  eventProbe('a UUID with a NUL byte', 'run.runId', e => {
    e.run.runId = `${e.run.runId}${NUL}`;
  }),
  eventProbe('a UUID with a right-to-left override', 'run.runId', e => {
    e.run.runId = `${RTL}${e.run.runId}`;
  }),
  eventProbe('1 MB long', 'run.runId', put('run.runId', ONE_MB)),
  eventProbe('an array', 'run.facets', put('run.facets', [])),
  eventProbe('a string', 'run.facets', put('run.facets', 'nominalTime')),
  eventProbe(
    'a string',
    'run.facets.nominalTime',
    put('run.facets.nominalTime', '2026-11-24'),
  ),
  ...Object.entries(BAD_TIMES).map(([kind, value]) =>
    eventProbe(
      kind,
      'run.facets.nominalTime.nominalEndTime',
      put('run.facets.nominalTime', {
        nominalStartTime: '2026-11-24T00:00:00Z',
        nominalEndTime: value,
      }),
      kind === 'far in the future' ? { message: /future/ } : {},
    ),
  ),
  eventProbe('a number', 'run.facets.errorMessage.message', e => {
    e.eventType = 'FAIL';
    e.run.facets.errorMessage = { message: 42, programmingLanguage: 'python' };
  }),
  // issue #11: an unbounded errorMessage; refuse it or clip it with a warning
  eventProbe(
    '4 MB long',
    'run.facets.errorMessage.message',
    e => {
      e.eventType = 'FAIL';
      e.run.facets.errorMessage = {
        message: 'x'.repeat(4 * 1024 * 1024),
        programmingLanguage: 'python',
      };
    },
    { orStoredWithWarning: true },
  ),
  eventProbe(
    'with a NUL byte',
    'run.facets.errorMessage.message',
    e => {
      e.eventType = 'FAIL';
      e.run.facets.errorMessage = {
        message: `disk full${NUL}`,
        programmingLanguage: 'python',
      };
    },
    { orStoredWithWarning: true },
  ),
  eventProbe(
    'not a UUID',
    'run.facets.parent.run.runId',
    put('run.facets.parent', {
      run: { runId: 'nope' },
      job: { namespace: 'airflow', name: 'dag' },
    }),
  ),
  eventProbe('a string', 'run.facets.parent', put('run.facets.parent', 'dag')),
];

const jobProbes: RequestProbe[] = [
  eventProbe('missing', 'job', remove('job')),
  eventProbe('a string', 'job', put('job', 'orders_daily')),
  eventProbe('an array', 'job', put('job', [])),
  ...requiredStringProbes('job.namespace'),
  ...requiredStringProbes('job.name'),
  eventProbe('blank', 'job.name', put('job.name', '   ')),
  eventProbe('1 MB long', 'job.name', put('job.name', ONE_MB), {
    orStoredWithWarning: true,
  }),
  eventProbe(
    'with a NUL byte',
    'job.name',
    put('job.name', `orders${NUL}daily`),
    { orStoredWithWarning: true },
  ),
  eventProbe('an array', 'job.facets', put('job.facets', [])),
];

function outputs(value: unknown) {
  return put('outputs', value);
}
function output(extra: Record<string, unknown>) {
  return outputs([
    { namespace: ORDERS_NAMESPACE, name: ORDERS_NAME, ...extra },
  ]);
}

const datasetProbes: RequestProbe[] = [
  eventProbe('an object', 'outputs', outputs({ namespace: 'a', name: 'b' })),
  eventProbe('a string', 'outputs', outputs('orders')),
  eventProbe('a string', 'inputs', put('inputs', 'orders')),
  eventProbe('null', 'outputs[0]', outputs([null])),
  eventProbe('a number', 'outputs[0]', outputs([7])),
  eventProbe('null', 'inputs[0]', put('inputs', [null])),
  eventProbe(
    'missing',
    'outputs[0].name',
    outputs([{ namespace: ORDERS_NAMESPACE }]),
  ),
  eventProbe(
    'a number',
    'outputs[0].name',
    outputs([{ namespace: ORDERS_NAMESPACE, name: 5 }]),
  ),
  eventProbe(
    'empty',
    'outputs[0].name',
    outputs([{ namespace: ORDERS_NAMESPACE, name: '' }]),
  ),
  eventProbe(
    'missing',
    'outputs[0].namespace',
    outputs([{ name: ORDERS_NAME }]),
  ),
  eventProbe(
    'a number',
    'outputs[0].namespace',
    outputs([{ namespace: 5, name: ORDERS_NAME }]),
  ),
  eventProbe(
    'with a NUL byte',
    'outputs[0].name',
    outputs([{ namespace: ORDERS_NAMESPACE, name: `${ORDERS_NAME}${NUL}` }]),
    { orStoredWithWarning: true },
  ),
  ...Object.entries(NOT_A_COUNT).map(([kind, value]) =>
    eventProbe(
      kind,
      'outputs[0].outputFacets.outputStatistics.rowCount',
      output({
        outputFacets: { outputStatistics: { rowCount: value } },
      }),
    ),
  ),
  eventProbe(
    'negative',
    'outputs[0].facets.dataQualityMetrics.columnMetrics.order_id.nullCount',
    output({
      facets: {
        dataQualityMetrics: {
          rowCount: 10,
          columnMetrics: { order_id: { nullCount: -3 } },
        },
      },
    }),
  ),
  eventProbe(
    'more nulls than rows',
    'outputs[0].facets.dataQualityMetrics.columnMetrics.order_id.nullCount',
    output({
      facets: {
        dataQualityMetrics: {
          rowCount: 10,
          columnMetrics: { order_id: { nullCount: 11 } },
        },
      },
    }),
    {
      message:
        /outputs\[0\]\.facets\.dataQualityMetrics\.columnMetrics\.order_id\.nullCount.*rowCount/,
    },
  ),
  eventProbe(
    'more distinct values than rows',
    'outputs[0].facets.dataQualityMetrics.columnMetrics.order_id.distinctCount',
    output({
      facets: {
        dataQualityMetrics: {
          rowCount: 10,
          columnMetrics: { order_id: { distinctCount: 500 } },
        },
      },
    }),
    {
      message:
        /outputs\[0\]\.facets\.dataQualityMetrics\.columnMetrics\.order_id\.distinctCount.*rowCount/,
    },
  ),
  eventProbe(
    'more nulls than the output rows',
    'outputs[0].outputFacets.dataQualityMetrics.columnMetrics.order_id.nullCount',
    output({
      outputFacets: {
        outputStatistics: { rowCount: 10 },
        dataQualityMetrics: {
          rowCount: 10,
          columnMetrics: { order_id: { nullCount: 99 } },
        },
      },
    }),
    { message: /nullCount.*rowCount/ },
  ),
  rawEventProbe(
    'a __proto__ column',
    'outputs[0].facets.dataQualityMetrics.columnMetrics.__proto__',
    json =>
      json.replace(
        `"name":"${ORDERS_NAME}"}`,
        `"name":"${ORDERS_NAME}","facets":{"dataQualityMetrics":{"rowCount":10,"columnMetrics":{"__proto__":{"nullCount":1}}}}}`,
      ),
  ),
  rawEventProbe(
    'a __proto__ output column',
    'outputs[0].outputFacets.dataQualityMetrics.columnMetrics.__proto__',
    json =>
      json.replace(
        `"name":"${ORDERS_NAME}"}`,
        `"name":"${ORDERS_NAME}","outputFacets":{"dataQualityMetrics":{"rowCount":10,"columnMetrics":{"__proto__":{"nullCount":1}}}}}`,
      ),
  ),
  rawEventProbe(
    '1e400 (Infinity once parsed)',
    'outputs[0].outputFacets.outputStatistics.rowCount',
    json =>
      json.replace(
        `"name":"${ORDERS_NAME}"}`,
        `"name":"${ORDERS_NAME}","outputFacets":{"outputStatistics":{"rowCount":1e400}}}`,
      ),
  ),
  eventProbe(
    'an object',
    'outputs[0].facets.schema.fields',
    output({ facets: { schema: { fields: { name: 'id' } } } }),
  ),
  eventProbe(
    'a field without a name',
    'outputs[0].facets.schema.fields[0].name',
    output({ facets: { schema: { fields: [{ type: 'STRING' }] } } }),
  ),
  eventProbe(
    'a numeric type',
    'outputs[0].facets.schema.fields[0].type',
    output({ facets: { schema: { fields: [{ name: 'id', type: 3 }] } } }),
  ),
  // issue #11: a 20,000-level nested schema facet
  rawEventProbe(
    'nested 20,000 levels deep',
    'outputs[0].facets.schema.fields',
    json =>
      json.replace(
        `"name":"${ORDERS_NAME}"}`,
        `"name":"${ORDERS_NAME}","facets":{"schema":{"fields":[${nestedSchemaFieldJson(
          20_000,
        )}]}}}`,
      ),
    {
      // named where the nesting goes too deep, wherever that is
      problem: /^outputs\[0\]\.facets\.schema\.fields/,
      message: /outputs\[0\]\.facets\.schema\.fields.*(deep|depth|nest|level)/i,
    },
  ),
  eventProbe(
    'success as text',
    'outputs[0].facets.dataQualityAssertions.assertions[0].success',
    output({
      facets: {
        dataQualityAssertions: {
          assertions: [{ assertion: 'not_null', success: 'yes' }],
        },
      },
    }),
  ),
];

const otherProbes: RequestProbe[] = [
  eventProbe('a number', 'producer', put('producer', 42)),
  eventProbe('a number', 'schemaURL', put('schemaURL', 42)),
];

/** A batch of events: every bad one named by index, nothing stored. */
const batchProbes: RequestProbe[] = [
  {
    name: 'POST /openlineage body: an empty array',
    method: 'POST',
    path: '/openlineage',
    json: [],
    status: 400,
    problem: '',
    message: /empty/,
  },
  {
    name: 'POST /openlineage [1].eventTime: future, beside a bad [0]',
    method: 'POST',
    path: '/openlineage',
    json: [
      { ...validEvent(), eventType: 'DONE' },
      { ...validEvent(), eventTime: '9999-01-01T00:00:00Z' },
    ],
    status: 400,
    problem: '[1].eventTime',
    message: /\[1\]\.eventTime.*future/,
  },
  {
    name: 'POST /openlineage [0]: a nested array',
    method: 'POST',
    path: '/openlineage',
    json: [[validEvent()]],
    status: 400,
    problem: '[0]',
    message: /\[0\] must be an object/,
  },
  {
    name: 'POST /openlineage [2].run.runId: NUL in the third of three bad events',
    method: 'POST',
    path: '/openlineage',
    json: [
      { ...validEvent(), eventType: 7 },
      { ...validEvent(), job: null },
      { ...validEvent(), run: { runId: `x${NUL}` } },
    ],
    status: 400,
    problem: '[2].run.runId',
    message: /\[2\]\.run\.runId/,
  },
];

/** POST /openlineage, field by field. */
export const openLineageProbes: RequestProbe[] = [
  ...eventTypeProbes,
  ...eventTimeProbes,
  ...runProbes,
  ...jobProbes,
  ...datasetProbes,
  ...otherProbes,
  ...batchProbes,
];
