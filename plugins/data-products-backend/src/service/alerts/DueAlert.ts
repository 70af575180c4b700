import { createHash } from 'crypto';

/** The alerts the alerts task sends to a product's owner. */
export type AlertKind = 'sla-breach' | 'drift';

/** The `notifications_sent.dedupe_key` column's width. */
const MAX_DEDUPE_KEY_LENGTH = 512;

interface AlertBase {
  kind: AlertKind;
  /** Unique per alert: what makes it go out once. */
  dedupeKey: string;
  /** The product's owner (usually a Group), who is told. */
  recipient: string;
  product: { entityRef: string; title: string };
}

/**
 * A new SLA breach streak: consecutive breaching runs (failed, or lagging
 * beyond the p99 SLA, p95 when no p99), starting after a non-breaching run.
 * Sent once per streak, when it starts; the runs that continue it are not
 * news.
 */
export interface SlaBreachAlert extends AlertBase {
  kind: 'sla-breach';
  /** The run that started the streak. */
  firstRun: {
    runId: string;
    finishedAt: string;
    cause: 'failed' | 'late';
    /** Its lag, when it was late. */
    lagMs: number | null;
    errorMessage: string | null;
  };
  /** Breaching runs in the streak so far, the first one included. */
  breachingRuns: number;
  /** True while no run has ended the streak yet. */
  ongoing: boolean;
  /** The SLA a late run breaches; null when none is promised. */
  sla: { percentile: 'p99' | 'p95'; ms: number } | null;
}

/** A drift incident was opened about the product. */
export interface DriftAlert extends AlertBase {
  kind: 'drift';
  incident: {
    /** e.g. `observed-schema-drift`, `breaking-change-without-major`. */
    kind: string;
    dedupeKey: string;
    openedAt: string;
    details: Record<string, unknown>;
  };
}

export type DueAlert = SlaBreachAlert | DriftAlert;

/**
 * `kind|part|part…`, kept within the column: a key that would not fit
 * (refs and run ids are up to 255 characters each) is the kind and a sha256
 * of the parts instead — still one key per alert.
 */
export function alertDedupeKey(kind: AlertKind, ...parts: string[]): string {
  const key = [kind, ...parts].join('|');
  if (key.length <= MAX_DEDUPE_KEY_LENGTH) {
    return key;
  }
  return `${kind}|sha256:${createHash('sha256')
    .update(parts.join('\u0000'))
    .digest('hex')}`;
}
