import { PruneRunsResult, RunStore } from '../../database/RunStore';
import { retentionCutoff } from './runRetention';

/** What one pruning pass did. */
export interface RunsRetentionSummary extends PruneRunsResult {
  /** Runs that finished (or last changed) before this were deleted. */
  cutoff: Date;
  /** The pass was stopped (timeout, shutdown) before it finished. */
  stopped: boolean;
  /** PostgreSQL: month partitions of `runs` created ahead by this pass. */
  partitionsCreated: string[];
}

/**
 * Months of `runs` partitions (PostgreSQL) kept created ahead of the
 * current one, so new runs never land in the default partition while the
 * task is down for less than that.
 */
export const RUN_PARTITION_MONTHS_AHEAD = 2;

/**
 * The work of the task `data-products-runs-retention`: deletes, in bounded
 * batches, the runs older than `stockroom.runs.retention` and every row
 * that hangs off them (RunStore.pruneRunsBefore), having first created
 * the coming months' partitions of `runs` on PostgreSQL. Scorecard snapshots and
 * history marks are left alone (docs/operations.md "Runs retention").
 */
export class RunsRetention {
  private readonly store: Pick<
    RunStore,
    'pruneRunsBefore' | 'createRunPartitions'
  >;
  private readonly retentionMs: number;
  private readonly batchSize?: number;

  constructor(deps: {
    store: Pick<RunStore, 'pruneRunsBefore' | 'createRunPartitions'>;
    /** `stockroom.runs.retention`, validated at start-up. */
    retentionMs: number;
    /** Rows per transaction; the store's default otherwise. */
    batchSize?: number;
  }) {
    this.store = deps.store;
    this.retentionMs = deps.retentionMs;
    this.batchSize = deps.batchSize;
  }

  async run(now: Date, signal?: AbortSignal): Promise<RunsRetentionSummary> {
    const cutoff = retentionCutoff(now, this.retentionMs);
    const partitionsCreated = await this.store.createRunPartitions(
      now,
      RUN_PARTITION_MONTHS_AHEAD,
    );
    const pruned = await this.store.pruneRunsBefore(cutoff, {
      batchSize: this.batchSize,
      signal,
    });
    return {
      ...pruned,
      cutoff,
      stopped: signal?.aborted ?? false,
      partitionsCreated,
    };
  }
}
