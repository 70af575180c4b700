import { eventFacts, isPartialSchema } from './eventFacts';
import { parseRunEvent } from './parseRunEvent';

/** A validated event; the test fails loudly if the event is invalid. */
function parsed(event: Record<string, unknown>) {
  const { event: ok, problems } = parseRunEvent(event);
  expect(problems).toEqual([]);
  return ok!;
}

const base = {
  eventType: 'COMPLETE',
  eventTime: '2026-03-01T06:10:00Z',
  run: { runId: '0192963f-929e-731b-a075-9bb14bf41d38' },
  job: { namespace: 'airflow', name: 'dag.task' },
};

describe('eventFacts', () => {
  it('reads run facets, the job type and the producer', () => {
    const facts = eventFacts(
      parsed({
        ...base,
        producer:
          'https://github.com/OpenLineage/OpenLineage/tree/1.20.5/integration/flink',
        run: {
          runId: base.run.runId,
          facets: {
            nominalTime: {
              nominalStartTime: '2026-03-01T05:00:00Z',
              nominalEndTime: '2026-03-01T06:00:00Z',
            },
            parent: {
              run: { runId: 'A0000000-0000-4000-8000-000000000001' },
              job: { namespace: 'airflow', name: 'dag' },
            },
            errorMessage: { message: 'boom', programmingLanguage: 'python' },
          },
        },
        job: {
          ...base.job,
          facets: {
            jobType: {
              processingType: 'streaming',
              integration: 'FLINK',
              jobType: 'JOB',
            },
          },
        },
      }),
    );
    expect(facts).toMatchObject({
      eventType: 'COMPLETE',
      eventTime: '2026-03-01T06:10:00.000Z',
      runId: base.run.runId,
      processingType: 'STREAMING',
      nominalEndTime: '2026-03-01T06:00:00.000Z',
      parent: {
        runId: 'a0000000-0000-4000-8000-000000000001',
        jobNamespace: 'airflow',
        jobName: 'dag',
      },
      errorMessage: 'boom',
      outputs: [],
      checks: [],
    });
  });

  it('keys outputs by name and symlink aliases, normalised', () => {
    const facts = eventFacts(
      parsed({
        ...base,
        outputs: [
          {
            namespace: 's3a://bucket',
            name: '/warehouse/orders/',
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
              schema: {
                fields: [
                  { name: 'id', type: 'long' },
                  {
                    name: 'address',
                    type: 'struct',
                    fields: [{ name: 'city', type: 'string' }],
                  },
                ],
              },
            },
            outputFacets: { outputStatistics: { rowCount: 42, size: 1000 } },
          },
        ],
      }),
    );
    expect(facts.outputs).toEqual([
      {
        keys: [
          's3://bucket/warehouse/orders',
          'hive://metastore:9083/sales.orders',
        ],
        rowCount: 42,
        schema: [
          { name: 'id', type: 'long' },
          { name: 'address', type: 'struct' },
          { name: 'address.city', type: 'string' },
        ],
      },
    ]);
  });

  it('reads quality metrics and assertions on inputs as checks', () => {
    const facts = eventFacts(
      parsed({
        ...base,
        producer: 'https://github.com/great-expectations/great_expectations',
        inputs: [
          {
            namespace: 'postgres://db:5432',
            name: 'public.trades',
            facets: {
              dataQualityAssertions: {
                assertions: [
                  {
                    assertion: 'not_null',
                    column: 'counterparty_id',
                    success: false,
                  },
                  { assertion: 'row_count_between', success: true },
                ],
              },
            },
            inputFacets: {
              dataQualityMetrics: {
                rowCount: 10,
                columnMetrics: {
                  counterparty_id: { nullCount: 2, distinctCount: 7 },
                },
              },
            },
          },
          { namespace: 'postgres://db:5432', name: 'public.plain' },
        ],
      }),
    );
    expect(facts.inputs).toEqual([
      ['postgres://db:5432/public.trades'],
      ['postgres://db:5432/public.plain'],
    ]);
    expect(facts.checks).toEqual([
      {
        keys: ['postgres://db:5432/public.trades'],
        rowCount: 10,
        columns: { counterparty_id: { nullCount: 2, distinctCount: 7 } },
        assertions: [
          { assertion: 'not_null', column: 'counterparty_id', success: false },
          { assertion: 'row_count_between', success: true },
        ],
      },
    ]);
  });
});

describe('isPartialSchema', () => {
  it('is partial when no field has a type (dbt documented columns)', () => {
    expect(isPartialSchema([{ name: 'a' }, { name: 'b' }])).toBe(true);
    expect(isPartialSchema([{ name: 'a' }, { name: 'b', type: 'int' }])).toBe(
      false,
    );
  });
});
