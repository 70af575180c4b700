import {
  ContractHistoryJob,
  ContractHistorySummary,
} from '../service/contracts/ContractHistoryJob';
import { ConfiguredJobOptions, globalJob, ScheduledJob } from './ScheduledJob';

/** Id of the scheduled task that records contract versions and opens drift incidents. */
export const CONTRACT_HISTORY_TASK_ID = 'data-products-contract-history';

/**
 * Records each product's contract when it changed, and opens an incident
 * for a breaking change without its major bump, every
 * `stockroom.contracts.history.frequency`. The store's unique keys keep
 * versions and incidents single even if two runs ever overlap.
 */
export function contractHistoryJob(
  options: ConstructorParameters<typeof ContractHistoryJob>[0] &
    ConfiguredJobOptions,
): ScheduledJob<ContractHistorySummary> {
  return globalJob({
    ...options,
    id: CONTRACT_HISTORY_TASK_ID,
    timeout: { minutes: 15 },
    work: new ContractHistoryJob(options),
    report: summary => ({
      level:
        summary.firstSightings + summary.changed + summary.failed > 0
          ? 'info'
          : 'debug',
      message: `Contract history: ${summary.products} products, ${summary.firstSightings} first seen, ${summary.changed} changed, ${summary.incidentsOpened} incidents opened, ${summary.unchanged} unchanged, ${summary.failed} failed`,
    }),
  });
}
