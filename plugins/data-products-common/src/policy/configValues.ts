/**
 * Small readers shared by the app-config parsers of -common
 * (`policyFromConfig`, `thresholdsFromConfig`, `fundingPolicyFromConfig`):
 * each collects every problem, naming the full key, rather than stopping at
 * the first, so a platform team fixes the file in one pass.
 */

/** Records one problem: the key, what is wrong, what is allowed. */
export type ConfigReport = (key: string, problem: string, allowed: string) => void;

/**
 * The value as a plain object; undefined for undefined or null (an empty YAML
 * section), reported for anything else that is not an object.
 */
export function objectAt(
  key: string,
  value: unknown,
  report: ConfigReport,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(key, describeValue(value), 'expected an object (a YAML mapping)');
    return undefined;
  }
  return value as Record<string, unknown>;
}

/** "is \"warning\"", "is a list", "is 1.5": the offending value, briefly. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'is a list';
  if (value === null) return 'is null';
  if (typeof value === 'object') return 'is an object';
  if (typeof value === 'string') return `is ${JSON.stringify(value)}`;
  return `is ${String(value)}`;
}
