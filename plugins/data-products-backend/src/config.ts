import { Config, readDurationFromConfig } from '@backstage/config';
import {
  CostSettings,
  DEFAULT_SCORING_WINDOW_DAYS,
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
import { DAY_MS, durationMilliseconds } from './service/retention/runRetention';

type Duration = ReturnType<typeof readDurationFromConfig>;

const NOTIFICATIONS_KEY = 'stockroom.lifecycle.notifications';
const CONTRACT_HISTORY_KEY = 'stockroom.contracts.history';
const SCORING_KEY = 'stockroom.scoring';
const INGESTION_KEY = 'stockroom.ingestion';
const RETENTION_KEY = 'stockroom.runs.retention';
const PRUNING_FREQUENCY_KEY = 'stockroom.runs.pruning.frequency';
const INVENTORY_SYNC_KEY = 'stockroom.inventory.sync';

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
    /** `stockroom.scoring.rescore`: products with new runs, rescored soon after. */
    rescore: {
      frequency: Duration;
    };
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
  /** `stockroom.inventory.sync`: how the inventory's read model follows the catalog. */
  inventorySync: {
    /** How often the task `data-products-inventory-sync` passes. */
    frequency: Duration;
    /** After how long a pass reads every product again, changed or not. */
    fullPass: Duration;
    fullPassMs: number;
  };
  /** `stockroom.runs.retention` and `.pruning`: how long runs are kept. */
  runsRetention: {
    /** As configured (logs and docs say it so). */
    retention: Duration;
    /** The same in milliseconds: runs older than this are pruned. */
    retentionMs: number;
    /** How often the task `data-products-runs-retention` prunes. */
    pruningFrequency: Duration;
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
  const rescoreFrequencyKey = `${SCORING_KEY}.rescore.frequency`;
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
  const runsRetention = readRunsRetention(config, {
    windowDays: windowDays ?? DEFAULT_SCORING_WINDOW_DAYS,
    historyDays,
  });
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
      // Every product is snapshotted once a day; products with new runs
      // are recomputed each period if the rescoring task has not yet.
      frequency: config.has(scoringFrequencyKey)
        ? readDurationFromConfig(config, { key: scoringFrequencyKey })
        : { minutes: 10 },
      windowDays,
      thresholds,
      abortCountsAsFailure:
        config.getOptionalBoolean('stockroom.runs.abortCountsAsFailure') ??
        false,
      minRefreshIntervalSeconds,
      rescore: {
        // A pass with no new runs is one indexed query; with some, it costs
        // their products' rescoring. 15 s keeps run → score well under a
        // minute (one period, the scheduler's 5 s check, the rescore).
        frequency: config.has(rescoreFrequencyKey)
          ? readDurationFromConfig(config, { key: rescoreFrequencyKey })
          : { seconds: 15 },
      },
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
    inventorySync: readInventorySync(config),
    runsRetention,
  };
}

/**
 * `stockroom.inventory.sync.frequency` (default 15 s: a catalog edit shows in
 * the inventory within a pass of being processed) and `.fullPass` (default
 * hourly: what an entity's etag cannot show, such as a consumer's new owner).
 */
function readInventorySync(
  config: Config,
): DataProductsConfig['inventorySync'] {
  const read = (key: string, fallback: Duration, example: string) => {
    const fullKey = `${INVENTORY_SYNC_KEY}.${key}`;
    const duration = config.has(fullKey)
      ? readDurationFromConfig(config, { key: fullKey })
      : fallback;
    if (!(durationMilliseconds(duration) > 0)) {
      throw new Error(
        `${fullKey} is ${JSON.stringify(
          duration,
        )}; it must be a duration longer than 0, e.g. ${example}`,
      );
    }
    return duration;
  };
  const fullPass = read('fullPass', { hours: 1 }, '{ hours: 1 }');
  return {
    frequency: read('frequency', { seconds: 15 }, '{ seconds: 15 }'),
    fullPass,
    fullPassMs: durationMilliseconds(fullPass),
  };
}

/** Default `stockroom.runs.retention`: a year and a month of runs to compare. */
const DEFAULT_RETENTION_DAYS = 400;

/**
 * `stockroom.runs.retention` (default 400 days) and
 * `stockroom.runs.pruning.frequency` (default hourly). The retention must
 * cover the oldest runs scoring reads: the history backfill scores each of
 * its past days over a window, from the start of today back
 * `historyDays + windowDays` days, so up to one day more than that sum
 * before now. A shorter retention would delete runs the scorecards are
 * computed from, so it stops start-up, naming the keys.
 */
function readRunsRetention(
  config: Config,
  scoring: { windowDays: number; historyDays: number },
): DataProductsConfig['runsRetention'] {
  const retention: Duration = config.has(RETENTION_KEY)
    ? readDurationFromConfig(config, { key: RETENTION_KEY })
    : { days: DEFAULT_RETENTION_DAYS };
  const retentionMs = durationMilliseconds(retention);
  const said = `${RETENTION_KEY} is ${JSON.stringify(retention)}`;
  if (!Number.isFinite(retentionMs) || retentionMs <= 0) {
    throw new Error(
      `${said}; it must be a duration longer than 0, e.g. { days: 400 }`,
    );
  }
  const minDays = scoring.windowDays + scoring.historyDays + 1;
  if (retentionMs < minDays * DAY_MS) {
    throw new Error(
      `${said} (${+(retentionMs / DAY_MS).toFixed(
        2,
      )} days); it must be at least ${minDays} days: stockroom.scoring.windowDays (${
        scoring.windowDays
      }) + stockroom.scoring.history.days (${
        scoring.historyDays
      }) + 1, the oldest runs the scorecards and their history are computed from`,
    );
  }
  const pruningFrequency: Duration = config.has(PRUNING_FREQUENCY_KEY)
    ? readDurationFromConfig(config, { key: PRUNING_FREQUENCY_KEY })
    : { hours: 1 };
  if (!(durationMilliseconds(pruningFrequency) > 0)) {
    throw new Error(
      `${PRUNING_FREQUENCY_KEY} is ${JSON.stringify(
        pruningFrequency,
      )}; it must be a duration longer than 0, e.g. { hours: 1 }`,
    );
  }
  return { retention, retentionMs, pruningFrequency };
}
