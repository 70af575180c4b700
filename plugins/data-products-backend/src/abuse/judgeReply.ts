import { ProbeReply, RequestProbe } from './RequestProbe';

/** What is wrong with a reply to a probe; empty when it is as expected. */
export function judgeReply(probe: RequestProbe, reply: ProbeReply): string[] {
  const wrong: string[] = [];
  if (reply.status >= 500) {
    wrong.push(`answered ${reply.status}: a server error`);
  }
  if (!/^application\/json\b/.test(reply.contentType ?? '')) {
    wrong.push(`answered ${reply.contentType ?? 'no Content-Type'}, not JSON`);
  }
  if (probe.orStoredWithWarning && reply.status === 200) {
    const warned = entryAt(reply.body?.warnings, probe.problem);
    if (!warned) wrong.push(`stored without a warning at ${probe.problem}`);
    return wrong;
  }
  const expected = [probe.status].flat();
  if (!expected.includes(reply.status)) {
    wrong.push(`answered ${reply.status}, not ${expected.join(' or ')}`);
  }
  const message = reply.body?.error?.message;
  if (typeof message !== 'string') {
    wrong.push('has no error.message');
  }
  if (probe.problem !== undefined) {
    const entry = entryAt(reply.body?.problems, probe.problem);
    if (!entry) {
      wrong.push(`names no problem at ${probe.problem}`);
    } else if (!probe.message.test(entry.message)) {
      wrong.push(`problem at ${probe.problem} does not match ${probe.message}`);
    }
  } else if (typeof message === 'string' && !probe.message.test(message)) {
    wrong.push(`error.message does not match ${probe.message}`);
  }
  return wrong;
}

function entryAt(
  list: unknown,
  path: string | RegExp | undefined,
): { path: string; message: string } | undefined {
  if (!Array.isArray(list) || path === undefined) return undefined;
  return list.find(
    (entry: { path?: unknown }) =>
      typeof entry?.path === 'string' &&
      (typeof path === 'string' ? entry.path === path : path.test(entry.path)),
  ) as { path: string; message: string } | undefined;
}

/** A reply cut to what a reader of a failure needs. */
export function summarizeReply(reply: ProbeReply): string {
  const body = reply.body ?? {};
  const short = {
    error: body.error?.message,
    problems: body.problems?.slice?.(0, 3),
    warnings: body.warnings?.slice?.(0, 3),
  };
  return `${reply.status} ${JSON.stringify(short).slice(0, 600)}`;
}
