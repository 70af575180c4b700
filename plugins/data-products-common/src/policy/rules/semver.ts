import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { categoryPlural, ruleFinding } from '../finding';
import type { CategoryPolicy, Finding } from '../types';
import { isFilled } from './text';

const WHY =
  'The major version is how consumers learn of breaking changes; the CLI compares it across contract changes.';

/**
 * `semver`: spec.version is present. Its MAJOR.MINOR.PATCH format is a
 * schema check, so a malformed version is reported once, by the schema.
 *
 * @public
 */
export function checkSemver(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  _now: Date,
): Finding[] {
  if (isFilled(entity.spec?.version)) {
    return [];
  }
  return ruleFinding('semver', categoryPolicy.rules.semver, {
    path: 'spec.version',
    message: `spec.version is missing: ${categoryPlural(
      entity.spec?.category,
    )} version their contract — add e.g. \`version: 1.0.0\``,
    why: WHY,
  });
}
