import { parseNativeRunBatch } from './nativeRuns';
import { parseRunEvent } from './parseRunEvent';

const NOW = new Date('2026-03-01T12:00:00Z');
const RUN_ID = '0192963f-929e-731b-a075-9bb14bf41d38';

function nativeRun(extra: Record<string, unknown> = {}) {
  return {
    product: 'dataproduct:default/orders',
    runId: 'r1',
    status: 'success',
    finishedAt: '2026-03-01T06:00:00Z',
    ...extra,
  };
}

function event(extra: Record<string, unknown> = {}) {
  return {
    eventType: 'COMPLETE',
    eventTime: '2026-03-01T06:00:00Z',
    run: { runId: RUN_ID },
    job: { namespace: 'airflow', name: 'orders.refresh' },
    ...extra,
  };
}

/** An event whose output reports these column metrics over `rowCount` rows. */
function eventWithMetrics(rowCount: number, columnMetrics: unknown) {
  return event({
    outputs: [
      {
        namespace: 'postgres://warehouse:5432',
        name: 'shop.orders',
        outputFacets: {
          dataQualityMetrics: { rowCount, columnMetrics },
        },
      },
    ],
  });
}

const METRICS = 'outputs[0].outputFacets.dataQualityMetrics.columnMetrics';

describe('times before 1970', () => {
  it.each([
    '0000-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '1900-06-01T00:00:00',
  ])('refuses a native finishedAt of %s', finishedAt => {
    const batch = parseNativeRunBatch(
      { runs: [nativeRun({ finishedAt })] },
      NOW,
    );
    expect(batch.runs).toEqual([]);
    expect(batch.problems).toEqual([
      {
        index: 0,
        path: 'runs[0].finishedAt',
        message: expect.stringContaining(
          'runs[0].finishedAt is before 1970-01-01T00:00:00Z',
        ),
      },
    ]);
  });

  it('refuses an OpenLineage eventTime and nominal end time before 1970', () => {
    const { problems } = parseRunEvent(
      event({
        eventTime: '1969-07-20T20:17:00Z',
        run: {
          runId: RUN_ID,
          facets: { nominalTime: { nominalEndTime: '0001-01-01T00:00:00Z' } },
        },
      }),
      undefined,
      NOW,
    );
    expect(problems.map(p => p.path)).toEqual([
      'eventTime',
      'run.facets.nominalTime.nominalEndTime',
    ]);
    expect(problems[0].message).toContain('is before 1970-01-01T00:00:00Z');
  });

  it('accepts 1970-01-01T00:00:00Z itself', () => {
    const batch = parseNativeRunBatch(
      { runs: [nativeRun({ watermark: '1970-01-01T00:00:00Z' })] },
      NOW,
    );
    expect(batch.problems).toEqual([]);
    expect(batch.runs[0].run.watermark).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('unknown fields of a native run', () => {
  it('refuses a misspelt field, naming it and the nearest valid name', () => {
    const batch = parseNativeRunBatch(
      { runs: [nativeRun({ watermak: '2026-03-01T05:00:00Z' })] },
      NOW,
    );
    expect(batch.runs).toEqual([]);
    expect(batch.problems).toEqual([
      {
        index: 0,
        path: 'runs[0].watermak',
        message: expect.stringContaining(
          'runs[0].watermak is not a run field: did you mean `watermark`?',
        ),
      },
    ]);
  });

  it('refuses a misspelt column count and an unknown member of the body', () => {
    const column = parseNativeRunBatch(
      { runs: [nativeRun({ rowCount: 10, columns: { id: { nulCount: 0 } } })] },
      NOW,
    );
    expect(column.problems).toEqual([
      expect.objectContaining({
        path: 'runs[0].columns.id.nulCount',
        message: expect.stringContaining('did you mean `nullCount`?'),
      }),
    ]);
    const body = parseNativeRunBatch(
      { runs: [nativeRun()], dryrun: true },
      NOW,
    );
    expect(body.runs).toEqual([]);
    expect(body.problems).toEqual([
      {
        path: 'dryrun',
        message: expect.stringContaining('dryrun is not a request body field'),
      },
    ]);
  });
});

describe('a misspelt runs', () => {
  it('names the misspelt member with the fix, then the missing runs', () => {
    const batch = parseNativeRunBatch({ run: [nativeRun()] }, NOW);
    expect(batch.problems).toEqual([
      {
        path: 'run',
        message: expect.stringContaining(
          'run is not a request body field: did you mean `runs`?',
        ),
      },
      { path: 'runs', message: expect.stringContaining('runs is missing') },
    ]);
  });
});

describe('column counts: one rule for native runs and OpenLineage', () => {
  it('refuses a nullCount above rowCount in dataQualityMetrics, as /runs does', () => {
    const { problems } = parseRunEvent(
      eventWithMetrics(10, { id: { nullCount: 11, distinctCount: 10 } }),
    );
    const native = parseNativeRunBatch(
      {
        runs: [nativeRun({ rowCount: 10, columns: { id: { nullCount: 11 } } })],
      },
      NOW,
    );
    expect(problems).toEqual([
      {
        path: `${METRICS}.id.nullCount`,
        message: `${METRICS}.id.nullCount is 11, more than rowCount 10`,
      },
    ]);
    expect(native.problems).toEqual([
      {
        index: 0,
        path: 'runs[0].columns.id.nullCount',
        message: 'runs[0].columns.id.nullCount is 11, more than rowCount 10',
      },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a column named %s in both',
    name => {
      // JSON.parse makes `__proto__` an own key, as a request body would
      const columns = JSON.parse(`{"${name}": {"nullCount": 0}}`);
      const { problems } = parseRunEvent(eventWithMetrics(10, columns));
      const native = parseNativeRunBatch(
        { runs: [nativeRun({ rowCount: 10, columns })] },
        NOW,
      );
      expect(problems).toEqual([
        {
          path: `${METRICS}.${name}`,
          message: expect.stringContaining('is not a usable column name'),
        },
      ]);
      expect(native.problems).toEqual([
        {
          index: 0,
          path: `runs[0].columns.${name}`,
          message: expect.stringContaining('is not a usable column name'),
        },
      ]);
    },
  );
});

describe('schema limits of a native run', () => {
  it('refuses a schema of more than 10,000 fields, naming the first one past it', () => {
    const schema = Array.from({ length: 10_001 }, (_, i) => ({
      name: `c${i}`,
      type: 'int',
    }));
    const batch = parseNativeRunBatch({ runs: [nativeRun({ schema })] }, NOW);
    expect(batch.runs).toEqual([]);
    expect(batch.problems).toEqual([
      {
        index: 0,
        path: 'runs[0].schema[10000]',
        message: expect.stringContaining(
          'is past the limit of 10,000 fields in one schema',
        ),
      },
    ]);
    schema.pop();
    expect(
      parseNativeRunBatch({ runs: [nativeRun({ schema })] }, NOW).problems,
    ).toEqual([]);
  });
});
