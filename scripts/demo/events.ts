import type { DemoRun } from './scenario';

const PRODUCER =
  'https://github.com/stockroom/stockroom/tree/main/scripts/demo';
const SCHEMA_URL =
  'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const FACET = (name: string) => ({
  _producer: PRODUCER,
  _schemaURL: `https://openlineage.io/spec/facets/1-0-0/${name}.json`,
});

/** `snowflake://acme/DB.S.T` → OpenLineage dataset `{ namespace: 'snowflake://acme', name: 'DB.S.T' }`. */
export function datasetOf(annotationKey: string) {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]+)\/(.+)$/i.exec(
    annotationKey.trim(),
  );
  if (!match) throw new Error(`cannot split dataset ${annotationKey}`);
  return { namespace: match[1], name: match[2] };
}

/**
 * A START and a closing (COMPLETE or FAIL) RunEvent, as real producers send
 * them: the watermark (nominalTime) on both, the datasets the job read as
 * inputs (Stockroom measures lead time from the products they belong to),
 * and one run in three closed by an event without outputs, as dbt-ol and
 * Flink do — Stockroom closes the run START opened.
 */
export function runEvents(
  job: string,
  dataset: { namespace: string; name: string },
  run: DemoRun,
  slot: number,
  inputs: ReadonlyArray<{ namespace: string; name: string }> = [],
) {
  const base = {
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    job: { namespace: 'acme-pipelines', name: job },
    inputs: inputs.map(input => ({ ...input })),
  };
  const runFacets = {
    nominalTime: {
      ...FACET('NominalTimeRunFacet'),
      nominalStartTime: new Date(
        run.nominalEnd.getTime() - 60_000,
      ).toISOString(),
      nominalEndTime: run.nominalEnd.toISOString(),
    },
  };
  const start = {
    ...base,
    eventType: 'START',
    eventTime: run.startedAt.toISOString(),
    run: { runId: run.runId, facets: runFacets },
    outputs: [{ ...dataset }],
  };
  const close = {
    ...base,
    eventType: run.failed ? 'FAIL' : 'COMPLETE',
    eventTime: run.finishedAt.toISOString(),
    run: {
      runId: run.runId,
      facets: run.failed
        ? {
            ...runFacets,
            errorMessage: {
              ...FACET('ErrorMessageRunFacet'),
              message: 'upstream extract timed out',
              programmingLanguage: 'python',
            },
          }
        : runFacets,
    },
    outputs: [
      {
        ...dataset,
        facets: {
          schema: { ...FACET('SchemaDatasetFacet'), fields: run.schema },
        },
        outputFacets: {
          outputStatistics: {
            ...FACET('OutputStatisticsOutputDatasetFacet'),
            rowCount: run.rowCount,
          },
          dataQualityMetrics: {
            ...FACET('DataQualityMetricsInputDatasetFacet'),
            rowCount: run.rowCount,
            columnMetrics: Object.fromEntries(
              Object.keys(run.nulls).map(col => [
                col,
                { nullCount: run.nulls[col], distinctCount: run.distinct[col] },
              ]),
            ),
          },
        },
      },
    ],
  };
  if (slot % 3 === 0) {
    return [start, { ...close, outputs: [] }];
  }
  return [start, close];
}

const GE_PRODUCER =
  'https://github.com/great-expectations/great_expectations/tree/0.18.12/great_expectations/validation_operators';

/**
 * A Great Expectations validation of a product's table: the metrics and
 * assertions sit on the dataset it *read*, and it writes nothing. Stockroom
 * counts them as quality checks of the product.
 */
export function qualityCheckEvent(
  dataset: { namespace: string; name: string },
  column: string,
  runId: string,
  at: Date,
  counts: { rows: number; nulls: number; failed: boolean },
) {
  return {
    eventType: 'COMPLETE',
    eventTime: at.toISOString(),
    producer: GE_PRODUCER,
    schemaURL: SCHEMA_URL,
    run: { runId },
    job: { namespace: 'great_expectations', name: `validate_${column}` },
    inputs: [
      {
        ...dataset,
        facets: {
          dataQualityAssertions: {
            ...FACET('DataQualityAssertionsDatasetFacet'),
            assertions: [
              {
                assertion: 'expect_column_values_to_not_be_null',
                column,
                success: !counts.failed,
              },
              {
                assertion: 'expect_column_values_to_be_unique',
                column,
                success: true,
              },
            ],
          },
        },
        inputFacets: {
          dataQualityMetrics: {
            ...FACET('DataQualityMetricsInputDatasetFacet'),
            rowCount: counts.rows,
            columnMetrics: { [column]: { nullCount: counts.nulls } },
          },
        },
      },
    ],
    outputs: [],
  };
}

/**
 * A streaming job that is running now: a START two hours ago and a RUNNING
 * event every ten minutes since, the newest two minutes ago.
 */
export function streamingEvents(
  job: string,
  dataset: { namespace: string; name: string },
  runId: string,
  now: Date,
) {
  const jobFacets = {
    jobType: {
      ...FACET('JobTypeJobFacet'),
      processingType: 'STREAMING',
      integration: 'FLINK',
      jobType: 'JOB',
    },
  };
  const at = (minutesAgo: number) =>
    new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const event = (eventType: string, minutesAgo: number) => ({
    eventType,
    eventTime: at(minutesAgo),
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    run: { runId },
    job: { namespace: 'acme-streams', name: job, facets: jobFacets },
    inputs: [],
    outputs: [{ ...dataset }],
  });
  const events = [event('START', 120)];
  for (let minutesAgo = 110; minutesAgo >= 2; minutesAgo -= 10) {
    events.push(event('RUNNING', minutesAgo));
  }
  return events;
}
