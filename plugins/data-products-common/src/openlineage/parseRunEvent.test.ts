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
import { eventFacts } from './eventFacts';
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
        warnings: [],
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
    // an explicit null is an absent field: a required one is then missing
    ['run null', e => (e.run = null), 'run'],
    ['eventTime null', e => (e.eventTime = null), 'eventTime'],
    ['job namespace null', e => (e.job.namespace = null), 'job.namespace'],
    [
      'eventTime with a zone-less date only',
      e => (e.eventTime = '2026-03-01T06'),
      'eventTime',
    ],
    ['missing runId', e => delete e.run.runId, 'run.runId'],
    [
      'non-UUID runId',
      e => (e.run.runId = 'scheduled__2026-03-01'),
      'run.runId',
    ],
    ['numeric runId', e => (e.run.runId = 12345), 'run.runId'],
    ['run facets as an array', e => (e.run.facets = []), 'run.facets'],
    ['job as a string', e => (e.job = 'identity_graph.build'), 'job'],
    ['missing job namespace', e => delete e.job.namespace, 'job.namespace'],
    ['blank job name', e => (e.job.name = '  '), 'job.name'],
    [
      'outputs not an array',
      e => (e.outputs = { namespace: 'x', name: 'y' }),
      'outputs',
    ],
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

  // standards.md "Intake is per event": real producers' quirks are read,
  // with a warning, not refused.
  describe('quirks read with a warning', () => {
    it('reads an eventTime without a zone as UTC, naming its path', () => {
      const e = completeEvent();
      // dbt-ol: datetime.now().isoformat(), microseconds and no zone
      e.eventTime = '2026-03-01T06:41:12.123456';
      const { event, problems, warnings } = parseRunEvent(e);
      expect(problems).toEqual([]);
      expect(event!.eventTime).toBe('2026-03-01T06:41:12.123Z');
      expect(warnings).toEqual([
        {
          path: 'eventTime',
          message: expect.stringMatching(
            /^eventTime has no time zone \("2026-03-01T06:41:12\.123456"\): read as UTC/,
          ),
        },
      ]);
    });

    it('reads a nominalEndTime without a zone as UTC: the watermark', () => {
      const e = completeEvent();
      e.run.facets.nominalTime.nominalEndTime = '2026-03-01 05:30';
      const { event, problems, warnings } = parseRunEvent(e);
      expect(problems).toEqual([]);
      expect(warnings.map(w => w.path)).toEqual([
        'run.facets.nominalTime.nominalEndTime',
      ]);
      expect(eventFacts(event!).nominalEndTime).toBe(
        '2026-03-01T05:30:00.000Z',
      );
    });

    it('gives a warning in a batch its index and prefixed path', () => {
      const e = completeEvent();
      e.eventTime = '2026-03-01T06:41:12';
      expect(parseRunEvent(e, 4).warnings).toEqual([
        {
          index: 4,
          path: '[4].eventTime',
          message: expect.stringMatching(/^\[4\]\.eventTime has no time zone/),
        },
      ]);
    });

    it('still refuses a time that is no time, zone or not', () => {
      const e = completeEvent();
      e.eventTime = '2026-03-01T25:00:00';
      const { event, problems, warnings } = parseRunEvent(e);
      expect(event).toBeUndefined();
      expect(problems.map(p => p.path)).toEqual(['eventTime']);
      expect(warnings).toEqual([]);
    });

    it('reads explicit nulls as absent fields, in one warning naming them', () => {
      const e = completeEvent();
      e.producer = null;
      e.inputs = null;
      e.run.facets.nominalTime = null;
      e.outputs[0].outputFacets.outputStatistics = null;
      e.outputs[0].facets.schema.fields[1].description = null;
      const { event, problems, warnings } = parseRunEvent(e);

      expect(problems).toEqual([]);
      expect(event!.producer).toBeUndefined();
      expect(event!.inputs).toEqual([]);
      expect(event!.run.facets.nominalTime).toBeUndefined();
      expect(event!.run.facets.parent).toBeDefined();
      expect(event!.outputs[0].outputFacets).toEqual({});
      expect(warnings).toHaveLength(1);
      expect(warnings[0].path).toBe('');
      expect(warnings[0].message).toMatch(
        /^The event has explicit nulls, read as absent fields: /,
      );
      for (const path of [
        'producer',
        'inputs',
        'run.facets.nominalTime',
        'outputs[0].outputFacets.outputStatistics',
        'outputs[0].facets.schema.fields[1].description',
      ]) {
        expect(warnings[0].message).toContain(path);
      }
    });

    it.each<[string, Mutation]>([
      ['run facets', e => (e.run.facets = null)],
      ['job facets', e => (e.job.facets = null)],
      ['outputFacets', e => (e.outputs[0].outputFacets = null)],
      [
        'column metrics',
        e => {
          e.outputs[0].outputFacets = {
            dataQualityMetrics: {
              rowCount: 10,
              columnMetrics: { id: { nullCount: 0 }, email: null },
            },
          };
        },
      ],
      ['schemaURL', e => (e.schemaURL = null)],
    ])('accepts null %s with a warning', (_, mutate) => {
      const e = completeEvent();
      mutate(e);
      const { event, problems, warnings } = parseRunEvent(e);
      expect(problems).toEqual([]);
      expect(event).toBeDefined();
      expect(warnings).toHaveLength(1);
    });

    it('names the index of a batch event with nulls', () => {
      const e = completeEvent();
      e.schemaURL = null;
      expect(parseRunEvent(e, 2).warnings).toEqual([
        {
          index: 2,
          path: '[2]',
          message:
            '[2] has explicit nulls, read as absent fields: [2].schemaURL',
        },
      ]);
    });

    it('names at most 10 null paths, and counts the rest', () => {
      const e = completeEvent();
      for (let i = 0; i < 12; i++) e.run.facets[`vendor${i}`] = null;
      const [warning] = parseRunEvent(e).warnings;
      expect(warning.message).toMatch(/ and 2 more$/);
      expect(warning.message.match(/run\.facets\.vendor\d+/g)).toHaveLength(10);
    });

    it('reads a required field sent as null as missing, and refuses it', () => {
      const e = completeEvent();
      e.eventType = null;
      const { event, problems, warnings } = parseRunEvent(e);
      expect(event).toBeUndefined();
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'eventType',
          message: expect.stringMatching(/^eventType is missing/),
        }),
      ]);
      expect(warnings).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('eventType'),
        }),
      ]);
    });

    it('leaves the event it was given as it was', () => {
      const e = completeEvent();
      e.run.facets.nominalTime = null;
      e.outputs[0].outputFacets = null;
      const copy = structuredClone(e);
      parseRunEvent(e);
      expect(e).toEqual(copy);
    });

    it('has no warning for a clean event', () => {
      expect(parseRunEvent(completeEvent()).warnings).toEqual([]);
      expect(parseRunEvent(startEvent(), 0).warnings).toEqual([]);
    });
  });

  // The clock-skew rule of native runs (issue 11 item 7): with `now`, no
  // time more than 5 minutes ahead of it.
  describe('times in the future', () => {
    // completeEvent's eventTime is 06:41:12.500 UTC; its nominalEndTime 05:30.
    const FIVE_MINUTES_BEFORE = new Date('2026-03-01T06:36:12.500Z');

    it('accepts an eventTime up to 5 minutes after now', () => {
      expect(
        parseRunEvent(completeEvent(), undefined, FIVE_MINUTES_BEFORE).problems,
      ).toEqual([]);
    });

    it('refuses an eventTime more than 5 minutes after now', () => {
      const now = new Date(FIVE_MINUTES_BEFORE.getTime() - 1);
      const { event, problems } = parseRunEvent(completeEvent(), 1, now);
      expect(event).toBeUndefined();
      expect(problems).toEqual([
        {
          index: 1,
          path: '[1].eventTime',
          message:
            "[1].eventTime is in the future (2026-03-01T06:41:12.500Z is more than 5 minutes after the server's clock)",
        },
      ]);
    });

    it.each(['nominalStartTime', 'nominalEndTime'])(
      'refuses a %s in the future: a watermark that makes lags negative',
      key => {
        const e = completeEvent();
        e.run.facets.nominalTime[key] = '9999-12-31T00:00:00Z';
        const { event, problems } = parseRunEvent(
          e,
          undefined,
          FIVE_MINUTES_BEFORE,
        );
        expect(event).toBeUndefined();
        expect(problems.map(p => [p.path, p.message])).toEqual([
          [
            `run.facets.nominalTime.${key}`,
            expect.stringContaining('is in the future'),
          ],
        ]);
      },
    );

    it('judges a zone-less time as UTC against the clock', () => {
      const e = completeEvent();
      e.eventTime = '2026-03-01T06:41:12.500'; // UTC, as read
      const now = new Date(FIVE_MINUTES_BEFORE.getTime() - 1);
      expect(
        parseRunEvent(e, undefined, now).problems.map(p => p.path),
      ).toEqual(['eventTime']);
      expect(parseRunEvent(e, undefined, FIVE_MINUTES_BEFORE).problems).toEqual(
        [],
      );
    });
  });
});
