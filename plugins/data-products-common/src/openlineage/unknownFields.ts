import { didYouMean } from '../kind/suggest';
import { ProblemList, child } from './checks';

/**
 * `is not a run field: did you mean \`watermark\`? the fields are product,
 * runId, …`. A misspelt field must not be dropped in silence: a producer
 * would believe it reported a watermark it never did.
 */
export function unknownFieldMessage(
  key: string,
  allowed: readonly string[],
  what: string,
): string {
  const suggestion = didYouMean(key, allowed);
  return `is not ${what} field: ${
    suggestion ? `did you mean \`${suggestion}\`? ` : ''
  }the fields are ${allowed.join(', ')}`;
}

/** A problem for every member of `value` not among `allowed`. */
export function checkKnownFields(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  what: string,
  problems: ProblemList,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.add(child(path, key), unknownFieldMessage(key, allowed, what));
    }
  }
}
