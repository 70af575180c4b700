/**
 * Real producers' OpenLineage events, replayed through the real HTTP
 * endpoint (POST /openlineage), one event per request as the OpenLineage
 * HTTP transport sends them: first in the producer's order, then in fresh
 * databases in seeded shuffles, on SQLite and PostgreSQL. Every expected
 * value below is written literally, worked out by hand from the event JSON
 * and standards.md (OpenLineage: "Runs are accumulated by runId", quality
 * checks on inputs, partial schemas, "Dataset identity", "Intake is per
 * event") and dataproduct-spec.md ("Measurements", "Scorecard"); the working
 * is in __fixtures__/producers/EXPECTED.md. Nothing expected is computed by
 * the code under test.
 *
 * Values in the corpus that are NOT the producer's (SOURCES.md "RECONSTRUCTED"):
 * - dbt run-b: every run.runId and parent run.runId, the top-level producer
 *   and schemaURL (eventTimes, error messages, invocation ids are real).
 * - flink run-b: eventTimes, runId, flink_job.jobId, checkpoint counts; and
 *   the expectation files it comes from leave out the jobType job facet the
 *   real events carry. So run-b's `streaming` (and the lag that follows from
 *   it) is NOT asserted: without the facet it says nothing about Flink.
 * - flink run-c: runId, jobId, eventTime, producer, schemaURL.
 * - great-expectations: runIds and eventTimes (zone-less on purpose, as that
 *   action wrote them); the null counts, row counts and producer are real.
 * - hive run-b: runId, START eventTime and COMPLETE eventTime, query/session
 *   ids, producer, schemaURL.
 * Also: flink run-a's eventTimes were edited by data-rentgen's maintainers to
 * be exactly one minute apart, so its 60 s liveness gap is theirs, not
 * Flink's. Times ours are asserted only as ingestion mechanics (START →
 * startedAt, a zone-less time read as UTC), never as a claim about a producer.
 *
 * A mismatch found by this test and fixed (EXPECTED.md "Mismatches"): batch
 * Spark runs that sent several RUNNING events kept liveness samples in
 * run_samples after their COMPLETE.
 */
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CorpusEvent,
  Outcome,
  ProducerApp,
  Reply,
  loadProducer,
  outcomesByFile,
  product,
  refreshScorecard,
  replay,
  runsOf,
  seededShuffle,
  startProducerApp,
  totals,
} from './__testUtils__/realProducers';

jest.setTimeout(120_000);

/** Several shuffles, each in a fresh database. */
const SEEDS = [11, 29, 47];

/** lagMs or streaming not asserted (a reconstruction artefact, see header). */
const NOT_ASSERTED = expect.anything();
const IGNORED_OR_UPDATED = expect.stringMatching(/^(ignored|updated)$/);
const NUMBER_OR_NULL = {
  asymmetricMatch: (value: unknown) =>
    value === null || typeof value === 'number',
  toString: () => 'NumberOrNull',
};

/**
 * One item of GET …/runs. Every field is given; the defaults are those of a
 * batch run that reported no watermark, row count, column counts or error.
 */
function item(fields: {
  runId: string;
  status: 'running' | 'success' | 'failed' | 'aborted';
  job: { namespace: string; name: string };
  datasetKey: string;
  startedAt: string | null;
  finishedAt: string | null;
  lastEventAt: string;
  parent?: { runId: string; job: { namespace: string; name: string } };
  watermark?: string;
  rowCount?: number;
  errorMessage?: string;
  streaming?: boolean | typeof NOT_ASSERTED;
  lagMs?: number | typeof NUMBER_OR_NULL;
  breach?: boolean;
}) {
  return {
    runId: fields.runId,
    status: fields.status,
    job: fields.job,
    parent: fields.parent ?? null,
    streaming: fields.streaming ?? false,
    lastEventAt: fields.lastEventAt,
    datasetKey: fields.datasetKey,
    startedAt: fields.startedAt,
    finishedAt: fields.finishedAt,
    watermark: fields.watermark ?? null,
    rowCount: fields.rowCount ?? null,
    columns: null,
    errorMessage: fields.errorMessage ?? null,
    lagMs: fields.lagMs ?? null,
    breach: fields.breach ?? false,
  };
}

interface ScorecardCheck {
  product: string;
  /** The clock when refreshing: just after the runs, within the 30-day window. */
  at: string;
  check: (card: any, app: ProducerApp) => Promise<void> | void;
}

interface ProducerCase {
  folder: string;
  products: Entity[];
  /** The clock while replaying: after the producer's newest eventTime. */
  ingestAt: string;
  /** In file order, what each event's reply says. */
  fileOrder: Record<string, Outcome>;
  /** Runs that map to a product: each is `accepted` exactly once, in any order. */
  mappedRuns: number;
  /** Events of runs that touch no product's dataset: ignored in any order. */
  alwaysIgnored: string[];
  /**
   * COMPLETE/FAIL/ABORT events of runs that touch a product's dataset:
   * never ignored, whether or not they list outputs, in any order.
   */
  mappedTerminals: string[];
  /** Warnings per file (what each says); none for the files not listed. */
  warnings: Record<string, string[]>;
  /** GET …/runs per product, as worked out by hand. */
  runs: Record<string, unknown[]>;
  /** Further state read from the store (quality checks, liveness samples). */
  store?: (app: ProducerApp) => Promise<void>;
  scorecards: ScorecardCheck[];
  /** Checks between events, in file order only (by the file just sent). */
  midway?: Record<string, (app: ProducerApp) => Promise<void>>;
}

// ---------------------------------------------------------------- Airflow --

const AIRFLOW_BQ_DAG_RUN = '01936893-9751-7a91-a2a0-a51101a3970c';
const AIRFLOW_BQ_PARENT = {
  runId: AIRFLOW_BQ_DAG_RUN,
  job: { namespace: 'airflow', name: 'BQ' },
};
/** nominalTime.nominalEndTime on every START of DAG run BQ (µs truncated). */
const AIRFLOW_BQ_WATERMARK = '2024-11-26T13:05:23.281Z';

const airflowUpload = {
  runId: '01936893-9751-7b3c-8f76-8ac6d0e5f8a3',
  job: { namespace: 'airflow', name: 'BQ.upload' },
  datasetKey: 'bigquery/mock-project.test.upload',
  finishedAt: '2024-11-26T13:05:29.606Z',
  lastEventAt: '2024-11-26T13:05:29.606Z',
  parent: AIRFLOW_BQ_PARENT,
} as const;
const airflowCopy = {
  runId: '01936893-9751-7b10-a4a7-cd7454722d0f',
  job: { namespace: 'airflow', name: 'BQ.copy' },
  datasetKey: 'bigquery/mock-project.test.upload_cp',
  finishedAt: '2024-11-26T13:05:34.626Z',
  lastEventAt: '2024-11-26T13:05:34.626Z',
  parent: AIRFLOW_BQ_PARENT,
} as const;
const airflowDownload = {
  runId: '01936893-9751-7150-bbde-96d39c5c4c8d',
  job: { namespace: 'airflow', name: 'BQ.download' },
  datasetKey: 'gs://mock-bucket/result.csv',
  finishedAt: '2024-11-26T13:05:39.460Z',
  lastEventAt: '2024-11-26T13:05:39.460Z',
  parent: AIRFLOW_BQ_PARENT,
} as const;

const airflowProducts = [
  product('airflow-upload', 'bigquery/mock-project.test.upload', {
    schema: ['a', 'b', 'c', 'd'].map(name => ({
      name,
      type: 'INTEGER',
      description: `column ${name}`,
    })),
    freshness: { p95: '1m', p99: '5m', tier: 'micro-batch' },
  }),
  product('airflow-upload-cp', 'bigquery/mock-project.test.upload_cp'),
  product('airflow-result', 'gs://mock-bucket/result.csv'),
  product(
    'airflow-popular-orders',
    'postgres://postgres:5432/food_delivery.public.popular_orders_day_of_week',
    { freshness: { p95: '3m', p99: '10m', tier: 'micro-batch' } },
  ),
  // Only ever read (an input, no quality facets): no run of this product.
  product(
    'airflow-top-delivery-times',
    'postgres://postgres:5432/food_delivery.public.top_delivery_times',
  ),
];

const AIRFLOW: ProducerCase = {
  folder: 'airflow',
  products: airflowProducts,
  ingestAt: '2024-11-26T14:00:00.000Z',
  fileOrder: {
    'run-a-01-start-dag.json': 'ignored',
    'run-a-02-start-upload.json': 'ignored', // outputs: [] — kept for later
    'run-a-03-complete-upload.json': 'accepted',
    'run-a-04-start-copy.json': 'ignored',
    'run-a-05-complete-copy.json': 'accepted',
    'run-a-06-start-download.json': 'ignored',
    'run-a-07-complete-download.json': 'accepted',
    'run-a-08-complete-dag.json': 'ignored',
    'run-b-01-start-dag.json': 'ignored',
    'run-b-02-start-task-0.json': 'ignored',
    'run-b-03-complete-task-0.json': 'ignored',
    'run-b-04-complete-dag.json': 'ignored',
    'run-c-01-start-mydag.json': 'ignored',
    'run-c-02-start-mytask.json': 'accepted',
    'run-c-03-complete-mytask.json': 'updated',
    'run-c-04-complete-mydag.json': 'ignored',
  },
  mappedRuns: 4,
  alwaysIgnored: [
    'run-a-01-start-dag.json',
    'run-a-08-complete-dag.json',
    'run-b-01-start-dag.json',
    'run-b-02-start-task-0.json',
    'run-b-03-complete-task-0.json',
    'run-b-04-complete-dag.json',
    'run-c-01-start-mydag.json',
    'run-c-04-complete-mydag.json',
  ],
  mappedTerminals: [
    'run-a-03-complete-upload.json',
    'run-a-05-complete-copy.json',
    'run-a-07-complete-download.json',
    'run-c-03-complete-mytask.json',
  ],
  warnings: {},
  runs: {
    // The watermark is the task START's nominalTime (whose outputs are
    // empty); p95 1m, p99 5m: 6.325 s is no breach.
    'airflow-upload': [
      item({
        ...airflowUpload,
        status: 'success',
        startedAt: '2024-11-26T13:05:25.547Z',
        watermark: AIRFLOW_BQ_WATERMARK,
        lagMs: 6325,
      }),
    ],
    // No freshness promise: lag measured, never a breach.
    'airflow-upload-cp': [
      item({
        ...airflowCopy,
        status: 'success',
        startedAt: '2024-11-26T13:05:31.724Z',
        watermark: AIRFLOW_BQ_WATERMARK,
        lagMs: 11345,
      }),
    ],
    'airflow-result': [
      item({
        ...airflowDownload,
        status: 'success',
        startedAt: '2024-11-26T13:05:37.621Z',
        watermark: AIRFLOW_BQ_WATERMARK,
        lagMs: 16179,
      }),
    ],
    // 09:07:37.858 − 09:04:12.162 = 205.696 s, under the 10m p99.
    'airflow-popular-orders': [
      item({
        runId: '01908223-0782-7fc0-9d69-b1df9dac2c60',
        job: { namespace: 'http://airflow-host:8081', name: 'mydag.mytask' },
        datasetKey:
          'postgres://postgres:5432/food_delivery.public.popular_orders_day_of_week',
        status: 'success',
        startedAt: '2024-07-05T09:04:20.783Z',
        finishedAt: '2024-07-05T09:07:37.858Z',
        lastEventAt: '2024-07-05T09:07:37.858Z',
        watermark: '2024-07-05T09:04:12.162Z',
        parent: {
          runId: '01908223-0782-79b8-9495-b1c38aaee839',
          job: { namespace: 'http://airflow-host:8081', name: 'mydag' },
        },
        lagMs: 205696,
      }),
    ],
    'airflow-top-delivery-times': [],
  },
  scorecards: [
    {
      product: 'airflow-upload',
      at: '2024-11-26T14:00:00.000Z',
      check: async (card, app) => {
        // One run, lag 6.325 s ≤ 1m and ≤ 5m: 5.
        expect(card.dimensions.freshness.score).toBe(5);
        expect(card.dimensions.freshness.evidence).toEqual(
          expect.objectContaining({
            runs: 1,
            successfulRuns: 1,
            measuredRuns: 1,
            p95LagMs: 6325,
            p99LagMs: 6325,
          }),
        );
        // No failure, no late run: 0 per 1,000 → 5.
        expect(card.dimensions.reliability.score).toBe(5);
        expect(card.dimensions.reliability.evidence).toEqual(
          expect.objectContaining({ runs: 1, failedRuns: 0, breaches: 0 }),
        );
        // A typed schema as contracted was observed: evidence, no incident.
        expect(card.dimensions.stability.score).toBe(5);
        expect(
          await app.contractHistory.listIncidents(
            'dataproduct:default/airflow-upload',
          ),
        ).toEqual([]);
        expect(card.dimensions.quality.score).toBeNull();
      },
    },
    {
      product: 'airflow-popular-orders',
      at: '2024-07-05T12:00:00.000Z',
      check: card => {
        // P95 205.696 s > 3m but ≤ 1.5 × 3m = 270 s: 3.
        expect(card.dimensions.freshness.score).toBe(3);
        expect(card.dimensions.freshness.evidence).toEqual(
          expect.objectContaining({
            measuredRuns: 1,
            p95LagMs: 205696,
            promisedP95Ms: 180000,
          }),
        );
        expect(card.dimensions.reliability.score).toBe(5);
      },
    },
  ],
};

// -------------------------------------------------------------------- dbt --

const DBT_ORDERS_ERROR =
  'Database Error in model orders (models/orders.sql)\n  syntax error at or near "final"\n  LINE 43: final as (\n           ^\n  compiled code at target/run/jaffle_shop/models/orders.sql';

/** dbt-ol lists the documented columns of orders, without types. */
const DOCUMENTED_ORDER_COLUMNS = [
  'order_id',
  'customer_id',
  'order_date',
  'status',
  'amount',
  'credit_card_amount',
  'coupon_amount',
  'bank_transfer_amount',
  'gift_card_amount',
];

const nullsRead = (...paths: string[]) =>
  `The event has explicit nulls, read as absent fields: ${paths.join(', ')}`;

const DBT: ProducerCase = {
  folder: 'dbt',
  products: [
    product(
      'dbt-target-table',
      'spark://localhost:10000/demo_schema.target_table',
      { freshness: { p95: '1h', tier: 'daily' } },
    ),
    product('dbt-orders', 'postgres://postgres:5432/postgres.public.orders', {
      // Typed, plus a column the dbt docs do not list: had the type-less
      // schema been taken as observed, `loaded_at` would read as missing.
      schema: [
        ...DOCUMENTED_ORDER_COLUMNS.map(name => ({
          name,
          type: name.endsWith('amount') ? 'numeric' : 'text',
          description: name,
        })),
        { name: 'loaded_at', type: 'timestamp', description: 'load time' },
      ],
      freshness: { p95: '1h', p99: '2h', tier: 'daily' },
    }),
    // Read by the orders model, never written: no run.
    product(
      'dbt-stg-orders',
      'postgres://postgres:5432/postgres.public.stg_orders',
    ),
  ],
  ingestAt: '2025-05-20T09:00:00.000Z',
  fileOrder: {
    'run-a-01-start-dbt-run-demo-project.json': 'ignored',
    'run-a-02-start-target-table.json': 'accepted',
    'run-a-03-complete-target-table.json': 'updated',
    'run-a-04-complete-dbt-run-demo-project.json': 'ignored',
    'run-b-01-start-dbt-run.json': 'ignored',
    'run-b-02-start-model-orders.json': 'accepted',
    'run-b-03-start-orders-sql-1.json': 'ignored',
    'run-b-04-complete-orders-sql-1.json': 'ignored',
    'run-b-05-start-orders-sql-2.json': 'ignored',
    'run-b-06-fail-orders-sql-2.json': 'ignored',
    'run-b-07-fail-model-orders.json': 'updated',
    'run-b-08-fail-dbt-run.json': 'ignored',
  },
  mappedRuns: 2,
  alwaysIgnored: [
    'run-a-01-start-dbt-run-demo-project.json',
    'run-a-04-complete-dbt-run-demo-project.json',
    'run-b-01-start-dbt-run.json',
    'run-b-03-start-orders-sql-1.json',
    'run-b-04-complete-orders-sql-1.json',
    'run-b-05-start-orders-sql-2.json',
    'run-b-06-fail-orders-sql-2.json',
    'run-b-08-fail-dbt-run.json',
  ],
  mappedTerminals: [
    'run-a-03-complete-target-table.json',
    'run-b-07-fail-model-orders.json',
  ],
  warnings: {
    'run-b-02-start-model-orders.json': [
      nullsRead('job.facets.jobType._deleted'),
    ],
    'run-b-03-start-orders-sql-1.json': [
      'job.facets.jobType._deleted',
      'job.facets.sql._deleted',
    ],
    'run-b-04-complete-orders-sql-1.json': [
      'job.facets.jobType._deleted',
      'job.facets.sql._deleted',
    ],
    'run-b-05-start-orders-sql-2.json': [
      'job.facets.jobType._deleted',
      'job.facets.sql._deleted',
    ],
    'run-b-07-fail-model-orders.json': [
      'run.facets.errorMessage.stackTrace',
      'job.facets.jobType._deleted',
    ],
    'run-b-08-fail-dbt-run.json': [
      nullsRead('run.facets.errorMessage.stackTrace'),
    ],
  },
  runs: {
    // No watermark and no earlier success: no lag.
    'dbt-target-table': [
      item({
        runId: '0196eccd-ebdc-70e3-b532-6e66f541ba29',
        job: {
          namespace: 'local://somehost',
          name: 'demo_schema.demo_project.target_table',
        },
        datasetKey: 'spark://localhost:10000/demo_schema.target_table',
        status: 'success',
        startedAt: '2025-05-20T08:27:16.601Z',
        finishedAt: '2025-05-20T08:27:18.581Z',
        lastEventAt: '2025-05-20T08:27:18.581Z',
        parent: {
          runId: '0196eccd-8aa4-7274-9116-824575596aaf',
          job: { namespace: 'local://somehost', name: 'dbt-run-demo_project' },
        },
        rowCount: 2,
      }),
    ],
    'dbt-orders': [
      item({
        runId: '01935450-425f-7d41-8c2a-6e3b9f0d7a12',
        job: {
          namespace: 'dbt-test-namespace',
          name: 'model.jaffle_shop.orders',
        },
        datasetKey: 'postgres://postgres:5432/postgres.public.orders',
        status: 'failed',
        startedAt: '2024-11-22T15:58:08.383Z',
        finishedAt: '2024-11-22T15:58:08.958Z',
        lastEventAt: '2024-11-22T15:58:08.958Z',
        parent: {
          runId: '01935450-2f1e-7a3c-9b6e-5d2c8f4a1e01',
          job: { namespace: 'dbt-test-namespace', name: 'dbt-run-jaffle_shop' },
        },
        errorMessage: DBT_ORDERS_ERROR,
        breach: true,
      }),
    ],
    'dbt-stg-orders': [],
  },
  scorecards: [
    {
      product: 'dbt-orders',
      at: '2024-11-22T16:00:00.000Z',
      check: async (card, app) => {
        // 1 failed run of 1: 1,000 breaches per 1,000 → 1.
        expect(card.dimensions.reliability.score).toBe(1);
        expect(card.dimensions.reliability.evidence).toEqual(
          expect.objectContaining({
            runs: 1,
            failedRuns: 1,
            breaches: 1,
            breachesPer1000: 1000,
          }),
        );
        // No successful run: nothing to measure a lag on.
        expect(card.dimensions.freshness.score).toBeNull();
        // The type-less schema opened no drift incident: stability is not
        // lowered (unknown, or 5 had it counted as evidence).
        expect(
          await app.contractHistory.listIncidents(
            'dataproduct:default/dbt-orders',
          ),
        ).toEqual([]);
        expect([null, 5]).toContain(card.dimensions.stability.score);
        expect(
          Number((await app.knex('drift_incidents').count({ n: '*' }))[0].n),
        ).toBe(0);
      },
    },
    {
      product: 'dbt-target-table',
      at: '2025-05-20T09:00:00.000Z',
      check: card => {
        expect(card.dimensions.reliability.score).toBe(5);
        expect(card.dimensions.freshness.score).toBeNull();
        expect(card.dimensions.freshness.evidence).toEqual(
          expect.objectContaining({
            runs: 1,
            successfulRuns: 1,
            measuredRuns: 0,
          }),
        );
      },
    },
  ],
};

// ------------------------------------------------------------------ Spark --

const SPARK_APP_B = {
  runId: '019299c5-12f5-7946-b5b2-c6abab662e20',
  job: { namespace: 'default', name: 'cl_i_test_application' },
};
const T1_HIVE = 'hive://dataproc-producer-test-m:9083/default.t1';
const T1_LOCATION = 'hdfs://dataproc-producer-test-m/user/hive/warehouse/t1';
const T2_HIVE = 'hive://dataproc-producer-test-m:9083/default.t2';

const sparkInsertT1 = {
  runId: '019299c5-5488-7db5-a64e-11439fc53117',
  job: {
    namespace: 'default',
    name: 'cl_i_test_application.execute_insert_into_hive_table.warehouse_t1',
  },
  status: 'success',
  startedAt: '2024-10-17T09:18:19.239Z',
  finishedAt: '2024-10-17T09:18:25.647Z',
  lastEventAt: '2024-10-17T09:18:25.647Z',
  parent: SPARK_APP_B,
  // RUNNING 08's outputStatistics; COMPLETE 09 has none to win with.
  rowCount: 2,
} as const;
const sparkCreateT1 = {
  runId: '019299c5-4f43-7e45-aa6f-c65164159854',
  job: {
    namespace: 'default',
    name: 'cl_i_test_application.execute_create_table_command.warehouse_t1',
  },
  status: 'success',
  // A lone COMPLETE: no START, no startedAt.
  startedAt: null,
  finishedAt: '2024-10-17T09:18:17.298Z',
  lastEventAt: '2024-10-17T09:18:17.298Z',
  parent: SPARK_APP_B,
} as const;

const SPARK_GLUE_RUN = {
  runId: '3ad2a5ec-1c8b-4bda-84f4-1492758af65c',
  job: {
    namespace: 'default',
    name: 'simple_app_parquet_with_persist_without_coalesce_s3_demo.execute_insert_into_hadoop_fs_relation_command.sample_data_output',
  },
  status: 'running',
  startedAt: '2024-05-31T17:01:26.465Z',
  finishedAt: null,
  lastEventAt: '2024-05-31T17:01:26.465Z',
  // The parent application's events are not in the source: kept as named.
  parent: {
    runId: 'f03077f2-c077-4472-987e-b89b1c741c86',
    job: {
      namespace: 'default',
      name: 'simple_app_parquet_with_persist_without_coalesce_s3_demo',
    },
  },
} as const;

const SPARK: ProducerCase = {
  folder: 'spark',
  products: [
    product('spark-shakespeare-words', 'file:///tmp/outputs/1729097570970'),
    product(
      'spark-shakespeare-source',
      'bigquery/bigquery-public-data.samples.shakespeare',
    ),
    // The Hive table name, as a user writes it: it is in the symlinks facet.
    product('spark-hive-t1', T1_HIVE),
    // The location, written with a trailing slash.
    product('spark-t1-location', `${T1_LOCATION}/`, {
      freshness: { p95: '1m', tier: 'micro-batch' },
    }),
    product('spark-hive-t2', T2_HIVE),
    product(
      'spark-clickhouse',
      'clickhouse://localhost:8123/mydb.myschema.mytable',
    ),
    // s3a:// (Hadoop's name) and a trailing slash for an s3:// location.
    product('spark-glue-output', 's3a://my-bucket-test/mydata _output/'),
    // The Glue symlink, whose namespace ends with "/" in the event.
    product(
      'spark-glue-table',
      's3://my-bucket-test/my-warehouse/my_glue_database.my_output_glue_table',
    ),
  ],
  ingestAt: '2024-10-17T10:00:00.000Z',
  fileOrder: {
    'run-a-01-start-app.json': 'ignored',
    'run-a-02-start-plan.json': 'ignored',
    'run-a-03-running-plan.json': 'ignored',
    'run-a-04-running-plan.json': 'ignored',
    'run-a-05-running-plan.json': 'ignored',
    'run-a-06-complete-plan.json': 'ignored',
    'run-a-07-start-write.json': 'accepted',
    'run-a-08-running-write.json': 'updated',
    'run-a-09-running-write.json': 'updated',
    'run-a-10-running-write.json': 'updated',
    'run-a-11-complete-write.json': 'updated',
    'run-a-12-complete-app.json': 'ignored',
    'run-b-01-start-app.json': 'ignored',
    'run-b-02-start-drop-table.json': 'accepted',
    'run-b-03-complete-drop-table.json': 'updated',
    // drop_table of t2: location …/t2, symlink …/warehouse/default.t2 — no
    // product names either.
    'run-b-04-complete-drop-table.json': 'ignored',
    'run-b-05-complete-create-table-command-warehouse-t1.json': 'accepted',
    'run-b-06-start-insert-into-hive-table-warehouse-t1.json': 'accepted',
    'run-b-07-running-insert-into-hive-table-warehouse-t1.json': 'updated',
    'run-b-08-running-insert-into-hive-table-warehouse-t1.json': 'updated',
    'run-b-09-complete-insert-into-hive-table-warehouse-t1.json': 'updated',
    'run-b-10-start-create-hive-table-as-select-command-default-t2.json':
      'accepted',
    'run-b-11-start-insert-into-hive-table-warehouse-t2.json': 'accepted',
    'run-b-12-running-insert-into-hive-table-warehouse-t2.json': 'updated',
    'run-b-13-running-insert-into-hive-table-warehouse-t2.json': 'updated',
    'run-b-14-complete-insert-into-hive-table-warehouse-t2.json': 'updated',
    'run-b-15-complete-create-hive-table-as-select-command-default-t2.json':
      'updated',
    'run-b-16-complete-app.json': 'ignored',
    'run-c-01-start-spark-session.json': 'ignored',
    'run-c-02-start-execute-save-into-data-source-command.json': 'accepted',
    'run-c-03-running-execute-save-into-data-source-command.json': 'updated',
    'run-c-04-complete-execute-save-into-data-source-command.json': 'updated',
    'run-c-05-complete-spark-session.json': 'ignored',
    'run-d-01-start-sample-data-output.json': 'accepted',
  },
  mappedRuns: 8,
  alwaysIgnored: [
    'run-a-01-start-app.json',
    'run-a-02-start-plan.json',
    'run-a-03-running-plan.json',
    'run-a-04-running-plan.json',
    'run-a-05-running-plan.json',
    'run-a-06-complete-plan.json',
    'run-a-12-complete-app.json',
    'run-b-01-start-app.json',
    'run-b-04-complete-drop-table.json',
    'run-b-16-complete-app.json',
    'run-c-01-start-spark-session.json',
    'run-c-05-complete-spark-session.json',
  ],
  mappedTerminals: [
    'run-a-11-complete-write.json',
    'run-b-03-complete-drop-table.json',
    'run-b-05-complete-create-table-command-warehouse-t1.json',
    'run-b-09-complete-insert-into-hive-table-warehouse-t1.json',
    'run-b-14-complete-insert-into-hive-table-warehouse-t2.json',
    'run-b-15-complete-create-hive-table-as-select-command-default-t2.json',
    'run-c-04-complete-execute-save-into-data-source-command.json',
  ],
  warnings: {},
  runs: {
    'spark-shakespeare-words': [
      item({
        runId: '0192963f-f6f8-71c0-8380-500bc70883ee',
        job: {
          namespace: 'default',
          name: 'shakespeare_on_spark.adaptive_spark_plan.outputs_1729097570970',
        },
        datasetKey: 'file/tmp/outputs/1729097570970',
        status: 'success',
        startedAt: '2024-10-16T16:53:47.366Z',
        finishedAt: '2024-10-16T16:53:51.761Z',
        lastEventAt: '2024-10-16T16:53:51.761Z',
        parent: {
          runId: '0192963f-929e-731b-a075-9bb14bf41d38',
          job: { namespace: 'default', name: 'shakespeare_on_spark' },
        },
        // RUNNING 09 said 0, COMPLETE 11 says 1: the terminal event wins.
        rowCount: 1,
      }),
    ],
    'spark-shakespeare-source': [],
    // Newest finishedAt first; lag from the previous success (no watermark):
    // 09:18:25.647 − 09:18:17.298 = 8.349 s.
    'spark-hive-t1': [
      item({ ...sparkInsertT1, datasetKey: T1_HIVE, lagMs: 8349 }),
      item({ ...sparkCreateT1, datasetKey: T1_HIVE }),
    ],
    // Also drop_table (its symlink is not the Hive table name, its location
    // is); 09:18:17.298 − 09:18:14.755 = 2.543 s.
    'spark-t1-location': [
      item({ ...sparkInsertT1, datasetKey: T1_LOCATION, lagMs: 8349 }),
      item({ ...sparkCreateT1, datasetKey: T1_LOCATION, lagMs: 2543 }),
      item({
        runId: '019299c5-364c-79a9-9d83-659761b84279',
        job: { namespace: 'default', name: 'cl_i_test_application.drop_table' },
        datasetKey: T1_LOCATION,
        status: 'success',
        startedAt: '2024-10-17T09:18:11.500Z',
        finishedAt: '2024-10-17T09:18:14.755Z',
        lastEventAt: '2024-10-17T09:18:14.755Z',
        parent: SPARK_APP_B,
      }),
    ],
    // CTAS COMPLETE 09:18:29.268 is 1 ms after the insert's 09:18:29.267.
    'spark-hive-t2': [
      item({
        runId: '019299c5-6ff9-7864-8dd7-e8142a2b6047',
        job: {
          namespace: 'default',
          name: 'cl_i_test_application.execute_create_hive_table_as_select_command.default_t2',
        },
        datasetKey: T2_HIVE,
        status: 'success',
        startedAt: '2024-10-17T09:18:26.061Z',
        finishedAt: '2024-10-17T09:18:29.268Z',
        lastEventAt: '2024-10-17T09:18:29.268Z',
        parent: SPARK_APP_B,
        lagMs: 1,
      }),
      item({
        runId: '019299c5-73cf-7069-a70f-74eb8070b577',
        job: {
          namespace: 'default',
          name: 'cl_i_test_application.execute_insert_into_hive_table.warehouse_t2',
        },
        datasetKey: T2_HIVE,
        status: 'success',
        startedAt: '2024-10-17T09:18:26.825Z',
        finishedAt: '2024-10-17T09:18:29.267Z',
        lastEventAt: '2024-10-17T09:18:29.267Z',
        parent: SPARK_APP_B,
        rowCount: 2,
      }),
    ],
    'spark-clickhouse': [
      item({
        runId: '01908225-1fd7-746b-910c-70d24f2898b1',
        job: {
          namespace: 'local://some.host.name',
          name: 'spark_session.execute_save_into_data_source_command',
        },
        datasetKey: 'clickhouse://localhost:8123/mydb.myschema.mytable',
        status: 'success',
        startedAt: '2024-07-05T09:06:29.462Z',
        finishedAt: '2024-07-05T09:07:15.642Z',
        lastEventAt: '2024-07-05T09:07:15.642Z',
        parent: {
          runId: '01908224-8410-79a2-8de6-a769ad6944c9',
          job: { namespace: 'local://some.host.name', name: 'spark_session' },
        },
        // RUNNING 03 said 100, COMPLETE 04 says 10000.
        rowCount: 10000,
      }),
    ],
    // A lone START: running, shown first; not a stream (no RUNNING at all).
    'spark-glue-output': [
      item({
        ...SPARK_GLUE_RUN,
        datasetKey: 's3://my-bucket-test/mydata _output',
      }),
    ],
    'spark-glue-table': [
      item({
        ...SPARK_GLUE_RUN,
        datasetKey:
          's3://my-bucket-test/my-warehouse/my_glue_database.my_output_glue_table',
      }),
    ],
  },
  scorecards: [
    {
      product: 'spark-t1-location',
      at: '2024-10-17T10:00:00.000Z',
      check: card => {
        // Lags 2.543 s and 8.349 s; P95 = rank ⌈0.95·2⌉ = 2 → 8.349 s ≤ 1m,
        // no p99 promised: 5.
        expect(card.dimensions.freshness.score).toBe(5);
        expect(card.dimensions.freshness.evidence).toEqual(
          expect.objectContaining({
            runs: 3,
            successfulRuns: 3,
            measuredRuns: 2,
            p95LagMs: 8349,
          }),
        );
        expect(card.dimensions.reliability.score).toBe(5);
        expect(card.dimensions.reliability.evidence).toEqual(
          expect.objectContaining({ runs: 3, failedRuns: 0, breaches: 0 }),
        );
      },
    },
    {
      product: 'spark-glue-output',
      at: '2024-06-01T00:00:00.000Z',
      check: card => {
        // Still running: no finished run in the window.
        expect(card.dimensions.reliability.score).toBeNull();
        expect(card.dimensions.freshness.score).toBeNull();
      },
    },
  ],
};

// ------------------------------------------------------------------ Flink --

const FLINK_KAFKA_OUTPUT = {
  runId: '01965ca5-85bc-789d-93a1-9e4e48bd37b3',
  job: {
    namespace: 'http://localhost:18081',
    name: 'insert-into_default_catalog.default_database.kafka_output',
  },
  // The Flink table name, from the output's symlinks facet.
  datasetKey:
    'kafka://kafka-host2:9092/default_catalog.default_database.kafka_output',
  startedAt: '2025-04-22T08:37:53.938Z',
  streaming: true,
} as const;

const FLINK: ProducerCase = {
  folder: 'flink',
  products: [
    product(
      'flink-kafka-output',
      'kafka://kafka-host2:9092/default_catalog.default_database.kafka_output',
    ),
    product(
      'flink-topic-pattern-output',
      'kafka://kafka-cluster-prod:9092/io.openlineage.flink.kafka.output',
    ),
  ],
  ingestAt: '2025-06-03T12:30:00.000Z',
  fileOrder: {
    'run-a-01-start-kafka-output.json': 'accepted',
    'run-a-02-running-kafka-output.json': 'updated',
    'run-a-03-complete-kafka-output.json': 'updated',
    'run-b-01-start-flink-topic-pattern.json': 'accepted',
    'run-b-02-running-flink-topic-pattern.json': 'updated',
    // No inputs or outputs member at all: its run touches no dataset.
    'run-c-01-fail-flink-failed-job.json': 'ignored',
  },
  mappedRuns: 2,
  alwaysIgnored: ['run-c-01-fail-flink-failed-job.json'],
  mappedTerminals: ['run-a-03-complete-kafka-output.json'],
  warnings: {},
  runs: {
    'flink-kafka-output': [
      item({
        ...FLINK_KAFKA_OUTPUT,
        status: 'success',
        finishedAt: '2025-04-22T08:39:53.938Z',
        lastEventAt: '2025-04-22T08:39:53.938Z',
      }),
    ],
    'flink-topic-pattern-output': [
      item({
        runId: '01973599-3c8e-7a41-b5d2-9e0f1a2b3c4d',
        job: { namespace: 'flink_job_namespace', name: 'flink_topic_pattern' },
        datasetKey:
          'kafka://kafka-cluster-prod:9092/io.openlineage.flink.kafka.output',
        status: 'running',
        startedAt: '2025-06-03T12:08:41.512Z',
        finishedAt: null,
        lastEventAt: '2025-06-03T12:09:11.874Z',
        streaming: NOT_ASSERTED,
        lagMs: NUMBER_OR_NULL,
      }),
    ],
  },
  store: async ({ knex }) => {
    // The one RUNNING event of the stream is a liveness sample: 60 s after
    // its START (data-rentgen's edited times).
    const samples = await knex('run_samples').orderBy('sampled_at');
    expect(
      samples
        .filter(s => s.run_id === FLINK_KAFKA_OUTPUT.runId)
        .map(s => ({
          entityRef: s.entity_ref,
          sampledAt: new Date(
            Number(s.sampled_at) || s.sampled_at,
          ).toISOString(),
          gapMs: Number(s.gap_ms),
        })),
    ).toEqual([
      {
        entityRef: 'dataproduct:default/flink-kafka-output',
        sampledAt: '2025-04-22T08:38:53.938Z',
        gapMs: 60000,
      },
    ]);
  },
  midway: {
    // After START and RUNNING, the stream is listed as running from its
    // start, its lag the time since its newest event.
    'run-a-02-running-kafka-output.json': async app => {
      const ingestAt = app.clock.now;
      app.clock.now = new Date('2025-04-22T08:39:00.000Z');
      try {
        expect(await runsOf(app.app, 'flink-kafka-output')).toEqual([
          item({
            ...FLINK_KAFKA_OUTPUT,
            status: 'running',
            finishedAt: null,
            lastEventAt: '2025-04-22T08:38:53.938Z',
            lagMs: 6062,
          }),
        ]);
      } finally {
        app.clock.now = ingestAt;
      }
    },
  },
  scorecards: [
    {
      product: 'flink-kafka-output',
      at: '2025-04-22T09:00:00.000Z',
      check: card => {
        expect(card.dimensions.reliability.score).toBe(5);
        expect(card.dimensions.reliability.evidence).toEqual(
          expect.objectContaining({ runs: 1, failedRuns: 0, breaches: 0 }),
        );
      },
    },
  ],
};

// ----------------------------------------------------- Great Expectations --

/** The contract of the three validated tables: nulls in key fields ≤ 5 %. */
const GE_CONTRACT = {
  schema: [
    { name: 'user_id', type: 'TEXT', description: 'who paid' },
    { name: 'counterparty_id', type: 'TEXT', description: 'who was paid' },
    { name: 'currency', type: 'TEXT', description: 'ISO currency' },
    { name: 'amount', type: 'INTEGER', description: 'amount' },
  ],
  quality: { keyFields: ['user_id', 'counterparty_id'], maxNullRate: 0.05 },
};

const zoneless = (time: string) =>
  `eventTime has no time zone ("${time}"): read as UTC; send Z or ±hh:mm`;

/** A quality_checks row as worked out by hand. */
function geCheck(
  name: string,
  runId: string,
  datasetKey: string,
  observedAt: string,
  counterpartyNulls: number,
) {
  return {
    entityRef: `dataproduct:default/${name}`,
    runId,
    datasetKey,
    observedAt,
    source: 'Great Expectations',
    rowCount: 10,
    // `amount` has count/min/max/sum only: no null or distinct count.
    columns: {
      counterparty_id: { nullCount: counterpartyNulls },
      user_id: { distinctCount: 3, nullCount: 0 },
    },
    // GE puts its results under `greatExpectations_assertions`, not the
    // standard `dataQualityAssertions`.
    assertions: null,
  };
}

/**
 * Quality from GE's null counts on the input it validated: per key field
 * nullCount ÷ rowCount against maxNullRate 0.05, the worst decides.
 */
function geQuality(score: number, counterpartyNullRate: number) {
  return (card: any) => {
    const quality = card.dimensions.quality;
    expect(quality.score).toBe(score);
    expect(quality.evidence).toEqual(
      expect.objectContaining({
        runs: 0,
        observations: 1,
        sources: ['Great Expectations'],
        keyFields: ['user_id', 'counterparty_id'],
        maxNullRate: 0.05,
        // GE's own assertions sit under a non-standard key: none read.
        assertions: null,
      }),
    );
    expect(
      quality.evidence.checks.map((c: any) => [c.field, c.metric, c.rate]),
    ).toEqual([
      ['user_id', 'nullRate', 0],
      ['counterparty_id', 'nullRate', counterpartyNullRate],
    ]);
    // A validation is not a run of the product it read.
    expect(card.dimensions.freshness.score).toBeNull();
    expect(card.dimensions.reliability.score).toBeNull();
  };
}

const GREAT_EXPECTATIONS: ProducerCase = {
  folder: 'great-expectations',
  products: [
    product('ge-transactions', 'sqlite/transactions', GE_CONTRACT),
    product('ge-transactions-bad', 'sqlite/transactions_bad', GE_CONTRACT),
    product(
      'ge-dataset-csv',
      'file:///opt/data/great_expectations/data/dataset.csv',
      GE_CONTRACT,
    ),
  ],
  ingestAt: '2021-09-10T15:00:00.000Z',
  // outputs: [] — the check on the input makes each event count.
  fileOrder: {
    'run-a-01-complete-transactions.json': 'accepted',
    'run-b-01-complete-dataset-csv.json': 'accepted',
    'run-c-01-complete-transactions-bad.json': 'accepted',
  },
  mappedRuns: 3,
  alwaysIgnored: [],
  mappedTerminals: [
    'run-a-01-complete-transactions.json',
    'run-b-01-complete-dataset-csv.json',
    'run-c-01-complete-transactions-bad.json',
  ],
  warnings: {
    'run-a-01-complete-transactions.json': [
      zoneless('2021-09-10T14:55:16.481573'),
    ],
    'run-b-01-complete-dataset-csv.json': [
      zoneless('2021-09-10T14:55:21.902214'),
    ],
    'run-c-01-complete-transactions-bad.json': [
      zoneless('2021-09-10T14:55:27.335018'),
    ],
  },
  runs: {
    'ge-transactions': [],
    'ge-transactions-bad': [],
    'ge-dataset-csv': [],
  },
  store: async ({ knex }) => {
    const rows = await knex('quality_checks').orderBy('entity_ref');
    expect(
      rows.map(row => ({
        entityRef: row.entity_ref,
        runId: row.run_id,
        datasetKey: row.dataset_key,
        observedAt: new Date(
          Number(row.observed_at) || row.observed_at,
        ).toISOString(),
        source: row.source,
        rowCount: row.row_count === null ? null : Number(row.row_count),
        columns: row.columns && JSON.parse(row.columns),
        assertions: row.assertions && JSON.parse(row.assertions),
      })),
    ).toEqual([
      geCheck(
        'ge-dataset-csv',
        'b2e9d7c4-1f6a-4c83-a05e-7d3f9e8c2b41',
        'file/opt/data/great_expectations/data/dataset.csv',
        '2021-09-10T14:55:21.902Z',
        0,
      ),
      geCheck(
        'ge-transactions',
        '6a4c1f0e-8b3d-4e27-9f51-2c7d8a9b0e13',
        'sqlite/transactions',
        '2021-09-10T14:55:16.481Z',
        0,
      ),
      geCheck(
        'ge-transactions-bad',
        'd81f3a6b-5c2e-49d7-8e14-0a6b7c9d3f52',
        'sqlite/transactions_bad',
        '2021-09-10T14:55:27.335Z',
        2,
      ),
    ]);
  },
  scorecards: [
    // user_id 0/10 and counterparty_id 0/10 null: ratio 0 → 5.
    {
      product: 'ge-transactions',
      at: '2021-09-10T15:00:00.000Z',
      check: geQuality(5, 0),
    },
    // counterparty_id 2/10 = 0.2 null = 4 × the 0.05 max: ≤ 5× → 3; the
    // evidence names the check source (issue 10's own example).
    {
      product: 'ge-transactions-bad',
      at: '2021-09-10T15:00:00.000Z',
      check: card => {
        geQuality(3, 0.2)(card);
        expect(card.dimensions.quality.evidence.worst).toEqual({
          field: 'counterparty_id',
          metric: 'nullRate',
        });
        expect(card.dimensions.quality.evidence.checks[1].ratio).toBe(4);
        expect(card.dimensions.quality.evidence.latest).toBe(
          'Great Expectations: 2 of 10 rows null in counterparty_id',
        );
      },
    },
    {
      product: 'ge-dataset-csv',
      at: '2021-09-10T15:00:00.000Z',
      check: geQuality(5, 0),
    },
  ],
};

// ------------------------------------------------------------------- Hive --

const HIVE_RESULT_T = {
  runId: '0199e2f0-1b8c-7d3e-a4f5-6b7c8d9e0f12',
  job: { namespace: 'default', name: 'createtable_as_select.test.result_t' },
  status: 'success',
  startedAt: '2025-10-14T13:39:01.086Z',
  finishedAt: '2025-10-14T13:39:19.664Z',
  lastEventAt: '2025-10-14T13:39:19.664Z',
} as const;

const HIVE: ProducerCase = {
  folder: 'hive',
  products: [
    // By its location: the LOCATION symlink of the Hive table.
    product(
      'hive-target-table',
      'hdfs://test-hadoop:9820/user/hive/warehouse/mydatabase.db/target_table',
      {
        // Typed like the observed schema, plus `loaded_at` it lacks: a drift
        // (the typed counterpart of dbt's documented-columns list).
        schema: [
          { name: 'dt', type: 'timestamp', description: 'day' },
          { name: 'customer_id', type: 'decimal(20,0)', description: 'who' },
          { name: 'total_spent', type: 'float', description: 'how much' },
          { name: 'loaded_at', type: 'timestamp', description: 'load time' },
        ],
      },
    ),
    product('hive-result-t', 'hive://localhost:9083/test.result_t', {
      schema: [
        { name: 'type', type: 'int', description: 'team type' },
        { name: 'building', type: 'string', description: 'building' },
        { name: 'manager', type: 'string', description: 'manager' },
        { name: 'employee', type: 'string', description: 'employee' },
      ],
    }),
    // The symlink appears on COMPLETE only; START's output has no facets.
    product(
      'hive-result-t-location',
      'file:///opt/hive/data/warehouse/test.db/result_t',
    ),
  ],
  ingestAt: '2025-10-14T14:00:00.000Z',
  fileOrder: {
    'run-a-01-complete-target-table.json': 'accepted',
    'run-b-01-start-result-t.json': 'accepted',
    'run-b-02-complete-result-t.json': 'updated',
  },
  mappedRuns: 2,
  alwaysIgnored: [],
  mappedTerminals: [
    'run-a-01-complete-target-table.json',
    'run-b-02-complete-result-t.json',
  ],
  warnings: {},
  runs: {
    'hive-target-table': [
      item({
        runId: '0197833d-6cec-7609-a80f-8f4e0f8a5b1f',
        job: {
          namespace: 'hive://test-hadoop:10000',
          name: 'createtable_as_select.mydatabase.target_table',
        },
        datasetKey:
          'hdfs://test-hadoop:9820/user/hive/warehouse/mydatabase.db/target_table',
        status: 'success',
        startedAt: null,
        finishedAt: '2025-06-18T13:32:10.030Z',
        lastEventAt: '2025-06-18T13:32:10.030Z',
      }),
    ],
    'hive-result-t': [
      item({
        ...HIVE_RESULT_T,
        datasetKey: 'hive://localhost:9083/test.result_t',
      }),
    ],
    'hive-result-t-location': [
      item({
        ...HIVE_RESULT_T,
        datasetKey: 'file/opt/hive/data/warehouse/test.db/result_t',
      }),
    ],
  },
  scorecards: [
    {
      product: 'hive-target-table',
      at: '2025-06-18T14:00:00.000Z',
      check: async (card, app) => {
        // One incident this quarter (2025-Q2): 4.
        expect(card.dimensions.stability.score).toBe(4);
        const incidents = await app.contractHistory.listIncidents(
          'dataproduct:default/hive-target-table',
        );
        expect(incidents).toHaveLength(1);
        expect(incidents[0].details).toEqual(
          expect.objectContaining({
            runId: '0197833d-6cec-7609-a80f-8f4e0f8a5b1f',
            drift: [
              expect.objectContaining({
                change: 'field-missing',
                field: 'loaded_at',
              }),
            ],
          }),
        );
        expect(card.dimensions.reliability.score).toBe(5);
      },
    },
    {
      product: 'hive-result-t',
      at: '2025-10-14T14:00:00.000Z',
      check: async (card, app) => {
        expect(card.dimensions.stability.score).toBe(5);
        expect(
          await app.contractHistory.listIncidents(
            'dataproduct:default/hive-result-t',
          ),
        ).toEqual([]);
      },
    },
  ],
};

const PRODUCERS: ProducerCase[] = [
  AIRFLOW,
  DBT,
  SPARK,
  FLINK,
  GREAT_EXPECTATIONS,
  HIVE,
];

// ------------------------------------------------------------ assertions --

/** Every reply is a 200 with no problem, and says what the case expects. */
function expectCleanIntake(replies: Reply[], c: ProducerCase) {
  for (const reply of replies) {
    const wanted = c.warnings[reply.file] ?? [];
    expect({
      file: reply.file,
      status: reply.status,
      refused: reply.body.refused,
      problems: reply.body.problems,
      warnings: (reply.body.warnings ?? []).length,
    }).toEqual({
      file: reply.file,
      status: 200,
      refused: 0,
      problems: [],
      warnings: wanted.length > 0 ? 1 : 0,
    });
    for (const text of wanted) {
      expect(reply.body.warnings[0].message).toContain(text);
    }
  }
}

/** What holds in any order: the mapped runs accepted once, nothing lost. */
function expectOrderFreeOutcomes(replies: Reply[], c: ProducerCase) {
  const outcomes = outcomesByFile(replies);
  expect(totals(replies)).toEqual(
    expect.objectContaining({
      accepted: c.mappedRuns,
      duplicates: 0,
      refused: 0,
    }),
  );
  expect(replies.length).toBe(Object.keys(c.fileOrder).length);
  for (const file of c.alwaysIgnored) {
    expect({ file, outcome: outcomes[file] }).toEqual({
      file,
      outcome: 'ignored',
    });
  }
  for (const file of c.mappedTerminals) {
    expect({ file, outcome: outcomes[file] }).toEqual({
      file,
      outcome: expect.stringMatching(/^(accepted|updated)$/),
    });
  }
}

async function expectState(app: ProducerApp, c: ProducerCase) {
  app.clock.now = new Date(c.ingestAt);
  for (const [name, items] of Object.entries(c.runs)) {
    expect({ product: name, items: await runsOf(app.app, name) }).toEqual({
      product: name,
      items,
    });
  }
  await c.store?.(app);
  for (const scorecard of c.scorecards) {
    app.clock.now = new Date(scorecard.at);
    const card = await refreshScorecard(app.app, scorecard.product);
    await scorecard.check(card, app);
  }
  app.clock.now = new Date(c.ingestAt);
}

describe('the shuffles', () => {
  // Not the code under test: a guard that the seeds keep exercising
  // out-of-order arrival (a terminal event before its run's START).
  it.each([
    ['airflow', 4],
    ['dbt', 2],
    ['spark', 3],
    ['flink', 1],
    ['hive', 1],
  ] as const)(
    '%s: some seed sends a COMPLETE/FAIL before its START, for %p runs',
    (folder, runs) => {
      const events = loadProducer(folder).map(e => {
        const json = JSON.parse(e.text);
        return { runId: json.run.runId as string, type: json.eventType };
      });
      const early = new Set<string>();
      for (const seed of SEEDS) {
        const started = new Set<string>();
        for (const e of seededShuffle(events, seed)) {
          if (e.type === 'START') started.add(e.runId);
          else if (
            ['COMPLETE', 'FAIL', 'ABORT'].includes(e.type) &&
            !started.has(e.runId) &&
            events.some(x => x.runId === e.runId && x.type === 'START')
          ) {
            early.add(e.runId);
          }
        }
      }
      expect(early.size).toBeGreaterThanOrEqual(runs);
    },
  );
});

describe('real producers replayed one event per request', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function fresh(c: ProducerCase, id: TestDatabaseId = databaseId) {
      const knex = await databases.init(id);
      const app = await startProducerApp(knex, c.products);
      app.clock.now = new Date(c.ingestAt);
      return app;
    }

    describe.each(PRODUCERS.map(c => [c.folder, c] as const))(
      '%s',
      (_folder, c) => {
        const events = loadProducer(c.folder);

        it('in file order: each reply, the run lists and the scorecards as worked out by hand', async () => {
          expect(events.map(e => e.file)).toEqual(Object.keys(c.fileOrder));
          const app = await fresh(c);
          const replies: Reply[] = [];
          for (const event of events) {
            replies.push(...(await replay(app.app, [event])));
            await c.midway?.[event.file]?.(app);
          }
          expectCleanIntake(replies, c);
          expect(outcomesByFile(replies)).toEqual(c.fileOrder);
          expectOrderFreeOutcomes(replies, c);
          await expectState(app, c);

          // Re-sending every event is a duplicate, and changes nothing.
          const again = await replay(app.app, events);
          expect(again.map(r => r.outcome)).toEqual(
            events.map(() => 'duplicate'),
          );
          await expectState(app, c);
        });

        it.each(SEEDS)(
          'shuffled with seed %p, in a fresh database: the same runs and scores',
          async seed => {
            expect.hasAssertions();
            const app = await fresh(c);
            const shuffled: CorpusEvent[] = seededShuffle(events, seed);
            const replies = await replay(app.app, shuffled);
            expectCleanIntake(replies, c);
            expectOrderFreeOutcomes(replies, c);
            await expectState(app, c);
          },
        );
      },
    );

    // KNOWN MISMATCH (reported; see EXPECTED.md "Mismatches"): flip to it()
    // once fixed. Spark's SQL jobs (jobType.processingType BATCH) send two or
    // three RUNNING events before COMPLETE. While open, such a run counts as
    // a stream ("keeps sending RUNNING") and its RUNNING events are written
    // as liveness samples; once COMPLETE arrives the run is recomputed as
    // batch (streaming: false) but its samples stay in run_samples. After
    // the whole corpus no Spark run is a stream, so there must be none.
    it('spark: closed batch runs keep no liveness samples', async () => {
      const app = await fresh(SPARK);
      await replay(app.app, loadProducer('spark'));
      const samples = await app.knex('run_samples').select('run_id');
      expect(samples).toEqual([]);
    });

    describe('airflow, task STARTs lost', () => {
      // Only the DAG run's START carries a nominalTime now: each task run
      // inherits its DAG run's watermark, whenever that run's events arrive.
      const files = [
        'run-a-01-start-dag.json',
        'run-a-03-complete-upload.json',
        'run-a-05-complete-copy.json',
        'run-a-07-complete-download.json',
        'run-a-08-complete-dag.json',
      ];
      const events = loadProducer('airflow').filter(e =>
        files.includes(e.file),
      );
      const expected = {
        'airflow-upload': [
          item({
            ...airflowUpload,
            status: 'success',
            startedAt: null,
            watermark: AIRFLOW_BQ_WATERMARK,
            lagMs: 6325,
          }),
        ],
        'airflow-upload-cp': [
          item({
            ...airflowCopy,
            status: 'success',
            startedAt: null,
            watermark: AIRFLOW_BQ_WATERMARK,
            lagMs: 11345,
          }),
        ],
        'airflow-result': [
          item({
            ...airflowDownload,
            status: 'success',
            startedAt: null,
            watermark: AIRFLOW_BQ_WATERMARK,
            lagMs: 16179,
          }),
        ],
      };

      it.each([
        ['the DAG START first', events],
        ['the DAG START last', [...events.slice(1), events[0]]],
      ])('%s', async (_order, ordered) => {
        const app = await fresh(AIRFLOW);
        const replies = await replay(app.app, ordered);
        // The DAG run writes nothing: its events are not a product's run.
        // (Sent last, its START does set three product runs' watermark;
        // standards.md does not say whether that reply is `ignored` or
        // `updated`, so either is taken — see EXPECTED.md.)
        expect(replies.map(r => [r.file, r.status, r.outcome])).toEqual(
          ordered.map(e => [
            e.file,
            200,
            e.file.includes('-dag') ? IGNORED_OR_UPDATED : 'accepted',
          ]),
        );
        for (const [name, items] of Object.entries(expected)) {
          expect({ product: name, items: await runsOf(app.app, name) }).toEqual(
            { product: name, items },
          );
        }
      });
    });
  });
});
