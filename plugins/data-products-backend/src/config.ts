import { Config, readDurationFromConfig } from '@backstage/config';
import {
  StockroomPolicy,
  policyFromConfig,
} from '@stockroom/plugin-data-products-common';

type Duration = ReturnType<typeof readDurationFromConfig>;

const NOTIFICATIONS_KEY = 'stockroom.lifecycle.notifications';
const CONTRACT_HISTORY_KEY = 'stockroom.contracts.history';

/** How the plugin is configured; read once, at start-up. */
export interface DataProductsConfig {
  policy: StockroomPolicy;
  lifecycleNotifications: {
    enabled: boolean;
    frequency: Duration;
  };
  contractHistory: {
    frequency: Duration;
  };
}

/**
 * Reads `stockroom` from app-config. Throws on anything malformed, naming the
 * key, so the backend refuses to start rather than enforce or notify under a
 * policy nobody wrote (PolicyConfigError for `stockroom.categories`).
 */
export function readDataProductsConfig(config: Config): DataProductsConfig {
  const policy = policyFromConfig(config.getOptional('stockroom'));
  const frequencyKey = `${NOTIFICATIONS_KEY}.frequency`;
  const historyFrequencyKey = `${CONTRACT_HISTORY_KEY}.frequency`;
  return {
    policy,
    lifecycleNotifications: {
      enabled:
        config.getOptionalBoolean(`${NOTIFICATIONS_KEY}.enabled`) ?? true,
      // Hourly by default: the notices are about days, and each is sent once.
      frequency: config.has(frequencyKey)
        ? readDurationFromConfig(config, { key: frequencyKey })
        : { hours: 1 },
    },
    contractHistory: {
      // Contracts change with catalog processing, which takes minutes; a
      // change is recorded (and an incident opened) within one period of it.
      frequency: config.has(historyFrequencyKey)
        ? readDurationFromConfig(config, { key: historyFrequencyKey })
        : { minutes: 10 },
    },
  };
}
