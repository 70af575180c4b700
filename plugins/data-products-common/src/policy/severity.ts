import type { Finding, Severity } from './types';

/**
 * The severities, most serious first: the one order every list of findings
 * is shown in (catalog annotation, CLI, lifecycle API, entity page).
 *
 * @public
 */
export const SEVERITIES: readonly Severity[] = Object.freeze([
  'error',
  'warning',
  'info',
]);

/** @public */
export function isSeverity(value: unknown): value is Severity {
  return (SEVERITIES as readonly unknown[]).includes(value);
}

/**
 * Compares two findings by severity, errors first. `Array#sort` is stable,
 * so findings of one severity keep their order (the spec's rule order).
 *
 * @public
 */
export function bySeverity(
  a: Pick<Finding, 'severity'>,
  b: Pick<Finding, 'severity'>,
): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}
