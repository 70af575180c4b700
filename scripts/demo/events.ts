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

/** A START and a closing (COMPLETE or FAIL) RunEvent, as a real producer sends them. */
export function runEvents(
  job: string,
  dataset: { namespace: string; name: string },
  run: DemoRun,
) {
  const startedAt = new Date(run.finishedAt.getTime() - 60_000);
  const base = {
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    job: { namespace: 'acme-pipelines', name: job },
    inputs: [],
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
    eventTime: startedAt.toISOString(),
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
  return [start, close];
}
