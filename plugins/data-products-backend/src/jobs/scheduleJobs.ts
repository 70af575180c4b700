import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ScheduledJob } from './ScheduledJob';

/** Registers every job with the scheduler, under its own id and schedule. */
export async function scheduleJobs(
  scheduler: SchedulerService,
  jobs: readonly ScheduledJob[],
  logger: LoggerService,
): Promise<void> {
  for (const job of jobs) {
    await scheduler.scheduleTask({
      id: job.id,
      ...job.schedule,
      fn: async signal => {
        await job.run(signal);
      },
    });
  }
  logger.debug(
    `Scheduled ${jobs.length} tasks: ${jobs.map(job => job.id).join(', ')}`,
  );
}
