import { mockServices } from '@backstage/backend-test-utils';
import { ScheduledJob } from './ScheduledJob';
import { scheduleJobs } from './scheduleJobs';

describe('scheduleJobs', () => {
  it('registers each job under its id and schedule, running it when the scheduler calls', async () => {
    const scheduler = mockServices.scheduler.mock();
    const ran: Array<{ id: string; signal?: AbortSignal }> = [];
    const job = (id: string): ScheduledJob<string> => ({
      id,
      schedule: {
        scope: 'global',
        frequency: { minutes: 10 },
        timeout: { minutes: 5 },
        initialDelay: { minutes: 1 },
      },
      async run(signal) {
        ran.push({ id, signal });
        return `${id} done`;
      },
    });

    await scheduleJobs(
      scheduler,
      [job('first'), job('second')],
      mockServices.logger.mock(),
    );

    const tasks = scheduler.scheduleTask.mock.calls.map(([task]) => task);
    expect(tasks).toEqual([
      {
        id: 'first',
        scope: 'global',
        frequency: { minutes: 10 },
        timeout: { minutes: 5 },
        initialDelay: { minutes: 1 },
        fn: expect.any(Function),
      },
      expect.objectContaining({ id: 'second' }),
    ]);
    const signal = new AbortController().signal;
    // The scheduler wants nothing back from a task.
    await expect(tasks[1].fn(signal)).resolves.toBeUndefined();
    expect(ran).toEqual([{ id: 'second', signal }]);
  });
});
