/**
 * The cost-estimate settings in force: `stockroom.costs.tierMultipliers`
 * and `stockroom.costs.tierTypicalP95` merged over the defaults. The other
 * keys under `stockroom.costs` belong to `fundingPolicyFromConfig`.
 */
import { FRESHNESS_TIERS } from '../kind/constants';
import { parseDuration } from '../kind/duration';
import type { FreshnessTier } from '../kind/types';
import {
  describeValue,
  objectAt,
  type ConfigReport,
} from '../policy/configValues';
import {
  PolicyConfigError,
  type PolicyConfigIssue,
} from '../policy/PolicyConfigError';
import { DEFAULT_COST_SETTINGS, type CostSettings } from './costSettings';

const KEY = 'stockroom.costs';

/**
 * Pass the plain value under `stockroom`, as to `fundingPolicyFromConfig`;
 * undefined gives {@link DEFAULT_COST_SETTINGS}. Any tier may be left out.
 *
 * @throws PolicyConfigError naming each malformed key and what is allowed.
 * @public
 */
export function costSettingsFromConfig(stockroomConfig: unknown): CostSettings {
  const issues: PolicyConfigIssue[] = [];
  const report: ConfigReport = (key, problem, allowed) =>
    issues.push({ key, message: `${key} ${problem}; ${allowed}` });
  const root = objectAt('stockroom', stockroomConfig, report);
  const costs = objectAt(KEY, root?.costs, report);

  const tierMultipliers = { ...DEFAULT_COST_SETTINGS.tierMultipliers };
  const tierTypicalP95 = { ...DEFAULT_COST_SETTINGS.tierTypicalP95 };

  readTiers(
    `${KEY}.tierMultipliers`,
    costs?.tierMultipliers,
    report,
    (tier, value, key) => {
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
        tierMultipliers[tier] = value;
      } else {
        report(
          key,
          describeValue(value),
          'allowed are numbers > 0, e.g. 1.5 for 1.5× the daily cost',
        );
      }
    },
  );
  readTiers(
    `${KEY}.tierTypicalP95`,
    costs?.tierTypicalP95,
    report,
    (tier, value, key) => {
      if (typeof value === 'string' && parseDuration(value) !== undefined) {
        tierTypicalP95[tier] = value;
      } else {
        report(
          key,
          describeValue(value),
          'allowed are durations: 45s, 30m, 2h, 1d',
        );
      }
    },
  );

  if (issues.length > 0) throw new PolicyConfigError(issues);
  return { tierMultipliers, tierTypicalP95 };
}

function readTiers(
  key: string,
  value: unknown,
  report: ConfigReport,
  read: (tier: FreshnessTier, value: unknown, key: string) => void,
) {
  for (const [tier, setting] of Object.entries(
    objectAt(key, value, report) ?? {},
  )) {
    if (!(FRESHNESS_TIERS as readonly string[]).includes(tier)) {
      report(
        `${key}.${tier}`,
        'is not a freshness tier',
        `allowed are ${FRESHNESS_TIERS.join(', ')}`,
      );
    } else if (setting !== undefined && setting !== null) {
      read(tier as FreshnessTier, setting, `${key}.${tier}`);
    }
  }
}
