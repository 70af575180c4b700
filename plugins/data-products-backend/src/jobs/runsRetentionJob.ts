import { LoggerService } from '@backstage/backend-plugin-api';
import {
  RunsRetention,
  RunsRetentionSummary,
} from '../service/retention/RunsRetention';
import {
  ConfiguredJobOptions,
  globalJob,
  RunReport,
  ScheduledJob,
} from './ScheduledJob';

/** Id of the scheduled task that deletes runs older than the retention. */
export const RUNS_RETENTION_TASK_ID = 'data-products-runs-retention';

/**
 * Deletes runs older than `stockroom.runs.retention` every
 * `stockroom.runs.pruning.frequency`, on one instance of a cluster at a
 * time (two overlapping passes are harmless: each deletion re-checks its
 * condition). A pass stopped by its timeout leaves the rest to the next.
 */
export function runsRetentionJob(
  options: ConstructorParameters<typeof RunsRetention>[0] &
    ConfiguredJobOptions & { logger: LoggerService },
): ScheduledJob<RunsRetentionSummary> {
  return globalJob({
    ...options,
    id: RUNS_RETENTION_TASK_ID,
    timeout: { minutes: 30 },
    work: new RunsRetention(options),
    report: runsRetentionReport,
  });
}

/** Info when it deleted something, warn when stopped early, debug otherwise. */
export function runsRetentionReport(summary: RunsRetentionSummary): RunReport {
  const deleted = [
    summary.runs,
    summary.runEvents,
    summary.qualityChecks,
    summary.observedSchemas,
    summary.runSamples,
  ].some(count => count > 0);
  const message = `Runs retention: deleted what finished before ${summary.cutoff.toISOString()}: ${
    summary.runs
  } runs, ${summary.runEvents} OpenLineage events, ${
    summary.qualityChecks
  } quality checks, ${summary.observedSchemas} observed schemas, ${
    summary.runSamples
  } liveness samples, in ${summary.batches} batches${
    summary.monthsDropped
      ? ` (whole months dropped: ${summary.monthsDropped
          .map(month => month.slice(0, 7))
          .join(', ')})`
      : ''
  }${
    summary.partitionsCreated.length > 0
      ? `; created the partitions ${summary.partitionsCreated.join(', ')}`
      : ''
  }${
    summary.stopped ? '; stopped before the end, the rest is due next run' : ''
  }`;
  if (summary.stopped) return { level: 'warn', message };
  const changed = deleted || summary.partitionsCreated.length > 0;
  return { level: changed ? 'info' : 'debug', message };
}
