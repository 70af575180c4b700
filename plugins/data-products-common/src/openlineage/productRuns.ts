/**
 * Which data products a run is about: a run is a product's run when one of
 * its outputs (by name or symlink alias) is one of the product's
 * `openlineage.io/dataset` identities; a check of any dataset it read or
 * wrote is a quality observation of that dataset's product, even when the
 * run wrote elsewhere (standards.md "quality checks on inputs").
 */
import type { ColumnCounts, ObservedField } from '../scoring/runs';
import type { AccumulatedRun, AccumulatedRunStatus } from './accumulateRun';
import type { AssertionFacts } from './eventFacts';
import type { ParentRun } from './types';

/** A run as one product's run. @public */
export interface ProductRun {
  entityRef: string;
  runId: string;
  /** The identity of the output that matched the product. */
  datasetKey: string;
  job: { namespace: string; name: string };
  status: AccumulatedRunStatus;
  startedAt?: string;
  finishedAt?: string;
  lastEventAt: string;
  watermark?: string;
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  schema?: ObservedField[];
  errorMessage?: string;
  parent?: ParentRun;
  streaming: boolean;
  samples: Array<{ at: string; gapMs: number }>;
}

/** A quality check of a product's dataset, by any run. @public */
export interface ProductCheck {
  entityRef: string;
  runId: string;
  datasetKey: string;
  observedAt: string;
  /** Who checked, in words: "Great Expectations", "dbt", or the job. */
  source: string;
  rowCount?: number;
  columns?: Record<string, ColumnCounts>;
  assertions?: AssertionFacts[];
}

/**
 * The product runs and checks of an accumulated run. `productsOf` answers
 * the products whose identities include a dataset key.
 *
 * @public
 */
export function productRunsOf(
  run: AccumulatedRun,
  productsOf: (datasetKey: string) => readonly string[],
): { runs: ProductRun[]; checks: ProductCheck[] } {
  const runs = new Map<string, ProductRun>();
  for (const output of run.outputs) {
    for (const key of output.keys) {
      for (const entityRef of productsOf(key)) {
        if (runs.has(entityRef)) continue;
        const productRun: ProductRun = {
          entityRef,
          runId: run.runId,
          datasetKey: key,
          job: run.job,
          status: run.status,
          lastEventAt: run.lastEventAt,
          streaming: run.streaming,
          samples: run.samples,
        };
        if (run.startedAt) productRun.startedAt = run.startedAt;
        if (run.finishedAt) productRun.finishedAt = run.finishedAt;
        if (run.watermark) productRun.watermark = run.watermark;
        if (output.rowCount !== undefined) {
          productRun.rowCount = output.rowCount;
        }
        if (output.columns) productRun.columns = output.columns;
        if (output.schema) productRun.schema = output.schema;
        if (run.errorMessage) productRun.errorMessage = run.errorMessage;
        if (run.parent) productRun.parent = run.parent;
        runs.set(entityRef, productRun);
      }
    }
  }

  const checks = new Map<string, ProductCheck>();
  const source = checkSource(run);
  for (const check of run.checks) {
    for (const key of check.keys) {
      for (const entityRef of productsOf(key)) {
        if (checks.has(entityRef)) continue;
        const productCheck: ProductCheck = {
          entityRef,
          runId: run.runId,
          datasetKey: key,
          observedAt: check.observedAt,
          source,
        };
        if (check.rowCount !== undefined) {
          productCheck.rowCount = check.rowCount;
        }
        if (check.columns) productCheck.columns = check.columns;
        if (check.assertions) productCheck.assertions = check.assertions;
        checks.set(entityRef, productCheck);
      }
    }
  }
  return { runs: [...runs.values()], checks: [...checks.values()] };
}

/** Check tools by a word of their `producer` URL. */
const CHECK_TOOLS: Array<[RegExp, string]> = [
  [/great[_-]?expectations/i, 'Great Expectations'],
  [/\bsoda\b/i, 'Soda'],
  [/\bdbt\b/i, 'dbt'],
  [/deequ/i, 'Deequ'],
];

/** Who checked, for evidence a reader understands. @public */
export function checkSource(run: {
  producer?: string;
  job: { namespace: string; name: string };
}): string {
  for (const [pattern, name] of CHECK_TOOLS) {
    if (run.producer && pattern.test(run.producer)) return name;
  }
  return `job ${run.job.namespace}/${run.job.name}`;
}
