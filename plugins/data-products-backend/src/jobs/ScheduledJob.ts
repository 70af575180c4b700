import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * One of the plugin's scheduled tasks: every job is this shape, defined in
 * this folder, and registered by {@link scheduleJobs}. The work itself is a
 * class in the service folder of what it works on (`AlertsJob`,
 * `ContractHistoryJob`, …), whose `run(now, signal)` returns what it did;
 * the job here says when it runs and how a run is logged.
 */
export interface ScheduledJob<Summary = unknown> {
  /**
   * The scheduler's task id, unchanged across releases: operators and
   * `POST /.backstage/scheduler/v1/tasks/:id/trigger` name it.
   */
  id: string;
  /** How often, for how long at most, and on one instance or every one. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /**
   * One run, at the job's clock; stops early when `signal` aborts (what is
   * left stays due). Resolves what it did, already logged.
   */
  run(signal?: AbortSignal): Promise<Summary>;
}

/** Every job waits this long after start-up: the catalog finishes starting first. */
export const FIRST_RUN_DELAY = { minutes: 1 };

/** How a run's summary is logged: the level and the line. */
export type RunReport = {
  level: 'debug' | 'info' | 'warn';
  message: string;
};

/**
 * A job run on one instance of a cluster at a configured frequency: its
 * work's `run(now, signal)` at the job's clock, the summary logged as
 * `report` says. What makes each effect once-only if two runs ever overlap
 * is the work's own (claims, unique keys), not the schedule.
 */
export function globalJob<Summary>(options: {
  id: string;
  frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
  timeout: SchedulerServiceTaskScheduleDefinition['timeout'];
  work: { run(now: Date, signal?: AbortSignal): Promise<Summary> };
  report(summary: Summary): RunReport;
  logger: LoggerService;
  clock?: () => Date;
}): ScheduledJob<Summary> {
  const { work, report, logger, clock = () => new Date() } = options;
  return {
    id: options.id,
    schedule: {
      scope: 'global',
      frequency: options.frequency,
      timeout: options.timeout,
      initialDelay: FIRST_RUN_DELAY,
    },
    async run(signal) {
      const summary = await work.run(clock(), signal);
      const { level, message } = report(summary);
      logger[level](message);
      return summary;
    },
  };
}

/** What each configured job takes besides its work's own options. */
export type ConfiguredJobOptions = {
  frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
  clock?: () => Date;
};
