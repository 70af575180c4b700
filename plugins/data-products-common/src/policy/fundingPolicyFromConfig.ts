import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { describeValue, objectAt, type ConfigReport } from './configValues';
import { PolicyConfigError, type PolicyConfigIssue } from './PolicyConfigError';
import {
  DEFAULT_FUNDING_POLICY,
  type FundingPolicy,
} from './rules/funding-follows-reuse';

const KEY = 'stockroom.costs';

/**
 * The settings of `funding-follows-reuse` in force: app-config's
 * `stockroom.costs.manyTeams` (default 3) and `stockroom.costs.centralFunders`
 * (group refs, default none). Pass the plain value under `stockroom`, as to
 * `policyFromConfig`. Other keys under `stockroom.costs` belong to other
 * features and are left alone.
 *
 * @throws PolicyConfigError naming each malformed key and what is allowed.
 * @public
 */
export function fundingPolicyFromConfig(
  stockroomConfig: unknown,
): FundingPolicy {
  const issues: PolicyConfigIssue[] = [];
  const report: ConfigReport = (key, problem, allowed) =>
    issues.push({ key, message: `${key} ${problem}; ${allowed}` });
  const root = objectAt('stockroom', stockroomConfig, report);
  const costs = objectAt(KEY, root?.costs, report);

  let manyTeams = DEFAULT_FUNDING_POLICY.manyTeams;
  const many = costs?.manyTeams;
  if (many !== undefined && many !== null) {
    // Two at least: with one, "many teams" and "one team" would be the same.
    if (typeof many === 'number' && Number.isInteger(many) && many >= 2) {
      manyTeams = many;
    } else {
      report(
        `${KEY}.manyTeams`,
        describeValue(many),
        'allowed values are whole numbers of teams ≥ 2',
      );
    }
  }

  const centralFunders: string[] = [];
  const funders = costs?.centralFunders;
  if (funders !== undefined && funders !== null) {
    if (!Array.isArray(funders)) {
      report(
        `${KEY}.centralFunders`,
        describeValue(funders),
        'expected a list of group refs, e.g. [group:default/data-platform]',
      );
    } else {
      funders.forEach((funder, index) => {
        const ref = groupRef(funder);
        if (ref) centralFunders.push(ref);
        else {
          report(
            `${KEY}.centralFunders[${index}]`,
            describeValue(funder),
            'expected a group ref, e.g. group:default/data-platform or data-platform',
          );
        }
      });
    }
  }

  if (issues.length > 0) {
    throw new PolicyConfigError(issues);
  }
  return { manyTeams, centralFunders };
}

/** The full ref of a group (`data-platform` → `group:default/data-platform`); undefined for anything else. */
function groupRef(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return ref.kind.toLocaleLowerCase('en-US') === 'group'
      ? stringifyEntityRef(ref)
      : undefined;
  } catch {
    return undefined;
  }
}
