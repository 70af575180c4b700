/**
 * Runs accumulated by runId (standards.md "Runs are accumulated by runId"):
 * every expectation below is worked out by hand from that page.
 */
import { accumulateRun } from './accumulateRun';
import { datasetKeysOf } from './datasetKey';
import { RunEventFacts, eventFacts } from './eventFacts';
import { parseRunEvent } from './parseRunEvent';
import { productRunsOf } from './productRuns';
import type { RunEventType } from './types';

const RUN = '0192963f-929e-731b-a075-9bb14bf41d38';
const PARENT = '0192963f-929e-731b-a075-9bb14bf41d00';
const ORDERS = 'postgres://warehouse:5432/analytics.public.orders';
const RETURNS = 'postgres://warehouse:5432/analytics.public.returns';

function t(hhmm: string): string {
  return `2026-11-25T${hhmm}:00.000Z`;
}

/** The facts of one event of RUN, as eventFacts keeps them. */
function facts(
  eventType: RunEventType,
  time: string,
  extra: Partial<RunEventFacts> = {},
): RunEventFacts {
  return {
    eventType,
    eventTime: t(time),
    runId: RUN,
    job: { namespace: 'airflow', name: 'orders_daily' },
    outputs: [],
    inputs: [],
    checks: [],
    ...extra,
  };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map(rest => [
      item,
      ...rest,
    ]),
  );
}

describe('accumulateRun', () => {
  it('closes a run with a COMPLETE that lists no outputs (dbt-ol, Flink)', () => {
    const run = accumulateRun([
      facts('START', '09:00', { outputs: [{ keys: [ORDERS] }] }),
      facts('COMPLETE', '09:30'),
    ]);
    expect(run).toEqual({
      runId: RUN,
      job: { namespace: 'airflow', name: 'orders_daily' },
      status: 'success',
      startedAt: t('09:00'),
      finishedAt: t('09:30'),
      lastEventAt: t('09:30'),
      streaming: false,
      outputs: [{ keys: [ORDERS] }],
      inputs: [],
      checks: [],
      samples: [],
    });
  });

  it('makes the same run of the same events in every order', () => {
    const events = [
      facts('START', '09:00', {
        nominalEndTime: t('08:00'),
        outputs: [{ keys: [ORDERS] }],
      }),
      facts('RUNNING', '09:10', { outputs: [{ keys: [ORDERS], rowCount: 5 }] }),
      facts('COMPLETE', '09:30', {
        outputs: [{ keys: [ORDERS], rowCount: 900 }],
      }),
    ];
    const expected = {
      status: 'success',
      startedAt: t('09:00'),
      finishedAt: t('09:30'),
      lastEventAt: t('09:30'),
      watermark: t('08:00'),
      outputs: [{ keys: [ORDERS], rowCount: 900 }],
    };
    for (const order of permutations(events)) {
      expect(accumulateRun(order)).toEqual(expect.objectContaining(expected));
    }
  });

  it('lets a START that arrives after COMPLETE fill startedAt and the watermark', () => {
    // Airflow puts nominalTime only on START, whose outputs are empty.
    const complete = facts('COMPLETE', '10:30', {
      outputs: [{ keys: [ORDERS], rowCount: 10 }],
    });
    const start = facts('START', '10:00', { nominalEndTime: t('09:00') });

    const before = accumulateRun([complete]);
    expect(before.status).toBe('success');
    expect(before.startedAt).toBeUndefined();
    expect(before.watermark).toBeUndefined();

    expect(accumulateRun([complete, start])).toEqual(
      expect.objectContaining({
        status: 'success',
        startedAt: t('10:00'),
        finishedAt: t('10:30'),
        watermark: t('09:00'),
        outputs: [{ keys: [ORDERS], rowCount: 10 }],
      }),
    );
  });

  it('keeps a run running until a terminal event', () => {
    const run = accumulateRun([
      facts('START', '09:00', { outputs: [{ keys: [ORDERS] }] }),
      facts('RUNNING', '09:05'),
    ]);
    expect(run.status).toBe('running');
    expect(run.startedAt).toBe(t('09:00'));
    expect(run.finishedAt).toBeUndefined();
    expect(run.lastEventAt).toBe(t('09:05'));
  });

  it('fails a run with FAIL, with or without outputs', () => {
    const run = accumulateRun([
      facts('START', '09:00', { outputs: [{ keys: [ORDERS] }] }),
      facts('FAIL', '09:05', { errorMessage: 'relation does not exist' }),
    ]);
    expect(run).toEqual(
      expect.objectContaining({
        status: 'failed',
        startedAt: t('09:00'),
        finishedAt: t('09:05'),
        errorMessage: 'relation does not exist',
        outputs: [{ keys: [ORDERS] }],
      }),
    );
  });

  it('aborts a run with ABORT: neither success nor failure', () => {
    const run = accumulateRun([
      facts('START', '09:00', { outputs: [{ keys: [ORDERS] }] }),
      facts('ABORT', '09:02'),
    ]);
    expect(run.status).toBe('aborted');
    expect(run.finishedAt).toBe(t('09:02'));
  });

  it('closes a run at the same instant it starts, START first', () => {
    const run = accumulateRun([
      facts('COMPLETE', '09:00'),
      facts('START', '09:00', { outputs: [{ keys: [ORDERS] }] }),
    ]);
    expect(run.status).toBe('success');
    expect(run.startedAt).toBe(t('09:00'));
    expect(run.finishedAt).toBe(t('09:00'));
  });

  describe('run facets: the newest non-empty wins', () => {
    it('takes the newest nominalEndTime', () => {
      expect(
        accumulateRun([
          facts('COMPLETE', '09:30', { nominalEndTime: t('06:00') }),
          facts('START', '09:00', { nominalEndTime: t('05:00') }),
        ]).watermark,
      ).toBe(t('06:00'));
    });

    it('keeps an older one when the newer event has none', () => {
      expect(
        accumulateRun([
          facts('START', '09:00', { nominalEndTime: t('05:00') }),
          facts('COMPLETE', '09:30'),
        ]).watermark,
      ).toBe(t('05:00'));
    });

    it('takes the newest errorMessage, and keeps one a later event lacks', () => {
      const retrying = facts('RUNNING', '09:10', { errorMessage: 'retrying' });
      expect(
        accumulateRun([
          retrying,
          facts('FAIL', '09:20', { errorMessage: 'gave up' }),
        ]).errorMessage,
      ).toBe('gave up');
      expect(
        accumulateRun([retrying, facts('FAIL', '09:20')]).errorMessage,
      ).toBe('retrying');
    });

    it('takes the parent from whichever event carries it', () => {
      const parent = {
        runId: PARENT,
        jobNamespace: 'airflow',
        jobName: 'orders_dag',
      };
      expect(
        accumulateRun([
          facts('START', '09:00', { parent }),
          facts('COMPLETE', '09:30'),
        ]).parent,
      ).toEqual(parent);
    });
  });

  describe('watermark', () => {
    it("inherits the parent run's watermark when it has none", () => {
      expect(
        accumulateRun([facts('COMPLETE', '09:30')], {
          parentWatermark: t('04:00'),
        }).watermark,
      ).toBe(t('04:00'));
    });

    it('prefers its own nominalEndTime to its parent’s', () => {
      expect(
        accumulateRun(
          [facts('COMPLETE', '09:30', { nominalEndTime: t('05:00') })],
          { parentWatermark: t('04:00') },
        ).watermark,
      ).toBe(t('05:00'));
    });

    it('has none when neither it nor a parent has one', () => {
      expect(accumulateRun([facts('COMPLETE', '09:30')])).not.toHaveProperty(
        'watermark',
      );
    });
  });

  describe('outputs', () => {
    it('are the union over the events, aliases included', () => {
      const run = accumulateRun([
        facts('START', '09:00', { outputs: [{ keys: [ORDERS] }] }),
        facts('RUNNING', '09:10', { outputs: [{ keys: [RETURNS] }] }),
        facts('COMPLETE', '09:30', {
          outputs: [{ keys: [ORDERS, 'hive://metastore/sales.orders'] }],
        }),
      ]);
      expect(run.outputs).toEqual([
        { keys: [ORDERS, 'hive://metastore/sales.orders'] },
        { keys: [RETURNS] },
      ]);
    });

    it("take a terminal event's metrics over a RUNNING one's, whatever the clocks say", () => {
      const run = accumulateRun([
        // A RUNNING stamped after the COMPLETE by a skewed clock.
        facts('RUNNING', '09:40', {
          outputs: [
            {
              keys: [ORDERS],
              rowCount: 5,
              columns: { id: { nullCount: 1 } },
            },
          ],
        }),
        facts('COMPLETE', '09:30', {
          outputs: [
            {
              keys: [ORDERS],
              rowCount: 900,
              columns: { id: { nullCount: 0 } },
            },
          ],
        }),
      ]);
      expect(run.outputs).toEqual([
        { keys: [ORDERS], rowCount: 900, columns: { id: { nullCount: 0 } } },
      ]);
    });

    it('keep a schema reported by one event when another reports none', () => {
      const schema = [{ name: 'order_id', type: 'VARCHAR' }];
      const run = accumulateRun([
        facts('START', '09:00', { outputs: [{ keys: [ORDERS], schema }] }),
        facts('COMPLETE', '09:30', {
          outputs: [{ keys: [ORDERS], rowCount: 3 }],
        }),
      ]);
      expect(run.outputs).toEqual([{ keys: [ORDERS], schema, rowCount: 3 }]);
    });
  });

  describe('checks', () => {
    it("keep a terminal event's check of a dataset, at that event's time", () => {
      const run = accumulateRun([
        facts('RUNNING', '09:10', {
          checks: [
            { keys: [ORDERS], rowCount: 10, columns: { id: { nullCount: 5 } } },
          ],
        }),
        facts('COMPLETE', '09:30', {
          checks: [
            { keys: [ORDERS], rowCount: 10, columns: { id: { nullCount: 2 } } },
          ],
        }),
      ]);
      expect(run.checks).toEqual([
        {
          keys: [ORDERS],
          observedAt: t('09:30'),
          rowCount: 10,
          columns: { id: { nullCount: 2 } },
        },
      ]);
    });
  });

  describe('streaming', () => {
    it('reads jobType STREAMING, with a liveness sample per RUNNING: the gap since the previous event', () => {
      const stream = { processingType: 'STREAMING' };
      const run = accumulateRun([
        facts('RUNNING', '11:50'),
        facts('START', '11:00', { ...stream, outputs: [{ keys: [ORDERS] }] }),
        facts('RUNNING', '11:20'),
      ]);
      expect(run).toEqual(
        expect.objectContaining({
          status: 'running',
          streaming: true,
          startedAt: t('11:00'),
          lastEventAt: t('11:50'),
          samples: [
            { at: t('11:20'), gapMs: 20 * 60_000 },
            { at: t('11:50'), gapMs: 30 * 60_000 },
          ],
        }),
      );
    });

    it('reads a run that keeps sending RUNNING as a stream', () => {
      const run = accumulateRun([
        facts('START', '11:00', { outputs: [{ keys: [ORDERS] }] }),
        facts('RUNNING', '11:10'),
        facts('RUNNING', '11:15'),
      ]);
      expect(run.streaming).toBe(true);
      expect(run.samples).toEqual([
        { at: t('11:10'), gapMs: 10 * 60_000 },
        { at: t('11:15'), gapMs: 5 * 60_000 },
      ]);
    });

    it('takes a batch run with one RUNNING for no stream', () => {
      const run = accumulateRun([
        facts('START', '11:00', { outputs: [{ keys: [ORDERS] }] }),
        facts('RUNNING', '11:10'),
        facts('COMPLETE', '11:20'),
      ]);
      expect(run.streaming).toBe(false);
      expect(run.samples).toEqual([]);
    });
  });

  it('needs at least one event', () => {
    expect(() => accumulateRun([])).toThrow(RangeError);
  });
});

/** From RunEvents as sent to a product's run: the whole -common path. */
describe('from RunEvents to product runs', () => {
  function factsOf(event: Record<string, any>): RunEventFacts {
    const { event: parsed, problems } = parseRunEvent(event);
    expect(problems).toEqual([]);
    return eventFacts(parsed!);
  }

  function runEvent(
    eventType: string,
    eventTime: string,
    extra: Record<string, any> = {},
  ) {
    return {
      eventType,
      eventTime,
      run: { runId: RUN, facets: extra.runFacets ?? {} },
      job: { namespace: 'spark', name: 'orders_etl', facets: extra.jobFacets },
      inputs: extra.inputs ?? [],
      outputs: extra.outputs ?? [],
      producer: extra.producer,
    };
  }

  /** A catalog of products by their openlineage.io/dataset annotations. */
  function catalog(annotations: Record<string, string>) {
    const byKey = new Map<string, string[]>();
    for (const [ref, annotation] of Object.entries(annotations)) {
      for (const key of datasetKeysOf(annotation)) {
        byKey.set(key, [...(byKey.get(key) ?? []), ref]);
      }
    }
    return (key: string) => byKey.get(key) ?? [];
  }

  it('matches a Spark output named by its location through its symlink, and closes it with a COMPLETE without outputs', () => {
    const products = catalog({
      'dataproduct:default/orders': 'hive://metastore:9083/sales.orders',
    });
    const start = factsOf(
      runEvent('START', '2026-11-25T09:00:00Z', {
        outputs: [
          {
            namespace: 's3a://warehouse',
            name: 'sales/orders/',
            facets: {
              symlinks: {
                identifiers: [
                  {
                    namespace: 'hive://metastore:9083',
                    name: 'sales.orders',
                    type: 'TABLE',
                  },
                ],
              },
            },
          },
        ],
      }),
    );
    const complete = factsOf(runEvent('COMPLETE', '2026-11-25T09:30:00Z'));

    const { runs, checks } = productRunsOf(
      accumulateRun([complete, start]),
      products,
    );

    expect(runs).toEqual([
      {
        entityRef: 'dataproduct:default/orders',
        runId: RUN,
        datasetKey: 'hive://metastore:9083/sales.orders',
        job: { namespace: 'spark', name: 'orders_etl' },
        status: 'success',
        startedAt: '2026-11-25T09:00:00.000Z',
        finishedAt: '2026-11-25T09:30:00.000Z',
        lastEventAt: '2026-11-25T09:30:00.000Z',
        streaming: false,
        samples: [],
      },
    ]);
    expect(checks).toEqual([]);
  });

  it('matches an s3a:// output with a trailing / to an s3:// annotation', () => {
    const products = catalog({
      'dataproduct:default/orders': 's3://bucket/path',
    });
    const complete = factsOf(
      runEvent('COMPLETE', '2026-11-25T09:30:00Z', {
        outputs: [{ namespace: 's3a://bucket', name: 'path/' }],
      }),
    );
    expect(
      productRunsOf(accumulateRun([complete]), products).runs.map(r => [
        r.entityRef,
        r.datasetKey,
      ]),
    ).toEqual([['dataproduct:default/orders', 's3://bucket/path']]);
  });

  it('makes no product run of datasets no product claims', () => {
    const products = catalog({
      'dataproduct:default/orders': ORDERS,
    });
    const complete = factsOf(
      runEvent('COMPLETE', '2026-11-25T09:30:00Z', {
        outputs: [{ namespace: 'file', name: '/tmp/scratch' }],
      }),
    );
    expect(productRunsOf(accumulateRun([complete]), products)).toEqual({
      runs: [],
      checks: [],
    });
  });

  it("makes a check on an input a quality check of that input's product, naming the tool", () => {
    const products = catalog({
      'dataproduct:default/orders': ORDERS,
    });
    // Great Expectations validates the table it reads, writes nothing.
    const complete = factsOf(
      runEvent('COMPLETE', '2026-11-25T09:30:00Z', {
        producer:
          'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/great_expectations',
        inputs: [
          {
            namespace: 'postgres://warehouse:5432',
            name: 'analytics.public.orders',
            facets: {
              dataQualityAssertions: {
                assertions: [
                  { assertion: 'not_null', column: 'order_id', success: true },
                  { assertion: 'unique', column: 'order_id', success: false },
                ],
              },
            },
            inputFacets: {
              dataQualityMetrics: {
                rowCount: 10,
                columnMetrics: { order_id: { nullCount: 2 } },
              },
            },
          },
        ],
      }),
    );

    expect(productRunsOf(accumulateRun([complete]), products)).toEqual({
      runs: [],
      checks: [
        {
          entityRef: 'dataproduct:default/orders',
          runId: RUN,
          datasetKey: ORDERS,
          observedAt: '2026-11-25T09:30:00.000Z',
          source: 'Great Expectations',
          rowCount: 10,
          columns: { order_id: { nullCount: 2 } },
          assertions: [
            { assertion: 'not_null', column: 'order_id', success: true },
            { assertion: 'unique', column: 'order_id', success: false },
          ],
        },
      ],
    });
  });

  it('reads the facts a run needs from an event: times in UTC, ids lower-cased, STREAMING upper-cased', () => {
    const read = factsOf({
      ...runEvent('START', '2026-11-25T10:00:00+01:00', {
        jobFacets: { jobType: { processingType: 'streaming' } },
        runFacets: {
          nominalTime: {
            nominalStartTime: '2026-11-24T09:00:00Z',
            nominalEndTime: '2026-11-25T10:00:00+02:00',
          },
          parent: {
            run: { runId: PARENT.toUpperCase() },
            job: { namespace: 'airflow', name: 'orders_dag' },
          },
        },
      }),
    });
    expect(read).toEqual(
      expect.objectContaining({
        eventType: 'START',
        eventTime: '2026-11-25T09:00:00.000Z',
        processingType: 'STREAMING',
        nominalEndTime: '2026-11-25T08:00:00.000Z',
        parent: {
          runId: PARENT,
          jobNamespace: 'airflow',
          jobName: 'orders_dag',
        },
      }),
    );
  });
});
