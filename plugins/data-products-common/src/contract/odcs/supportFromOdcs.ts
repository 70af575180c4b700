import type { EscalationPath } from '../../kind/types';
import type { MappingFindings } from './findings';
import { compact, filledText, isObject, Json, shown, textOf } from './values';

const ESCALATION_SCOPES = new Set(['interactive', 'issues']);

/**
 * `support[]` → the escalation path: the channel is the first entry meant
 * for questions or problems (scope `interactive` or `issues`), else the
 * first entry, by its channel name or else its url; the on-call is the url
 * of the first `ticket` tool, where incidents are filed.
 */
export function supportFromOdcs(
  support: unknown,
  path: string,
  findings: MappingFindings,
): EscalationPath | undefined {
  if (support === undefined || support === null) {
    return undefined;
  }
  if (!Array.isArray(support)) {
    findings.warning(
      path,
      `is ${shown(
        support,
      )}, not a list of support channels: the escalation path is not mapped from it`,
    );
    return undefined;
  }
  const entries: Array<{ item: Json; reach?: string }> = [];
  support.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isObject(item)) {
      findings.warning(
        at,
        `is ${shown(item)}, not a support channel: it is ignored`,
      );
      return;
    }
    const reach = filledText(item.channel) ?? filledText(item.url);
    if (reach === undefined) {
      findings.warning(
        at,
        'has neither a channel nor a url: consumers could not reach anyone through it, so it is ignored',
      );
      return;
    }
    entries.push({ item, reach });
  });
  const channel = (
    entries.find(({ item }) =>
      ESCALATION_SCOPES.has(textOf(item.scope)?.toLowerCase() ?? ''),
    ) ?? entries[0]
  )?.reach;
  const onCall = entries
    .map(({ item }) => item)
    .find(
      item =>
        textOf(item.tool)?.toLowerCase() === 'ticket' && filledText(item.url),
    );
  const escalation = compact<EscalationPath>({
    channel,
    onCall: onCall ? filledText(onCall.url) : undefined,
  });
  return Object.keys(escalation).length > 0 ? escalation : undefined;
}
