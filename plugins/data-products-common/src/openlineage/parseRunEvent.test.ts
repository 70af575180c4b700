import {
  PARENT_RUN_ID,
  PRODUCER,
  RUN_ID,
  SCHEMA_URL,
  completeEvent,
  failEvent,
  inputMetricsEvent,
  outputMetricsEvent,
  startEvent,
  unknownDatasetEvent,
} from './__fixtures__/events';
import { parseRunEvent } from './parseRunEvent';

describe('parseRunEvent', () => {
  it('accepts a START event and normalizes its time', () => {
    const { event, problems } = parseRunEvent(startEvent());
    expect(problems).toEqual([]);
    expect(event).toMatchObject({
      eventType: 'START',
      eventTime: '2026-03-01T06:00:00.000Z',
      run: { runId: RUN_ID },
      job: { namespace: 'airflow-prod', name: 'identity_graph.build' },
      producer: PRODUCER,
      schemaURL: SCHEMA_URL,
    });
    expect(event!.inputs).toEqual([
      {
        namespace: 'postgres://crm-db:5432',
        name: 'crm.public.accounts',
        facets: {},
        inputFacets: {},
      },
    ]);
    expect(event!.outputs[0].outputFacets).toEqual({});
  });

  it('converts an offset to UTC and lower-cases the run id', () => {
    const { event } = parseRunEvent(completeEvent());
    // 07:41:12.5 at +01:00 is 06:41:12.500 UTC.
    expect(event!.eventTime).toBe('2026-03-01T06:41:12.500Z');
    expect(event!.run.runId).toBe(RUN_ID);
    expect(event!.run.facets.parent).toEqual({
      run: { runId: PARENT_RUN_ID },
      job: { namespace: 'airflow-prod', name: 'identity_graph' },
    });
  });

  it.each([
    ['FAIL with errorMessage', failEvent],
    ['metrics on outputs', outputMetricsEvent],
    ['metrics on inputs', inputMetricsEvent],
    ['an unknown dataset', unknownDatasetEvent],
  ])('accepts %s', (_, make) => {
    expect(parseRunEvent(make())).toMatchObject({ problems: [] });
  });

  it('accepts events with no inputs or outputs at all', () => {
    const e = startEvent();
    delete e.inputs;
    delete e.outputs;
    const { event, problems } = parseRunEvent(e);
    expect(problems).toEqual([]);
    expect(event!.inputs).toEqual([]);
    expect(event!.outputs).toEqual([]);
  });

  it('leaves facets it does not read alone, whatever their shape', () => {
    const e = completeEvent();
    e.run.facets.spark_properties = { properties: { 'spark.master': 'yarn' } };
    e.run.facets.vendorFlag = 'on';
    e.job.facets = { jobType: null };
    expect(parseRunEvent(e).problems).toEqual([]);
  });

  it('prefixes every path with the index in a batch and sets index', () => {
    const e = completeEvent();
    e.run.runId = 'run_id';
    expect(parseRunEvent(e, 3).problems).toEqual([
      {
        index: 3,
        path: '[3].run.runId',
        message:
          '[3].run.runId must be a UUID such as 0192963f-929e-731b-a075-9bb14bf41d38, not "run_id"',
      },
    ]);
  });

  it('reports every problem, not only the first', () => {
    const e = completeEvent();
    e.eventType = 'DONE';
    delete e.eventTime;
    e.job.name = 7;
    e.outputs[0].facets.schema.fields[1].name = '';
    expect(parseRunEvent(e).problems.map(p => p.path)).toEqual([
      'eventType',
      'eventTime',
      'job.name',
      'outputs[0].facets.schema.fields[1].name',
    ]);
  });

  it('refuses what is not an object at all', () => {
    for (const value of [null, 'COMPLETE', 42, [completeEvent()]]) {
      expect(parseRunEvent(value)).toEqual({
        problems: [expect.objectContaining({ path: '' })],
      });
    }
    expect(parseRunEvent(null, 0).problems).toEqual([
      { index: 0, path: '[0]', message: '[0] must be an object, not null' },
    ]);
  });

  type Mutation = (e: Record<string, any>) => void;
  const malformed: Array<[string, Mutation, string]> = [
    ['unknown eventType', e => (e.eventType = 'DONE'), 'eventType'],
    ['lower-case eventType', e => (e.eventType = 'complete'), 'eventType'],
    ['missing eventType', e => delete e.eventType, 'eventType'],
    ['missing eventTime', e => delete e.eventTime, 'eventTime'],
    [
      'eventTime without a time zone',
      e => (e.eventTime = '2026-03-01T06:00:00'),
      'eventTime',
    ],
    [
      'eventTime as a date only',
      e => (e.eventTime = '2026-03-01'),
      'eventTime',
    ],
    [
      'eventTime on a day that does not exist',
      e => (e.eventTime = '2026-02-30T06:00:00Z'),
      'eventTime',
    ],
    [
      'eventTime as epoch millis',
      e => (e.eventTime = 1772344800000),
      'eventTime',
    ],
    ['missing run', e => delete e.run, 'run'],
    ['run null', e => (e.run = null), 'run'],
    ['missing runId', e => delete e.run.runId, 'run.runId'],
    [
      'non-UUID runId',
      e => (e.run.runId = 'scheduled__2026-03-01'),
      'run.runId',
    ],
    ['numeric runId', e => (e.run.runId = 12345), 'run.runId'],
    ['run facets as an array', e => (e.run.facets = []), 'run.facets'],
    ['run facets null', e => (e.run.facets = null), 'run.facets'],
    ['job as a string', e => (e.job = 'identity_graph.build'), 'job'],
    ['missing job namespace', e => delete e.job.namespace, 'job.namespace'],
    ['blank job name', e => (e.job.name = '  '), 'job.name'],
    [
      'outputs not an array',
      e => (e.outputs = { namespace: 'x', name: 'y' }),
      'outputs',
    ],
    ['inputs null', e => (e.inputs = null), 'inputs'],
    ['an output that is null', e => (e.outputs = [null]), 'outputs[0]'],
    [
      'an output without a name',
      e => delete e.outputs[0].name,
      'outputs[0].name',
    ],
    [
      'an input with a numeric namespace',
      e => (e.inputs[0].namespace = 5),
      'inputs[0].namespace',
    ],
    [
      'dataset facets as a string',
      e => (e.outputs[0].facets = 'schema'),
      'outputs[0].facets',
    ],
    [
      'outputFacets null',
      e => (e.outputs[0].outputFacets = null),
      'outputs[0].outputFacets',
    ],
    [
      'inputFacets as an array',
      e => (e.inputs[0].inputFacets = []),
      'inputs[0].inputFacets',
    ],
    [
      'a negative rowCount',
      e => (e.outputs[0].outputFacets.outputStatistics.rowCount = -1),
      'outputs[0].outputFacets.outputStatistics.rowCount',
    ],
    [
      'a fractional rowCount',
      e => (e.outputs[0].outputFacets.outputStatistics.rowCount = 1.5),
      'outputs[0].outputFacets.outputStatistics.rowCount',
    ],
    [
      'a rowCount as text',
      e => (e.outputs[0].outputFacets.outputStatistics.rowCount = '1250000'),
      'outputs[0].outputFacets.outputStatistics.rowCount',
    ],
    [
      'outputStatistics null',
      e => (e.outputs[0].outputFacets.outputStatistics = null),
      'outputs[0].outputFacets.outputStatistics',
    ],
    [
      'schema fields not an array',
      e => (e.outputs[0].facets.schema.fields = {}),
      'outputs[0].facets.schema.fields',
    ],
    [
      'a schema field without a name',
      e => delete e.outputs[0].facets.schema.fields[2].name,
      'outputs[0].facets.schema.fields[2].name',
    ],
    [
      'a nested schema field with a numeric type',
      e => (e.outputs[0].facets.schema.fields[2].fields[1].fields[0].type = 8),
      'outputs[0].facets.schema.fields[2].fields[1].fields[0].type',
    ],
    [
      'a schema field that is a string',
      e => (e.outputs[0].facets.schema.fields[0] = 'customer_id'),
      'outputs[0].facets.schema.fields[0]',
    ],
    [
      'nominalEndTime without a time zone',
      e => (e.run.facets.nominalTime.nominalEndTime = '2026-03-01 05:30'),
      'run.facets.nominalTime.nominalEndTime',
    ],
    [
      'nominalTime null',
      e => (e.run.facets.nominalTime = null),
      'run.facets.nominalTime',
    ],
    [
      'a parent run with a bad runId',
      e => (e.run.facets.parent.run.runId = 'parent'),
      'run.facets.parent.run.runId',
    ],
    [
      'a parent without a job',
      e => delete e.run.facets.parent.job,
      'run.facets.parent.job',
    ],
    [
      'an errorMessage without a message',
      e => (e.run.facets.errorMessage = { stackTrace: 'x' }),
      'run.facets.errorMessage.message',
    ],
    ['producer as a number', e => (e.producer = 1), 'producer'],
  ];

  it.each(malformed)('refuses %s, naming the path', (_, mutate, path) => {
    const e = completeEvent();
    mutate(e);
    const result = parseRunEvent(e);
    expect(result.event).toBeUndefined();
    expect(result.problems.map(p => p.path)).toEqual([path]);
    expect(result.problems[0].message.startsWith(path)).toBe(true);
  });

  it.each<[string, Mutation, string]>([
    [
      'a negative nullCount',
      e =>
        (e.outputs[0].outputFacets.dataQualityMetrics.columnMetrics.customer_id.nullCount =
          -3),
      'outputs[0].outputFacets.dataQualityMetrics.columnMetrics.customer_id.nullCount',
    ],
    [
      'a negative distinctCount',
      e =>
        (e.outputs[0].outputFacets.dataQualityMetrics.columnMetrics.customer_id.distinctCount =
          -1),
      'outputs[0].outputFacets.dataQualityMetrics.columnMetrics.customer_id.distinctCount',
    ],
    [
      'column metrics null',
      e =>
        (e.outputs[0].outputFacets.dataQualityMetrics.columnMetrics.email_sha256 =
          null),
      'outputs[0].outputFacets.dataQualityMetrics.columnMetrics.email_sha256',
    ],
    [
      'a negative metrics rowCount',
      e => (e.outputs[0].outputFacets.dataQualityMetrics.rowCount = -1000),
      'outputs[0].outputFacets.dataQualityMetrics.rowCount',
    ],
    [
      'columnMetrics as an array',
      e => (e.outputs[0].outputFacets.dataQualityMetrics.columnMetrics = []),
      'outputs[0].outputFacets.dataQualityMetrics.columnMetrics',
    ],
  ])('refuses %s in output metrics', (_, mutate, path) => {
    const e = outputMetricsEvent();
    mutate(e);
    expect(parseRunEvent(e, 0).problems.map(p => p.path)).toEqual([
      `[0].${path}`,
    ]);
  });

  it('refuses a negative count in input metrics', () => {
    const e = inputMetricsEvent();
    e.inputs[1].inputFacets.dataQualityMetrics.columnMetrics.customer_id.nullCount =
      -2;
    expect(parseRunEvent(e).problems.map(p => p.path)).toEqual([
      'inputs[1].inputFacets.dataQualityMetrics.columnMetrics.customer_id.nullCount',
    ]);
  });

  it('refuses a dataQualityAssertions entry without success', () => {
    const e = completeEvent();
    e.outputs[0].facets.dataQualityAssertions = {
      assertions: [
        { assertion: 'not_null', success: true },
        { assertion: 'unique' },
      ],
    };
    expect(parseRunEvent(e).problems.map(p => p.path)).toEqual([
      'outputs[0].facets.dataQualityAssertions.assertions[1].success',
    ]);
  });
});
