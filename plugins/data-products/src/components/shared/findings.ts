import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_FINDINGS,
  bySeverity,
  isSeverity,
  type Finding,
} from '@stockroom/plugin-data-products-common';

/** A finding as far as the UI can rely on it: every field a string. */
export type DisplayedFinding = Omit<Finding, 'ruleId'> & { ruleId: string };

export type FindingsRead =
  | { status: 'ok'; findings: DisplayedFinding[] }
  | { status: 'unreadable' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function toFinding(value: unknown): DisplayedFinding | undefined {
  if (!value || typeof value !== 'object') {
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const message = text(raw.message);
  if (!message) {
    return undefined;
  }
  const severity = isSeverity(raw.severity) ? raw.severity : 'info';
  return {
    ruleId: text(raw.ruleId),
    severity,
    message,
    path: text(raw.path),
    hint: text(raw.hint),
  };
}

/**
 * The non-blocking findings the catalog processor wrote on the entity
 * (annotation `stockroom.io/findings`), errors first. The processor leaves
 * the annotation out when there are none. The browser never re-evaluates
 * rules; an unreadable annotation is reported, not guessed at.
 */
export function readFindings(entity: Entity): FindingsRead {
  const annotation = entity.metadata.annotations?.[ANNOTATION_FINDINGS];
  if (annotation === undefined || annotation === '') {
    return { status: 'ok', findings: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(annotation);
  } catch {
    return { status: 'unreadable' };
  }
  if (!Array.isArray(parsed)) {
    return { status: 'unreadable' };
  }
  const findings = parsed
    .map(toFinding)
    .filter((f): f is DisplayedFinding => f !== undefined)
    .sort(bySeverity);
  return { status: 'ok', findings };
}
