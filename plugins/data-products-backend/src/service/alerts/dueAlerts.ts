import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  FreshnessSla,
  RunStatus,
  normalizeContract,
  runSlaVerdicts,
  slaBreachLine,
} from '@stockroom/plugin-data-products-common';
import { DriftIncident } from '../../database/ContractHistoryStore';
import { ownersOf } from '../entityRefs';
import { DriftAlert, SlaBreachAlert, alertDedupeKey } from './DueAlert';

/** What the alerts read of a product. */
export interface AlertProduct {
  entityRef: string;
  title: string;
  /** Who is told; a product without an owner alerts nobody. */
  owner?: string;
  /** The contract's freshness SLA, as the engine normalizes contracts. */
  freshness?: FreshnessSla;
}

/** A closed run, as the breach verdict reads it. */
export interface AlertRun {
  runId: string;
  status: RunStatus;
  finishedAt?: Date;
  watermark?: Date;
  errorMessage?: string;
}

export function alertProductOf(entity: Entity): AlertProduct {
  const [owner] = ownersOf(entity);
  const { contract } = normalizeContract(entity as DataProductEntityV1alpha1);
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    ...(owner ? { owner } : {}),
    ...(contract.freshness ? { freshness: contract.freshness } : {}),
  };
}

/**
 * The breach streaks of a product that started at or after `since`, one
 * alert each. Which run breaches is the rule engine's verdict
 * (runSlaVerdicts: failed, or lag beyond the p99 SLA, p95 without one).
 *
 * `runs` are the product's closed runs, oldest first, reaching back before
 * `since` far enough to show how a streak began: a streak is new when a
 * non-breaching run comes right before it, or when it starts the product's
 * history (`fromFirstRun`). A streak already running at the start of `runs`
 * is not known to be new and is left alone; it began before `since` anyway.
 */
export function dueBreachAlerts(options: {
  product: AlertProduct;
  runs: readonly AlertRun[];
  fromFirstRun: boolean;
  since: Date;
}): SlaBreachAlert[] {
  const { product, runs, fromFirstRun, since } = options;
  if (!product.owner) return [];
  const verdicts = runSlaVerdicts(runs, product.freshness);
  const line = slaBreachLine(product.freshness);
  const alerts: SlaBreachAlert[] = [];
  let index = 0;
  while (index < runs.length) {
    if (!verdicts[index].breach) {
      index++;
      continue;
    }
    const start = index;
    while (index < runs.length && verdicts[index].breach) index++;
    const isNew = start > 0 || fromFirstRun;
    const first = runs[start];
    const startedAt = first.finishedAt?.getTime();
    if (!isNew || startedAt === undefined || startedAt < since.getTime()) {
      continue;
    }
    const verdict = verdicts[start];
    alerts.push({
      kind: 'sla-breach',
      dedupeKey: alertDedupeKey('sla-breach', product.entityRef, first.runId),
      recipient: product.owner,
      product: { entityRef: product.entityRef, title: product.title },
      firstRun: {
        runId: first.runId,
        finishedAt: new Date(startedAt).toISOString(),
        cause: verdict.cause === 'late' ? 'late' : 'failed',
        lagMs: verdict.cause === 'late' ? verdict.lagMs : null,
        errorMessage: first.errorMessage ?? null,
      },
      breachingRuns: index - start,
      ongoing: index === runs.length,
      sla: line ?? null,
    });
  }
  return alerts;
}

/**
 * One alert per drift incident, to the owner of the product it is about;
 * incidents of products no longer in the catalog, or without an owner, alert
 * nobody.
 */
export function dueDriftAlerts(options: {
  incidents: readonly DriftIncident[];
  products: ReadonlyMap<string, AlertProduct>;
}): DriftAlert[] {
  const alerts: DriftAlert[] = [];
  for (const incident of options.incidents) {
    const product = options.products.get(incident.entityRef);
    if (!product?.owner) continue;
    alerts.push({
      kind: 'drift',
      dedupeKey: alertDedupeKey('drift', incident.dedupeKey),
      recipient: product.owner,
      product: { entityRef: product.entityRef, title: product.title },
      incident: {
        kind: incident.kind,
        dedupeKey: incident.dedupeKey,
        openedAt: incident.openedAt.toISOString(),
        details: incident.details,
      },
    });
  }
  return alerts;
}
