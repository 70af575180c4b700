/*
 * OpenLineage RunEvents shaped as real producers send them (the Airflow
 * provider, dbt-ol, Flink), for the ingestion benchmark. Pure and
 * deterministic: the benchmark's clients (in a worker thread) and its
 * raw-INSERT ceilings generate the same events from the same numbers.
 */
import { syntheticDataProduct } from './synthetic';

const HOUR = 3600_000;
const MINUTE = 60_000;
const PRODUCER =
  'https://github.com/apache/airflow/tree/providers-openlineage/1.14.0';
const SCHEMA_URL =
  'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const facetSchema = (name: string, version = '1-0-1') =>
  `https://openlineage.io/spec/facets/${version}/${name}.json#/$defs/${name}`;

/** Where the benchmark's products keep their data, as a producer names it. */
export const BENCH_NAMESPACE = 'postgres://warehouse.internal:5432';
export const benchDatasetName = (product: number) =>
  `analytics.public.orders_${product}`;
/** The `openlineage.io/dataset` annotation of product `i`. */
export const benchDatasetAnnotation = (product: number) =>
  `${BENCH_NAMESPACE}/${benchDatasetName(product)}`;

/** One in this many runs has a COMPLETE without outputs (dbt-ol, Flink). */
export const COMPLETE_WITHOUT_OUTPUTS_EVERY = 4;

/** Whether run `run`'s COMPLETE has no outputs: the top bits of a multiplicative hash. */
function withoutOutputs(run: number): boolean {
  const bucket = (Math.imul(run, 2654435761) >>> 0) / 2 ** 32;
  return bucket < 1 / COMPLETE_WITHOUT_OUTPUTS_EVERY;
}

export interface EventPlan {
  /** Products the runs are spread over (run i writes product i % products). */
  products: number;
  /** Runs of the phase (at most, when a time budget ends it sooner): event times are spread over them. */
  runs: number;
  /** "Now" of the benchmark, epoch ms: every event lies before it. */
  now: number;
  /** Offset of the run numbers, so phases never share a run id. */
  firstRun?: number;
}

/** A deterministic UUID (v4 layout) for run `i` of a given kind. */
export function benchUuid(kind: number, i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `0000000${kind}-0000-4000-8000-${hex}`;
}

const fieldsByProduct = new Map<number, { name: string; type: string }[]>();
/** The product's contract columns, as a producer's `schema` facet lists them. */
function schemaFields(product: number) {
  let fields = fieldsByProduct.get(product);
  if (!fields) {
    const contract = syntheticDataProduct(product).spec.contract as {
      schema?: { name: string; type: string }[];
    };
    fields = (contract.schema ?? []).map(({ name, type }) => ({ name, type }));
    fieldsByProduct.set(product, fields);
  }
  return fields;
}

/** What the run facts are, for the raw-INSERT ceiling's rows. */
export interface RunFacts {
  run: number;
  product: number;
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  nominalEndTime: Date;
  rowCount: number;
  completeHasOutputs: boolean;
}

export function runFacts(i: number, plan: EventPlan): RunFacts {
  const run = (plan.firstRun ?? 0) + i;
  const product = run % plan.products;
  // runs finish a minute apart (closer when there are many: at most 7 days back)
  const spacing = Math.min(MINUTE, (7 * 24 * HOUR) / Math.max(1, plan.runs));
  const finishedAt = new Date(plan.now - Math.round((plan.runs - i) * spacing));
  const startedAt = new Date(finishedAt.getTime() - 4 * MINUTE);
  return {
    run,
    product,
    runId: benchUuid(1, run),
    startedAt,
    finishedAt,
    nominalEndTime: new Date(finishedAt.getTime() - HOUR),
    rowCount: 10_000 + (run % 997),
    // hashed, so every client (they take every n-th run) gets the same mix
    completeHasOutputs: withoutOutputs(run) === false,
  };
}

/**
 * START and COMPLETE of run `i`, as an Airflow task (or a dbt model run by
 * dbt-ol, one in {@link COMPLETE_WITHOUT_OUTPUTS_EVERY} runs) reports it:
 * START with inputs, outputs and the run facets (nominalTime, parent,
 * processing_engine); COMPLETE with the parent facet and outputs carrying
 * the `schema` facet and `outputStatistics` — or with no outputs at all.
 */
export function runEvents(i: number, plan: EventPlan): [object, object] {
  const facts = runFacts(i, plan);
  const { product, runId, startedAt, finishedAt } = facts;
  const facet = (name: string, version?: string) => ({
    _producer: PRODUCER,
    _schemaURL: facetSchema(name, version),
  });
  const job = {
    namespace: 'airflow-prod',
    name: `orders_${product}.load`,
    facets: {
      jobType: {
        ...facet('JobTypeJobFacet', '2-0-2'),
        processingType: 'BATCH',
        integration: 'AIRFLOW',
        jobType: 'TASK',
      },
    },
  };
  const parent = {
    ...facet('ParentRunFacet'),
    run: { runId: benchUuid(2, facts.run) }, // the DAG run of this task
    job: { namespace: 'airflow-prod', name: `orders_${product}` },
  };
  const inputs = [
    {
      namespace: BENCH_NAMESPACE,
      name: `raw.public.order_events_${product}`,
    },
  ];
  const output = {
    namespace: BENCH_NAMESPACE,
    name: benchDatasetName(product),
  };
  const start = {
    eventType: 'START',
    eventTime: startedAt.toISOString(),
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    run: {
      runId,
      facets: {
        nominalTime: {
          ...facet('NominalTimeRunFacet'),
          nominalStartTime: new Date(
            facts.nominalEndTime.getTime() - HOUR,
          ).toISOString(),
          nominalEndTime: facts.nominalEndTime.toISOString(),
        },
        parent,
        processing_engine: {
          ...facet('ProcessingEngineRunFacet', '1-1-1'),
          version: '2.10.4',
          name: 'Airflow',
          openlineageAdapterVersion: '1.14.0',
        },
      },
    },
    job,
    inputs,
    outputs: [output],
  };
  const complete = {
    eventType: 'COMPLETE',
    eventTime: finishedAt.toISOString(),
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    run: { runId, facets: { parent } },
    job,
    inputs: facts.completeHasOutputs ? inputs : [],
    outputs: facts.completeHasOutputs
      ? [
          {
            ...output,
            facets: {
              schema: {
                ...facet('SchemaDatasetFacet', '1-1-1'),
                fields: schemaFields(product),
              },
            },
            outputFacets: {
              outputStatistics: {
                ...facet('OutputStatisticsOutputDatasetFacet', '1-0-2'),
                rowCount: facts.rowCount,
                size: facts.rowCount * 180,
              },
            },
          },
        ]
      : [],
  };
  return [start, complete];
}

/**
 * The order one client sends its runs' events in: START of the next run,
 * then the COMPLETE of the run before it (two runs open at a time, START
 * always before its COMPLETE), as a scheduler with overlapping tasks does.
 * Yields [run index, 0 = START | 1 = COMPLETE].
 */
export function* clientSchedule(
  runs: number[],
  /** Checked before each new run: true starts no more (the open one is completed). */
  stop: () => boolean = () => false,
): Generator<[number, 0 | 1]> {
  let k = 0;
  for (; k < runs.length && !stop(); k++) {
    yield [runs[k], 0];
    if (k > 0) yield [runs[k - 1], 1];
  }
  if (k > 0) yield [runs[k - 1], 1];
}

/** The runs of client `c` of `clients`: every clients-th run from c on. */
export function clientRuns(c: number, clients: number, runs: number): number[] {
  const own: number[] = [];
  for (let i = c; i < runs; i += clients) own.push(i);
  return own;
}
