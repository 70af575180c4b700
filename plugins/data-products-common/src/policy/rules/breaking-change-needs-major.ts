import { asText } from '../../contract/diff/change';
import { majorVersionOf } from '../../kind/majorVersion';
import { ruleFinding } from '../finding';
import type { CategoryPolicy, ContractChange, Finding } from '../types';

const WHY =
  'Consumers pin a major version; a breaking change inside one breaks them without warning. Core entities publish a new major as a new entity (e.g. -v3) alongside the old one, with spec.migration.fieldMapping.';

/**
 * `breaking-change-needs-major`: when a contract change is classified
 * breaking, spec.version must raise the major version. One finding for the
 * version, listing every breaking change, since bumping once fixes them all.
 * A version that is missing or not semver on either side cannot show a bump,
 * so it counts as none.
 *
 * @public
 */
export function checkBreakingChangeNeedsMajor(
  changes: ContractChange[],
  fromVersion: string | undefined,
  toVersion: string | undefined,
  categoryPolicy: CategoryPolicy,
): Finding[] {
  const breaking = changes.filter(change => change.kind === 'breaking');
  if (breaking.length === 0) {
    return [];
  }
  const from = majorVersionOf(fromVersion);
  const to = majorVersionOf(toVersion);
  if (from !== undefined && to !== undefined && to > from) {
    return [];
  }
  const listed = breaking
    .map(change => `${change.message} (${change.path})`)
    .join('; ');
  const count =
    breaking.length === 1
      ? 'a breaking change'
      : `${breaking.length} breaking changes`;
  const bump =
    from === undefined
      ? 'a new major version'
      : `e.g. \`version: ${from + 1}.0.0\``;
  return ruleFinding(
    'breaking-change-needs-major',
    categoryPolicy.rules['breaking-change-needs-major'],
    {
      path: 'spec.version',
      // asText: `stockroom diff` judges files before lint, and a version
      // may be any YAML value there.
      message: `spec.version goes from ${asText(
        fromVersion ?? '(none)',
      )} to ${asText(
        toVersion ?? '(none)',
      )} without a major bump, but the contract has ${count}: ${listed} — set ${bump}`,
      why: WHY,
    },
  );
}
