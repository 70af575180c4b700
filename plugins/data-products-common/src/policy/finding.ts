import type { DataProductCategory } from '../kind/types';
import type { Enforcement, Finding, RuleId, Severity } from './types';

/** Where each finding's hint sends the reader. */
export const RULES_DOC = 'docs/categories-and-lifecycle.md';

/**
 * The severity a rule's findings carry at an enforcement; undefined when the
 * rule is off and must say nothing.
 */
export function severityOf(enforcement: Enforcement): Severity | undefined {
  if (enforcement === 'block') return 'error';
  if (enforcement === 'warn') return 'warning';
  return undefined;
}

/**
 * A finding of `ruleId` at the severity its enforcement calls for. Rules call
 * this once they know something is wrong, so "off" needs no check of its own.
 */
export function ruleFinding(
  ruleId: RuleId,
  enforcement: Enforcement,
  details: { message: string; path: string; why: string },
): Finding[] {
  const severity = severityOf(enforcement);
  return severity ? [notice(ruleId, severity, details)] : [];
}

/**
 * A finding at a fixed severity, for what time alone brings about (a view
 * expiring, a sunset passing). Those must never block: a rejected entity would
 * keep its old state label forever, and nobody changed the file.
 */
export function notice(
  ruleId: RuleId,
  severity: Severity,
  details: { message: string; path: string; why: string },
): Finding {
  return {
    ruleId,
    severity,
    message: details.message,
    path: details.path,
    hint: `${details.why} See ${RULES_DOC}#${ruleId}.`,
  };
}

const CATEGORY_PLURAL: Record<DataProductCategory, string> = {
  'core-entity': 'core entities',
  'shared-mart': 'shared marts',
  'convenience-view': 'convenience views',
};

/** "core entities", "shared marts", … for messages; falls back to the raw value. */
export function categoryPlural(category: unknown): string {
  return (
    CATEGORY_PLURAL[category as DataProductCategory] ?? `${category} products`
  );
}
