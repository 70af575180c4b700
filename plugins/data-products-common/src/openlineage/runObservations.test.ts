import {
  IDENTITY_NAMESPACE,
  IDENTITY_TABLE,
  PARENT_RUN_ID,
  RUN_ID,
  completeEvent,
  failEvent,
  inputMetricsEvent,
  outputMetricsEvent,
  startEvent,
  unknownDatasetEvent,
} from './__fixtures__/events';
import { datasetKeysOf } from './datasetKey';
import { parseRunEvent } from './parseRunEvent';
import { runObservationsFromEvent } from './runObservations';
import type { ParsedRunEvent } from './types';

const IDENTITY_KEY = `${IDENTITY_NAMESPACE}/${IDENTITY_TABLE}`;

function observe(event: unknown) {
  const { event: parsed, problems } = parseRunEvent(event);
  expect(problems).toEqual([]);
  return runObservationsFromEvent(parsed!);
}

describe('runObservationsFromEvent', () => {
  it('observes START then COMPLETE of one run', () => {
    const [started] = observe(startEvent());
    expect(started).toEqual({
      datasetKey: IDENTITY_KEY,
      runId: RUN_ID,
      jobNamespace: 'airflow-prod',
      jobName: 'identity_graph.build',
      eventType: 'START',
      eventTime: '2026-03-01T06:00:00.000Z',
      status: 'running',
      startedAt: '2026-03-01T06:00:00.000Z',
      watermark: '2026-03-01T05:30:00.000Z',
    });

    const [completed] = observe(completeEvent());
    expect(completed).toEqual({
      datasetKey: IDENTITY_KEY,
      runId: RUN_ID, // the same run, though sent upper-case
      jobNamespace: 'airflow-prod',
      jobName: 'identity_graph.build',
      eventType: 'COMPLETE',
      eventTime: '2026-03-01T06:41:12.500Z',
      status: 'success',
      finishedAt: '2026-03-01T06:41:12.500Z',
      watermark: '2026-03-01T05:30:00.000Z',
      rowCount: 1_250_000,
      schema: [
        { name: 'customer_id', type: 'VARCHAR' },
        { name: 'email_sha256', type: 'VARCHAR' },
        { name: 'address', type: 'STRUCT' },
        { name: 'address.city', type: 'VARCHAR' },
        { name: 'address.geo', type: 'STRUCT' },
        { name: 'address.geo.lat', type: 'DOUBLE' },
        { name: 'address.geo.lon' },
      ],
      parent: {
        runId: PARENT_RUN_ID,
        jobNamespace: 'airflow-prod',
        jobName: 'identity_graph',
      },
    });
  });

  it('matches the product annotation in its full form', () => {
    const [completed] = observe(completeEvent());
    expect(datasetKeysOf(`${IDENTITY_NAMESPACE}/${IDENTITY_TABLE}`)).toContain(
      completed.datasetKey,
    );
  });

  it('observes a FAIL as a failed, finished run with its error', () => {
    expect(observe(failEvent())).toEqual([
      expect.objectContaining({
        status: 'failed',
        eventType: 'FAIL',
        finishedAt: '2026-03-02T06:12:00.000Z',
        errorMessage: 'SQL compilation error: invalid identifier CUST_ID',
      }),
    ]);
  });

  it.each([
    ['ABORT', 'failed', true],
    ['RUNNING', 'running', false],
    ['OTHER', 'running', false],
  ])('maps %s to %s', (eventType, status, closes) => {
    const e = failEvent();
    e.eventType = eventType;
    const [observation] = observe(e);
    expect(observation.status).toBe(status);
    expect(observation.finishedAt !== undefined).toBe(closes);
    expect(observation.startedAt).toBeUndefined();
  });

  it('reads data quality metrics on an output', () => {
    const [observation] = observe(outputMetricsEvent());
    expect(observation.rowCount).toBe(1000);
    expect(observation.columns).toEqual({
      customer_id: { nullCount: 0, distinctCount: 998 },
      email_sha256: { nullCount: 12 },
    });
  });

  it('prefers outputStatistics for the row count', () => {
    const e = outputMetricsEvent();
    e.outputs[0].outputFacets.outputStatistics = { rowCount: 1001 };
    expect(observe(e)[0].rowCount).toBe(1001);
  });

  it('reads metrics carried on the same dataset among the inputs', () => {
    const [observation] = observe(inputMetricsEvent());
    expect(observation).toMatchObject({
      datasetKey: IDENTITY_KEY,
      rowCount: 2000,
      columns: { customer_id: { nullCount: 2, distinctCount: 1990 } },
    });
  });

  it('does not lend one input dataset’s metrics to another output', () => {
    const e = inputMetricsEvent();
    e.inputs.pop();
    const [observation] = observe(e);
    expect(observation.rowCount).toBeUndefined();
    expect(observation.columns).toBeUndefined();
  });

  it('observes an unknown dataset like any other (the backend counts it)', () => {
    expect(observe(unknownDatasetEvent())).toEqual([
      expect.objectContaining({
        datasetKey: 'file/tmp/outputs/1729097570970',
        status: 'success',
      }),
    ]);
  });

  it('observes nothing for an event without outputs', () => {
    const e = startEvent();
    delete e.outputs;
    expect(observe(e)).toEqual([]);
  });

  it('observes one per output dataset, a repeated one once', () => {
    const e = completeEvent();
    e.outputs.push(
      { namespace: 'snowflake://acme/', name: IDENTITY_TABLE },
      { namespace: 'snowflake://acme', name: 'ANALYTICS.IDENTITY.EMAILS' },
    );
    expect(observe(e).map(o => o.datasetKey)).toEqual([
      IDENTITY_KEY,
      'snowflake://acme/ANALYTICS.IDENTITY.EMAILS',
    ]);
  });

  it('does not throw on a hand-built event with odd facets', () => {
    const event: ParsedRunEvent = {
      eventType: 'COMPLETE',
      eventTime: '2026-03-01T00:00:00.000Z',
      run: {
        runId: RUN_ID,
        facets: {
          nominalTime: 'yesterday',
          parent: { run: 1 },
          errorMessage: [],
        },
      },
      job: { namespace: 'j', name: 'n' },
      inputs: [],
      outputs: [
        {
          namespace: 'bigquery',
          name: 'p.d.t',
          facets: { schema: { fields: 'x' } },
          outputFacets: { outputStatistics: { rowCount: -1 } },
        },
      ],
    } as unknown as ParsedRunEvent;
    expect(runObservationsFromEvent(event)).toEqual([
      expect.not.objectContaining({ rowCount: expect.anything() }),
    ]);
  });
});
