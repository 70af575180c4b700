import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  MAX_RUN_NAME_LENGTH,
  boundText,
  formatDuration,
} from '@stockroom/plugin-data-products-common';
import { entityPagePath } from '../entityRefs';
import { DriftAlert, DueAlert, SlaBreachAlert } from './DueAlert';

type NotificationPayload = NotificationSendOptions['payload'];

/** Topics group alerts in the notifications UI and its per-topic settings. */
export const ALERT_TOPICS = {
  sla: 'stockroom-sla',
  drift: 'stockroom-drift',
} as const;

/** Drift items listed in one alert; the incident on the page has them all. */
const MAX_LISTED = 5;

/**
 * Characters of a run's error message quoted in an alert (head and tail,
 * as stored messages are cut): the Scorecard tab shows the stored one.
 */
export const MAX_ALERT_MESSAGE_LENGTH = 1_000;

/**
 * Characters of an alert's description, and of its title. The
 * notifications backend refuses a request body over 100 kB (express's
 * default): bounded so, a payload stays far below it whatever it quotes.
 */
export const MAX_ALERT_DESCRIPTION_LENGTH = 4_000;
export const MAX_ALERT_TITLE_LENGTH = MAX_RUN_NAME_LENGTH;

/** The product's Scorecard tab, where the breach or drift shows. */
export function scorecardPath(entityRef: string): string {
  return `${entityPagePath(entityRef)}/scorecard`;
}

/** What the owner reads, within the bounds above. */
export function alertPayload(alert: DueAlert): NotificationPayload {
  const payload =
    alert.kind === 'sla-breach' ? breachPayload(alert) : driftPayload(alert);
  return {
    ...payload,
    title: boundText(payload.title, MAX_ALERT_TITLE_LENGTH).text,
    ...(payload.description !== undefined
      ? {
          description: boundText(
            payload.description,
            MAX_ALERT_DESCRIPTION_LENGTH,
          ).text,
        }
      : {}),
  };
}

function breachPayload(alert: SlaBreachAlert): NotificationPayload {
  const { product, firstRun, sla } = alert;
  const cause =
    firstRun.cause === 'late' && firstRun.lagMs !== null && sla
      ? `Run ${firstRun.runId} finished at ${
          firstRun.finishedAt
        } with a freshness lag of ${formatDuration(
          firstRun.lagMs,
        )}, beyond the ${formatDuration(
          sla.ms,
        )} ${sla.percentile.toUpperCase()} SLA.`
      : `Run ${firstRun.runId} failed at ${firstRun.finishedAt}${
          firstRun.errorMessage
            ? `: ${
                boundText(firstRun.errorMessage, MAX_ALERT_MESSAGE_LENGTH).text
              }`
            : ''
        }.`;
  const runs =
    alert.breachingRuns === 1
      ? '1 breaching run'
      : `${alert.breachingRuns} breaching runs`;
  const streak = alert.ongoing
    ? `${runs} in a row so far.`
    : `The streak ended after ${runs}.`;
  return {
    title:
      firstRun.cause === 'late'
        ? `${product.title} is breaching its freshness SLA`
        : `${product.title}: a pipeline run failed (SLA breach)`,
    description: `${cause} ${streak} Breaches count against the reliability score of ${product.entityRef}.`,
    link: scorecardPath(product.entityRef),
    severity: 'high',
    topic: ALERT_TOPICS.sla,
    // One notification per product in the inbox: a new streak updates it
    // (and marks it unread) instead of stacking another.
    scope: `${ALERT_TOPICS.sla}:${product.entityRef}`,
    metadata: {
      entityRef: product.entityRef,
      alert: 'sla-breach',
      runId: firstRun.runId,
    },
  };
}

function driftPayload(alert: DriftAlert): NotificationPayload {
  const { product, incident } = alert;
  const details = incident.details;
  let title: string;
  let description: string;
  if (incident.kind === 'observed-schema-drift') {
    const drift = Array.isArray(details.drift)
      ? (details.drift as Array<{ message?: unknown }>)
      : [];
    title = `${product.title}: the observed schema drifts from the contract`;
    description = `The schema run ${String(details.runId)} reported (${String(
      details.observedAt,
    )}) differs from the contract of ${product.entityRef}: ${listed(
      drift.map(d => String(d.message)),
    )}. Fix the pipeline, or publish the change as a new contract version.`;
  } else if (incident.kind === 'breaking-change-without-major') {
    const changes = Array.isArray(details.changes)
      ? (details.changes as Array<{ kind?: unknown; message?: unknown }>)
      : [];
    const breaking = changes
      .filter(change => change.kind === 'breaking')
      .map(change => String(change.message));
    title = `${product.title}: a breaking contract change without a major version`;
    description = `The contract of ${
      product.entityRef
    } changed from version ${String(
      details.fromVersion ?? '(none)',
    )} to ${String(
      details.toVersion ?? '(none)',
    )} with breaking changes: ${listed(breaking)}. ${
      details.verdict === 'needs-new-entity'
        ? 'A core entity needs a new entity (v2) alongside this one.'
        : 'It needs a new major version.'
    }`;
  } else {
    title = `${product.title}: a drift incident was opened`;
    description = `A ${incident.kind} incident was opened about ${product.entityRef} on ${incident.openedAt}.`;
  }
  return {
    title,
    description,
    link: scorecardPath(product.entityRef),
    severity: 'normal',
    topic: ALERT_TOPICS.drift,
    metadata: {
      entityRef: product.entityRef,
      alert: 'drift',
      incident: incident.kind,
    },
  };
}

function listed(messages: string[]): string {
  if (messages.length === 0) return 'see the incident';
  const shown = messages.slice(0, MAX_LISTED).join('; ');
  const more = messages.length - MAX_LISTED;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}
