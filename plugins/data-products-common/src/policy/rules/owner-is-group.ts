import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { ruleFinding } from '../finding';
import type { CategoryPolicy, Finding } from '../types';
import { isFilled } from './text';

const WHY =
  'A team outlives its members: consumers need an owner that is still there when someone changes jobs.';

/**
 * `owner-is-group`: spec.owner is a Group ref. Judged on the ref alone, as
 * catalog-model reads it (a ref without a kind means a Group here); whether
 * the group exists is the scorecard's ownership dimension.
 *
 * @public
 */
export function checkOwnerIsGroup(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  _now: Date,
): Finding[] {
  const enforcement = categoryPolicy.rules['owner-is-group'];
  const owner: unknown = entity.spec?.owner;
  if (!isFilled(owner)) {
    return ruleFinding('owner-is-group', enforcement, {
      path: 'spec.owner',
      message:
        'spec.owner is missing: every data product is owned by a Group — add e.g. `owner: group:identity-platform`',
      why: WHY,
    });
  }
  const kind = kindOfRef(owner);
  if (kind.toLocaleLowerCase('en-US') === 'group') {
    return [];
  }
  return ruleFinding('owner-is-group', enforcement, {
    path: 'spec.owner',
    message: `spec.owner ${owner} is a ${capitalize(
      kind,
    )}, not a Group: data products are owned by a team — set it to the owning team, e.g. \`owner: group:identity-platform\``,
    why: WHY,
  });
}

// `kind:namespace/name`, `kind:name`, `namespace/name` or `name`: the kind is
// whatever precedes the first colon; entity names cannot contain one.
function kindOfRef(ref: string): string {
  const colon = ref.indexOf(':');
  return colon > 0 ? ref.slice(0, colon) : 'Group';
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}
