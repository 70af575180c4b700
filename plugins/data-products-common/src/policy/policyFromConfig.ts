import { DATA_PRODUCT_CATEGORIES } from '../kind/constants';
import type { DataProductCategory } from '../kind/types';
import {
  describeValue as got,
  objectAt,
  type ConfigReport,
} from './configValues';
import { DEFAULT_POLICY } from './defaults';
import { PolicyConfigError, PolicyConfigIssue } from './PolicyConfigError';
import { ENFORCEMENTS, RULE_IDS, isRuleId } from './ruleIds';
import type { CategoryPolicy, Enforcement, StockroomPolicy } from './types';

type SwitchSetting =
  | 'requireP99'
  | 'requireOnCall'
  | 'breakingChangeAsNewEntity';
type DaySetting = Exclude<keyof CategoryPolicy, 'rules' | SwitchSetting>;
type Report = ConfigReport;

// The smallest sensible value of each day count: a view must live at least a
// day and be reviewed at least daily; a zero warning window switches warning off.
const DAY_MINIMUMS: Record<DaySetting, number> = {
  expiryDays: 1,
  expiringWindowDays: 0,
  reviewIntervalDays: 1,
  sunsetWarningDays: 0,
};
const DAY_SETTINGS = Object.keys(DAY_MINIMUMS) as DaySetting[];
const SWITCH_SETTINGS: SwitchSetting[] = [
  'requireP99',
  'requireOnCall',
  'breakingChangeAsNewEntity',
];
const CATEGORY_SETTINGS = ['rules', ...DAY_SETTINGS, ...SWITCH_SETTINGS];

/**
 * The policy in force: the defaults with app-config's
 * `stockroom.categories.<category>` settings merged over them. Pass the plain
 * value under `stockroom` (e.g. `config.getOptional('stockroom')`); undefined
 * gives {@link DEFAULT_POLICY}. Other keys under `stockroom` belong to other
 * features and are left alone.
 *
 * @throws PolicyConfigError naming each malformed key and its allowed values.
 * @public
 */
export function policyFromConfig(stockroomConfig: unknown): StockroomPolicy {
  const issues: PolicyConfigIssue[] = [];
  const report: Report = (key, problem, allowed) =>
    issues.push({ key, message: `${key} ${problem}; ${allowed}` });

  const categories = Object.fromEntries(
    DATA_PRODUCT_CATEGORIES.map(category => [
      category,
      copyOf(DEFAULT_POLICY.categories[category]),
    ]),
  ) as Record<DataProductCategory, CategoryPolicy>;

  const root = objectAt('stockroom', stockroomConfig, report);
  const configured = objectAt('stockroom.categories', root?.categories, report);

  for (const [category, settings] of Object.entries(configured ?? {})) {
    const key = `stockroom.categories.${category}`;
    if (!isCategory(category)) {
      report(
        key,
        'is not a category',
        `allowed categories are ${DATA_PRODUCT_CATEGORIES.join(', ')}`,
      );
      continue;
    }
    mergeCategory(key, settings, categories[category], report);
  }

  if (issues.length > 0) {
    throw new PolicyConfigError(issues);
  }
  return { categories };
}

function mergeCategory(
  key: string,
  settings: unknown,
  into: CategoryPolicy,
  report: Report,
) {
  const values = objectAt(key, settings, report) ?? {};
  for (const [name, value] of Object.entries(values)) {
    const settingKey = `${key}.${name}`;
    if (name === 'rules') {
      mergeRules(settingKey, value, into, report);
    } else if (isDaySetting(name)) {
      const min = DAY_MINIMUMS[name];
      if (!Number.isInteger(value) || (value as number) < min) {
        report(
          settingKey,
          got(value),
          `allowed values are whole numbers of days ≥ ${min}`,
        );
      } else {
        into[name] = value as number;
      }
    } else if (isSwitchSetting(name)) {
      if (typeof value !== 'boolean') {
        report(settingKey, got(value), 'allowed values are true, false');
      } else {
        into[name] = value;
      }
    } else {
      report(
        settingKey,
        'is not a setting',
        `allowed settings are ${CATEGORY_SETTINGS.join(', ')}`,
      );
    }
  }
  // Checked after merging: either number may come from the defaults.
  if (into.expiringWindowDays >= into.expiryDays) {
    report(
      `${key}.expiringWindowDays`,
      got(into.expiringWindowDays),
      `allowed values are whole numbers of days below expiryDays (${into.expiryDays}), or a view would be expiring from the day it is renewed`,
    );
  }
}

function mergeRules(
  key: string,
  rules: unknown,
  into: CategoryPolicy,
  report: Report,
) {
  for (const [ruleId, enforcement] of Object.entries(
    objectAt(key, rules, report) ?? {},
  )) {
    const ruleKey = `${key}.${ruleId}`;
    if (!isRuleId(ruleId)) {
      report(
        ruleKey,
        'is not a rule id',
        `allowed rule ids are ${RULE_IDS.join(', ')}`,
      );
    } else if (!isEnforcement(enforcement)) {
      // YAML 1.1 loaders read a bare `off` as false; say so, it is baffling otherwise.
      const quoting = enforcement === false ? ' (write "off" in quotes)' : '';
      report(
        ruleKey,
        got(enforcement),
        `allowed values are ${ENFORCEMENTS.join(', ')}${quoting}`,
      );
    } else {
      into.rules[ruleId] = enforcement;
    }
  }
}

function copyOf(policy: CategoryPolicy): CategoryPolicy {
  return { ...policy, rules: { ...policy.rules } };
}

function isCategory(value: string): value is DataProductCategory {
  return (DATA_PRODUCT_CATEGORIES as readonly string[]).includes(value);
}

function isDaySetting(value: string): value is DaySetting {
  return (DAY_SETTINGS as string[]).includes(value);
}

function isSwitchSetting(value: string): value is SwitchSetting {
  return (SWITCH_SETTINGS as string[]).includes(value);
}

function isEnforcement(value: unknown): value is Enforcement {
  return (ENFORCEMENTS as readonly unknown[]).includes(value);
}
