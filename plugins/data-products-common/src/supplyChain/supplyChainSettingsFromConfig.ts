/**
 * The supply-chain settings in force: the spec's defaults with app-config's
 * `stockroom.supplyChain` merged over them.
 */
import {
  describeValue,
  objectAt,
  type ConfigReport,
} from '../policy/configValues';
import {
  PolicyConfigError,
  type PolicyConfigIssue,
} from '../policy/PolicyConfigError';
import {
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  type SupplyChainSettings,
} from './settings';

const KEY = 'stockroom.supplyChain';

interface NumberRule {
  min: number;
  /** The bound itself is excluded. */
  exclusiveMin?: boolean;
  wholeNumber?: boolean;
  allowed: string;
}

const RULES: {
  [S in keyof SupplyChainSettings]: Record<
    keyof SupplyChainSettings[S],
    NumberRule
  >;
} = {
  volatility: {
    minRuns: {
      min: 2,
      wholeNumber: true,
      allowed: 'whole numbers of runs ≥ 2 (a spread needs two values)',
    },
    medium: {
      min: 0,
      exclusiveMin: true,
      allowed: 'coefficients of variation > 0',
    },
    high: {
      min: 0,
      exclusiveMin: true,
      allowed: 'coefficients of variation > 0',
    },
  },
  errorBudget: {
    burnRateAlert: {
      min: 0,
      exclusiveMin: true,
      allowed: 'burn rates > 0 (1 spends the budget exactly over the window)',
    },
    burnRateMinRuns: {
      min: 1,
      wholeNumber: true,
      allowed: 'whole numbers of runs ≥ 1',
    },
  },
  tierAtRisk: {
    days: { min: 1, wholeNumber: true, allowed: 'whole numbers of days ≥ 1' },
  },
};

/**
 * Pass the plain value under `stockroom`, as to `thresholdsFromConfig`;
 * undefined gives {@link DEFAULT_SUPPLY_CHAIN_SETTINGS}. Any setting may be
 * left out; the merged volatility grades must still rise (medium < high).
 *
 * @throws PolicyConfigError naming each malformed key and what is allowed.
 * @public
 */
export function supplyChainSettingsFromConfig(
  stockroomConfig: unknown,
): SupplyChainSettings {
  const issues: PolicyConfigIssue[] = [];
  const report: ConfigReport = (key, problem, allowed) =>
    issues.push({ key, message: `${key} ${problem}; ${allowed}` });
  const root = objectAt('stockroom', stockroomConfig, report);
  const configured = objectAt(KEY, root?.supplyChain, report) ?? {};

  const merged: Record<string, Record<string, number>> = {};
  for (const section of Object.keys(RULES) as Array<
    keyof SupplyChainSettings
  >) {
    merged[section] = { ...DEFAULT_SUPPLY_CHAIN_SETTINGS[section] };
  }
  for (const [section, value] of Object.entries(configured)) {
    const sectionKey = `${KEY}.${section}`;
    const rules = (RULES as Record<string, Record<string, NumberRule>>)[
      section
    ];
    if (!rules) {
      report(
        sectionKey,
        'is not a supply-chain setting',
        `allowed are ${Object.keys(RULES).join(', ')}`,
      );
      continue;
    }
    for (const [name, setting] of Object.entries(
      objectAt(sectionKey, value, report) ?? {},
    )) {
      const key = `${sectionKey}.${name}`;
      const rule = rules[name];
      if (!rule) {
        report(
          key,
          'is not a setting',
          `allowed are ${Object.keys(rules).join(', ')}`,
        );
      } else if (setting === undefined || setting === null) {
        continue;
      } else if (!isAllowed(setting, rule)) {
        report(key, describeValue(setting), `allowed are ${rule.allowed}`);
      } else {
        merged[section][name] = setting as number;
      }
    }
  }
  const { medium, high } = merged.volatility;
  if (!(medium < high)) {
    report(
      `${KEY}.volatility.high`,
      `is ${high}`,
      `it must be above volatility.medium (${medium})`,
    );
  }
  if (issues.length > 0) throw new PolicyConfigError(issues);
  return merged as unknown as SupplyChainSettings;
}

function isAllowed(value: unknown, rule: NumberRule): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.exclusiveMin ? value > rule.min : value >= rule.min) &&
    (!rule.wholeNumber || Number.isInteger(value))
  );
}
