/**
 * RunEvents written for these tests, shaped like what Airflow, dbt and Spark
 * send: one product table written by a nightly job, its quality checks, and
 * a lineage tool's chatter about datasets Stockroom does not know.
 */

export const RUN_ID = '0192963f-c099-7dff-8d04-a90a16c16859';
export const PARENT_RUN_ID = '0192963f-929e-731b-a075-9bb14bf41d38';
export const PRODUCER =
  'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/airflow';
export const SCHEMA_URL =
  'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';

export const IDENTITY_NAMESPACE = 'snowflake://acme';
export const IDENTITY_TABLE = 'ANALYTICS.IDENTITY.CUSTOMER_IDENTITY';

// A fresh object per event: tests mutate events.
const job = () => ({ namespace: 'airflow-prod', name: 'identity_graph.build' });

const identityOutput = (extra: Record<string, unknown> = {}) => ({
  namespace: IDENTITY_NAMESPACE,
  name: IDENTITY_TABLE,
  ...extra,
});

export function startEvent(): Record<string, any> {
  return {
    eventType: 'START',
    eventTime: '2026-03-01T06:00:00.000Z',
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    run: {
      runId: RUN_ID,
      facets: {
        nominalTime: {
          nominalStartTime: '2026-03-01T05:00:00Z',
          nominalEndTime: '2026-03-01T05:30:00Z',
        },
      },
    },
    job: job(),
    inputs: [
      { namespace: 'postgres://crm-db:5432', name: 'crm.public.accounts' },
    ],
    outputs: [identityOutput()],
  };
}

export function completeEvent(): Record<string, any> {
  return {
    eventType: 'COMPLETE',
    // An offset, as Python producers send: 06:41 UTC.
    eventTime: '2026-03-01T07:41:12.5+01:00',
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    run: {
      runId: RUN_ID.toUpperCase(),
      facets: {
        nominalTime: {
          nominalStartTime: '2026-03-01T05:00:00Z',
          nominalEndTime: '2026-03-01T05:30:00Z',
        },
        parent: {
          run: { runId: PARENT_RUN_ID },
          job: { namespace: 'airflow-prod', name: 'identity_graph' },
        },
      },
    },
    job: job(),
    inputs: [
      { namespace: 'postgres://crm-db:5432', name: 'crm.public.accounts' },
    ],
    outputs: [
      identityOutput({
        facets: {
          schema: {
            fields: [
              {
                name: 'customer_id',
                type: 'VARCHAR',
                description: 'Stable id',
              },
              { name: 'email_sha256', type: 'VARCHAR' },
              {
                name: 'address',
                type: 'STRUCT',
                fields: [
                  { name: 'city', type: 'VARCHAR' },
                  {
                    name: 'geo',
                    type: 'STRUCT',
                    fields: [{ name: 'lat', type: 'DOUBLE' }, { name: 'lon' }],
                  },
                ],
              },
            ],
          },
        },
        outputFacets: {
          outputStatistics: { rowCount: 1_250_000, size: 98_000_000 },
        },
      }),
    ],
  };
}

export function failEvent(): Record<string, any> {
  return {
    eventType: 'FAIL',
    eventTime: '2026-03-02T06:12:00Z',
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    run: {
      runId: '0192963f-f6f8-71c0-8380-500bc70883ee',
      facets: {
        errorMessage: {
          message: 'SQL compilation error: invalid identifier CUST_ID',
          programmingLanguage: 'SQL',
          stackTrace: 'at identity_graph.build line 42',
        },
      },
    },
    job: job(),
    outputs: [identityOutput()],
  };
}

/** A job that writes the table and measures it, metrics on the output. */
export function outputMetricsEvent(): Record<string, any> {
  return {
    eventType: 'COMPLETE',
    eventTime: '2026-03-03T06:40:00Z',
    run: { runId: '01929640-0000-7000-8000-000000000001' },
    job: job(),
    outputs: [
      identityOutput({
        outputFacets: {
          dataQualityMetrics: {
            rowCount: 1000,
            columnMetrics: {
              customer_id: { nullCount: 0, distinctCount: 998, count: 1000 },
              email_sha256: { nullCount: 12 },
              segment: { min: 1, max: 9 },
            },
          },
        },
      }),
    ],
  };
}

/**
 * A dedupe job reading and rewriting the table: the metrics ride on the
 * input, as older producers send them.
 */
export function inputMetricsEvent(): Record<string, any> {
  return {
    eventType: 'COMPLETE',
    eventTime: '2026-03-04T06:40:00Z',
    run: { runId: '01929640-0000-7000-8000-000000000002' },
    job: { namespace: 'airflow-prod', name: 'identity_graph.dedupe' },
    inputs: [
      {
        namespace: 'postgres://crm-db:5432',
        name: 'crm.public.accounts',
        inputFacets: {
          dataQualityMetrics: {
            rowCount: 7,
            columnMetrics: { account_id: { nullCount: 7 } },
          },
        },
      },
      {
        // The same dataset, written with a trailing slash and upper-case scheme.
        namespace: 'SNOWFLAKE://acme/',
        name: IDENTITY_TABLE,
        inputFacets: {
          dataQualityMetrics: {
            rowCount: 2000,
            columnMetrics: {
              customer_id: { nullCount: 2, distinctCount: 1990 },
            },
          },
        },
      },
    ],
    outputs: [identityOutput()],
  };
}

/** A lineage tool reporting a dataset no product claims. */
export function unknownDatasetEvent(): Record<string, any> {
  return {
    eventType: 'COMPLETE',
    eventTime: '2026-03-05T00:00:00Z',
    run: { runId: '01929640-0000-7000-8000-000000000003' },
    job: { namespace: 'spark', name: 'scratch.word_count' },
    outputs: [{ namespace: 'file', name: '/tmp/outputs/1729097570970' }],
  };
}
