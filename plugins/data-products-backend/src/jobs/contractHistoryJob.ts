import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import {
  ContractHistoryJob,
  ContractHistorySummary,
} from '../service/contracts/ContractHistoryJob';
import { FIRST_RUN_DELAY, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that records contract versions and opens drift incidents. */
export const CONTRACT_HISTORY_TASK_ID = 'data-products-contract-history';

/**
 * Records each product's contract when it changed, and opens an incident
 * for a breaking change without its major bump, every
 * `stockroom.contracts.history.frequency`.
 */
export function contractHistoryJob(
  options: ConstructorParameters<typeof ContractHistoryJob>[0] & {
    frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
    clock?: () => Date;
  },
): ScheduledJob<ContractHistorySummary> {
  const { logger, frequency, clock = () => new Date() } = options;
  const work = new ContractHistoryJob(options);
  return {
    id: CONTRACT_HISTORY_TASK_ID,
    schedule: {
      // One instance of a cluster runs it; the store's unique keys keep
      // versions and incidents single even if two runs ever overlap.
      scope: 'global',
      frequency,
      timeout: { minutes: 15 },
      initialDelay: FIRST_RUN_DELAY,
    },
    async run(signal) {
      const summary = await work.run(clock(), signal);
      const recorded =
        summary.firstSightings + summary.changed + summary.failed;
      logger[recorded > 0 ? 'info' : 'debug'](
        `Contract history: ${summary.products} products, ${summary.firstSightings} first seen, ${summary.changed} changed, ${summary.incidentsOpened} incidents opened, ${summary.unchanged} unchanged, ${summary.failed} failed`,
      );
      return summary;
    },
  };
}
