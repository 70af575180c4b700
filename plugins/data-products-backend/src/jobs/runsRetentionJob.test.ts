import { mockServices } from '@backstage/backend-test-utils';
import { PruneRunsResult, RunStore } from '../database/RunStore';
import { RUNS_RETENTION_TASK_ID, runsRetentionJob } from './runsRetentionJob';

const DAY_MS = 86_400_000;

function pruned(overrides: Partial<PruneRunsResult> = {}): PruneRunsResult {
  return {
    runs: 0,
    runEvents: 0,
    qualityChecks: 0,
    observedSchemas: 0,
    runSamples: 0,
    batches: 0,
    ...overrides,
  };
}

describe('runsRetentionJob', () => {
  const now = new Date('2026-07-05T12:00:00.000Z');

  function setUp(result: PruneRunsResult, created: string[] = []) {
    const calls: Array<{ cutoff: Date; batchSize?: number }> = [];
    const partitionCalls: Array<{ now: Date; monthsAhead: number }> = [];
    const store: Pick<RunStore, 'pruneRunsBefore' | 'createRunPartitions'> = {
      async pruneRunsBefore(cutoff, options) {
        calls.push({ cutoff, batchSize: options?.batchSize });
        return result;
      },
      async createRunPartitions(when, monthsAhead) {
        partitionCalls.push({ now: when, monthsAhead });
        return created;
      },
    };
    const logger = mockServices.logger.mock();
    const job = runsRetentionJob({
      store,
      retentionMs: 400 * DAY_MS,
      batchSize: 250,
      logger,
      frequency: { hours: 1 },
      clock: () => now,
    });
    return { job, logger, calls, partitionCalls };
  }

  it('is a global task at the configured frequency', () => {
    const { job } = setUp(pruned());
    expect(job.id).toBe(RUNS_RETENTION_TASK_ID);
    expect(RUNS_RETENTION_TASK_ID).toBe('data-products-runs-retention');
    expect(job.schedule).toEqual({
      scope: 'global',
      frequency: { hours: 1 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 1 },
    });
  });

  it('prunes what finished 400 days before its clock and logs the counts', async () => {
    const { job, logger, calls } = setUp(
      pruned({
        runs: 12,
        runEvents: 30,
        qualityChecks: 4,
        observedSchemas: 2,
        runSamples: 1,
        batches: 2,
      }),
    );

    const summary = await job.run();

    // 2026-07-05T12:00Z less 400 days.
    const cutoff = new Date('2025-05-31T12:00:00.000Z');
    expect(calls).toEqual([{ cutoff, batchSize: 250 }]);
    expect(summary).toEqual({
      ...pruned({
        runs: 12,
        runEvents: 30,
        qualityChecks: 4,
        observedSchemas: 2,
        runSamples: 1,
        batches: 2,
      }),
      cutoff,
      stopped: false,
      partitionsCreated: [],
    });
    expect(logger.info).toHaveBeenCalledWith(
      'Runs retention: deleted what finished before 2025-05-31T12:00:00.000Z: 12 runs, 30 OpenLineage events, 4 quality checks, 2 observed schemas, 1 liveness samples, in 2 batches',
    );
  });

  it('creates the coming two months of partitions first and says what it created and dropped', async () => {
    const { job, logger, partitionCalls } = setUp(
      pruned({
        runs: 7,
        batches: 1,
        monthsDropped: ['2025-03-01', '2025-04-01'],
      }),
      ['runs_m202609'],
    );

    await job.run();

    expect(partitionCalls).toEqual([{ now, monthsAhead: 2 }]);
    expect(logger.info).toHaveBeenCalledWith(
      'Runs retention: deleted what finished before 2025-05-31T12:00:00.000Z: 7 runs, 0 OpenLineage events, 0 quality checks, 0 observed schemas, 0 liveness samples, in 1 batches (whole months dropped: 2025-03, 2025-04); created the partitions runs_m202609',
    );
  });

  it('logs at info a pass that only created partitions', async () => {
    const { job, logger } = setUp(pruned(), ['runs_m202609']);
    await job.run();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('created the partitions runs_m202609'),
    );
  });

  it('logs a pass that found nothing at debug', async () => {
    const { job, logger } = setUp(pruned());
    await job.run();
    expect(logger.info).not.toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining('0 runs, 0 OpenLineage events'),
    );
  });

  it('warns when stopped before the end', async () => {
    const { job, logger } = setUp(pruned({ runs: 1000, batches: 1 }));
    const controller = new AbortController();
    controller.abort();
    const summary = await job.run(controller.signal);
    expect(summary.stopped).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /1000 runs, .* in 1 batches; stopped before the end, the rest is due next run$/,
      ),
    );
  });
});
