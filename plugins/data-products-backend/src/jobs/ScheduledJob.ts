import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';

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
