import { Config, readDurationFromConfig } from '@backstage/config';
import {
  CostSettings,
  FundingPolicy,
  ScoreThresholds,
  StockroomPolicy,
  SupplyChainSettings,
  costSettingsFromConfig,
  fundingPolicyFromConfig,
  policyFromConfig,
  supplyChainSettingsFromConfig,
  thresholdsFromConfig,
} from '@stockroom/plugin-data-products-common';

type Duration = ReturnType<typeof readDurationFromConfig>;

const NOTIFICATIONS_KEY = 'stockroom.lifecycle.notifications';
const CONTRACT_HISTORY_KEY = 'stockroom.contracts.history';
const SCORING_KEY = 'stockroom.scoring';
const INGESTION_KEY = 'stockroom.ingestion';

/** How the plugin is configured; read once, at start-up. */
export interface DataProductsConfig {
  policy: StockroomPolicy;
  /** `stockroom.costs`: the settings of rule funding-follows-reuse. */
  funding: FundingPolicy;
  /** `stockroom.costs.tierMultipliers` and `tierTypicalP95`: unit-cost estimates. */
  costs: CostSettings;
  /** `stockroom.supplyChain`: volatility, error-budget and tier-at-risk thresholds. */
  supplyChain: SupplyChainSettings;
  lifecycleNotifications: {
    enabled: boolean;
    frequency: Duration;
  };
  contractHistory: {
    frequency: Duration;
  };
  scoring: {
    enabled: boolean;
    frequency: Duration;
    windowDays?: number;
    /** `stockroom.scoring.thresholds` over the spec's defaults. */
    thresholds: ScoreThresholds;
    /** `stockroom.runs.abortCountsAsFailure`: an ABORTed run is a failure. */
    abortCountsAsFailure: boolean;
    /** Least seconds between two manual refreshes of one scorecard. */
    minRefreshIntervalSeconds?: number;
    /** `stockroom.scoring.history`: past daily snapshots computed from stored runs. */
    history: {
      /** Past days computed; 0: none. */
      days: number;
      frequency: Duration;
    };
  };
  ingestion: {
    bodyLimit?: string;
  };
}

/**
 * Reads `stockroom` from app-config. Throws on anything malformed, naming the
 * key, so the backend refuses to start rather than enforce or notify under a
 * policy nobody wrote (PolicyConfigError for `stockroom.categories`).
 */
export function readDataProductsConfig(config: Config): DataProductsConfig {
  const stockroom = config.getOptional('stockroom');
  const policy = policyFromConfig(stockroom);
  const funding = fundingPolicyFromConfig(stockroom);
  const thresholds = thresholdsFromConfig(stockroom);
  const costs = costSettingsFromConfig(stockroom);
  const supplyChain = supplyChainSettingsFromConfig(stockroom);
  const frequencyKey = `${NOTIFICATIONS_KEY}.frequency`;
  const historyFrequencyKey = `${CONTRACT_HISTORY_KEY}.frequency`;
  const scoringFrequencyKey = `${SCORING_KEY}.frequency`;
  const windowDays = config.getOptionalNumber(`${SCORING_KEY}.windowDays`);
  if (
    windowDays !== undefined &&
    (!Number.isInteger(windowDays) || windowDays < 1)
  ) {
    throw new Error(
      `${SCORING_KEY}.windowDays is ${windowDays}; it must be a whole number of days, at least 1`,
    );
  }
  const historyDaysKey = `${SCORING_KEY}.history.days`;
  const historyDays = config.getOptionalNumber(historyDaysKey) ?? 90;
  if (!Number.isInteger(historyDays) || historyDays < 0) {
    throw new Error(
      `${historyDaysKey} is ${historyDays}; it must be a whole number of days, 0 or more (0: no history computed)`,
    );
  }
  const historyPassKey = `${SCORING_KEY}.history.frequency`;
  const minRefreshIntervalSeconds = config.getOptionalNumber(
    `${SCORING_KEY}.minRefreshIntervalSeconds`,
  );
  if (
    minRefreshIntervalSeconds !== undefined &&
    !(
      Number.isFinite(minRefreshIntervalSeconds) &&
      minRefreshIntervalSeconds >= 0
    )
  ) {
    throw new Error(
      `${SCORING_KEY}.minRefreshIntervalSeconds is ${minRefreshIntervalSeconds}; it must be a number of seconds, 0 or more (0: no limit)`,
    );
  }
  return {
    policy,
    funding,
    costs,
    supplyChain,
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
    scoring: {
      enabled: config.getOptionalBoolean(`${SCORING_KEY}.enabled`) ?? true,
      // Incremental: only products with new runs are recomputed each period,
      // and every product is snapshotted once a day.
      frequency: config.has(scoringFrequencyKey)
        ? readDurationFromConfig(config, { key: scoringFrequencyKey })
        : { minutes: 10 },
      windowDays,
      thresholds,
      abortCountsAsFailure:
        config.getOptionalBoolean('stockroom.runs.abortCountsAsFailure') ??
        false,
      minRefreshIntervalSeconds,
      history: {
        days: historyDays,
        // A pass that finds nothing changed is two small queries and a
        // catalog read, so late runs reach the trends within minutes.
        frequency: config.has(historyPassKey)
          ? readDurationFromConfig(config, { key: historyPassKey })
          : { minutes: 2 },
      },
    },
    ingestion: {
      bodyLimit: config.getOptionalString(`${INGESTION_KEY}.bodyLimit`),
    },
  };
}
