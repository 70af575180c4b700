import { parseEntityRef } from '@backstage/catalog-model';
import { categoryPlural, notice, severityOf } from '../finding';
import type { CategoryPolicy, Finding, Severity } from '../types';

const RULE = 'funding-follows-reuse';
const PATH = 'spec.cost.fundedBy';
const WHY =
  'If many teams benefit from a product, finance it centrally; if one team benefits, it pays (dataproduct-spec.md "Freshness versus cost").';
/** Consuming groups named in a message; the rest are counted. */
const SHOWN = 5;

/**
 * Who counts as a central funder and how many teams are "many". Read from
 * app-config by `fundingPolicyFromConfig`.
 *
 * @public
 */
export interface FundingPolicy {
  /** Consuming owner groups (other than the owner) from which central funding is expected. */
  manyTeams: number;
  /** Full group refs (`group:default/data-platform`) that fund centrally. */
  centralFunders: readonly string[];
}

/** @public */
export const DEFAULT_FUNDING_POLICY: FundingPolicy = Object.freeze({
  manyTeams: 3,
  centralFunders: Object.freeze([]) as readonly string[],
});

/**
 * What the rule needs to know of one product. Refs are full entity refs
 * (`group:default/identity`); the catalog's relations give them so.
 *
 * @public
 */
export interface FundingFacts {
  category: string | null;
  /** The product's owner. */
  owner: string | null;
  /** `spec.cost.fundedBy`, as a full ref; null when not declared. */
  fundedBy: string | null;
  /**
   * The owners of the entities that depend on the product, one per
   * consuming entity (repeats are fine). Owners that are not Groups do not
   * count as teams.
   */
  consumerOwners: readonly string[];
}

/**
 * The verdict of `funding-follows-reuse` on one product:
 * - `follows` / `breaks` what the rule expects (`expects`);
 * - `unknown`: central funding is expected but no central funder is
 *   configured, so no funder can be judged right or wrong;
 * - `no-expectation`: neither many teams nor exactly one other team consume it;
 * - `off`: the rule is off for the product's category (or it has none).
 *
 * @public
 */
export interface FundingVerdict {
  verdict: 'follows' | 'breaks' | 'unknown' | 'no-expectation' | 'off';
  expects: 'central' | 'consuming-team' | null;
  /** The funders that would satisfy the rule; empty when nothing is expected. */
  expectedFunders: string[];
  /** Distinct owner groups of the consumers, other than the product's owner, sorted. */
  consumingGroups: string[];
  /** The finding's severity when the verdict is `breaks`; null otherwise. */
  severity: Severity | null;
  /** The verdict in words, naming the funder and the fix. */
  message: string;
  /** The finding when the verdict is `breaks`; null otherwise. */
  finding: Finding | null;
}

/**
 * `funding-follows-reuse`: a product consumed by `manyTeams` or more owner
 * groups other than its own should be funded by one of the central funders
 * (at the category's enforcement: a warning by default); one consumed by one
 * other team only should be funded by that team (always `info`: a
 * suggestion, the team may have reasons). It needs the consumers' owners,
 * which only the catalog knows, so the inventory judges it rather than the
 * processor, and it never rejects an entity.
 *
 * @public
 */
export function judgeFunding(
  facts: FundingFacts,
  categoryPolicy: CategoryPolicy | undefined,
  policy: FundingPolicy,
): FundingVerdict {
  const consumingGroups = otherGroups(facts.consumerOwners, facts.owner);
  const enforcement = categoryPolicy?.rules[RULE] ?? 'off';
  const base = { consumingGroups, finding: null, severity: null };
  if (enforcement === 'off') {
    return {
      ...base,
      verdict: 'off',
      expects: null,
      expectedFunders: [],
      message: facts.category
        ? `${RULE} is off for ${categoryPlural(facts.category)}`
        : `${RULE} applies by category, and the product declares none`,
    };
  }

  const teams = teamsText(consumingGroups);
  const declared = facts.fundedBy
    ? `${PATH} is ${facts.fundedBy}`
    : `${PATH} is missing`;

  if (consumingGroups.length >= policy.manyTeams) {
    const funders = [...policy.centralFunders];
    const expectation = {
      expects: 'central' as const,
      expectedFunders: funders,
    };
    if (funders.length === 0) {
      return {
        ...base,
        ...expectation,
        verdict: 'unknown',
        message: `${teams} consume it, so it should be funded centrally, but no central funder is configured: list them in stockroom.costs.centralFunders`,
      };
    }
    if (facts.fundedBy && includesRef(funders, facts.fundedBy)) {
      return {
        ...base,
        ...expectation,
        verdict: 'follows',
        message: `${teams} consume it, and ${facts.fundedBy} funds it centrally`,
      };
    }
    return breaks(expectation, consumingGroups, severityOf(enforcement)!, {
      message: `${declared}, but ${teams} consume it: fund it centrally — set fundedBy to ${oneOf(
        funders,
      )}`,
    });
  }

  if (consumingGroups.length === 1) {
    const [team] = consumingGroups;
    const expectation = {
      expects: 'consuming-team' as const,
      expectedFunders: [team],
    };
    if (facts.fundedBy && sameRef(facts.fundedBy, team)) {
      return {
        ...base,
        ...expectation,
        verdict: 'follows',
        message: `Only ${team} consumes it, and funds it`,
      };
    }
    // A suggestion, whatever the enforcement: the one team may have reasons.
    return breaks(expectation, consumingGroups, 'info', {
      message: `${declared}, but only ${team} consumes it: that team should fund it — set fundedBy to ${team}`,
    });
  }

  return {
    ...base,
    verdict: 'no-expectation',
    expects: null,
    expectedFunders: [],
    message:
      consumingGroups.length === 0
        ? 'No team other than its owner consumes it: no funder is expected'
        : `${teams} consume it: fewer than ${policy.manyTeams} for central funding, more than one to pay alone, so no funder is expected`,
  };
}

function breaks(
  expectation: Pick<FundingVerdict, 'expects' | 'expectedFunders'>,
  consumingGroups: string[],
  severity: Severity,
  details: { message: string },
): FundingVerdict {
  const finding = notice(RULE, severity, {
    message: details.message,
    path: PATH,
    why: WHY,
  });
  return {
    ...expectation,
    verdict: 'breaks',
    consumingGroups,
    severity,
    message: details.message,
    finding,
  };
}

/** Distinct Group owners other than `owner`, sorted; refs compare case-insensitively. */
function otherGroups(
  owners: readonly string[],
  owner: string | null,
): string[] {
  const groups = new Map<string, string>();
  const own = owner === null ? undefined : refKey(owner);
  for (const ref of owners) {
    const key = refKey(ref);
    if (key === undefined || key === own || !key.startsWith('group:')) continue;
    if (!groups.has(key)) groups.set(key, ref);
  }
  return [...groups.keys()].sort().map(key => groups.get(key)!);
}

/** `group:default/identity`, lower-cased; undefined for what is no entity ref. */
function refKey(ref: string): string | undefined {
  try {
    const { kind, namespace, name } = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function sameRef(a: string, b: string): boolean {
  const key = refKey(a);
  return key !== undefined && key === refKey(b);
}

function includesRef(refs: readonly string[], ref: string): boolean {
  return refs.some(candidate => sameRef(candidate, ref));
}

/** "3 teams other than its owner (group:a, group:b, group:c)". */
function teamsText(groups: string[]): string {
  const shown = groups.slice(0, SHOWN).join(', ');
  const more = groups.length > SHOWN ? `, … ${groups.length - SHOWN} more` : '';
  const count = groups.length === 1 ? '1 team' : `${groups.length} teams`;
  return `${count} other than its owner (${shown}${more})`;
}

function oneOf(refs: string[]): string {
  return refs.length === 1 ? refs[0] : `one of ${refs.join(', ')}`;
}
