import type { DataProductEntityV1alpha1 } from '../../kind/types';
import { categoryPlural, ruleFinding } from '../finding';
import type { CategoryPolicy, Finding } from '../types';
import { isFilled } from './text';

const WHY =
  'When the data is late or wrong, consumers must know where to ask without hunting for the team.';

/**
 * `escalation-path`: a channel for every product the rule applies to, and an
 * on-call rotation as well where the category policy says `requireOnCall`
 * (core entities by default, since others' pipelines page on them).
 *
 * @public
 */
export function checkEscalationPath(
  entity: DataProductEntityV1alpha1,
  categoryPolicy: CategoryPolicy,
  _now: Date,
): Finding[] {
  const enforcement = categoryPolicy.rules['escalation-path'];
  const category = entity.spec?.category;
  const escalation = entity.spec?.contract?.escalation;
  const needsOnCall = categoryPolicy.requireOnCall;
  // only a finding's message says it: not written for a product in order
  const promise = () =>
    needsOnCall
      ? `${categoryPlural(category)} name a channel and an on-call rotation`
      : `${categoryPlural(category)} name a channel consumers escalate to`;

  const findings: Finding[] = [];
  if (!isFilled(escalation?.channel)) {
    findings.push(
      ...ruleFinding('escalation-path', enforcement, {
        path: 'spec.contract.escalation.channel',
        message: `spec.contract.escalation.channel is missing: ${promise()} — add e.g. \`channel: "#identity-oncall"\``,
        why: WHY,
      }),
    );
  }
  if (needsOnCall && !isFilled(escalation?.onCall)) {
    findings.push(
      ...ruleFinding('escalation-path', enforcement, {
        path: 'spec.contract.escalation.onCall',
        message: `spec.contract.escalation.onCall is missing: ${promise()} — add e.g. \`onCall: pagerduty:identity-primary\``,
        why: WHY,
      }),
    );
  }
  return findings;
}
