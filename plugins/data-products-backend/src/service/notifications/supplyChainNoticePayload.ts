import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  boundText,
  formatCount,
  formatLag,
  plural,
} from '@stockroom/plugin-data-products-common';
import {
  MAX_ALERT_DESCRIPTION_LENGTH,
  MAX_ALERT_TITLE_LENGTH,
  scorecardPath,
} from '../alerts/alertPayload';
import {
  BudgetExhaustedNotice,
  BurnRateNotice,
  SupplyChainNotice,
  TierAtRiskNotice,
} from './supplyChainNotices';

type NotificationPayload = NotificationSendOptions['payload'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Topics group notices in the notifications UI and its per-topic settings. */
export const SUPPLY_CHAIN_TOPICS = {
  errorBudget: 'stockroom-error-budget',
  tierAtRisk: 'stockroom-tier-at-risk',
} as const;

/**
 * What the owner reads: the product, the figure and the evidence behind it,
 * linked to the product's Scorecard tab where the supply chain shows. The
 * `scope` makes a new episode update the notification of the last one in
 * the inbox (and mark it unread) instead of stacking another.
 */
export function supplyChainNoticePayload(
  notice: SupplyChainNotice,
): NotificationPayload {
  const payload = payloadOf(notice);
  return {
    ...payload,
    title: boundText(payload.title, MAX_ALERT_TITLE_LENGTH).text,
    description: boundText(
      payload.description ?? '',
      MAX_ALERT_DESCRIPTION_LENGTH,
    ).text,
    link: scorecardPath(notice.product.entityRef),
    metadata: {
      entityRef: notice.product.entityRef,
      notice: notice.kind,
      since: notice.since,
      ...(notice.kind === 'budget-exhausted' ? { slo: notice.budget.slo } : {}),
    },
  };
}

function payloadOf(notice: SupplyChainNotice): NotificationPayload {
  switch (notice.kind) {
    case 'budget-exhausted':
      return budgetPayload(notice);
    case 'burn-rate':
      return burnRatePayload(notice);
    case 'tier-at-risk':
    default:
      return tierPayload(notice);
  }
}

function budgetPayload(notice: BudgetExhaustedNotice): NotificationPayload {
  const { product, budget, window } = notice;
  const slo = budget.slo;
  const promise =
    budget.promisedMs === null ? '' : ` (${formatLag(budget.promisedMs)})`;
  const days = window ? windowDays(window) : null;
  const inWindow = days === null ? '' : ` in the ${days}-day window`;
  return {
    title: `${slo.toUpperCase()} error budget of ${product.title} exhausted`,
    description: `${product.entityRef}: ${formatCount(
      budget.used ?? 0,
    )} of ${formatCount(
      budget.allowed ?? 0,
    )} allowed runs over ${slo}${promise}${inWindow} (${plural(
      budget.failedRuns,
      'failed run',
    )}, ${plural(budget.lateRuns, 'late run')}, of ${plural(
      budget.runs,
      'run',
    )}); exhausted since ${notice.since}.`,
    severity: 'high',
    topic: SUPPLY_CHAIN_TOPICS.errorBudget,
    scope: `${SUPPLY_CHAIN_TOPICS.errorBudget}:${slo}:${product.entityRef}`,
  };
}

function burnRatePayload(notice: BurnRateNotice): NotificationPayload {
  const { product, burnRate } = notice;
  const rate = Number((burnRate.value ?? 0).toFixed(2));
  return {
    title: `${product.title} burns its P95 error budget at ${rate}× the sustainable rate`,
    description: `${product.entityRef}: ${formatCount(
      burnRate.overP95,
    )} of ${plural(
      burnRate.runs,
      'run',
    )} in the last 24 h went over p95 or failed (burn rate ${rate}; at 1 the budget lasts exactly the window). Alarming since ${
      notice.since
    }.`,
    severity: 'normal',
    topic: SUPPLY_CHAIN_TOPICS.errorBudget,
    scope: `${SUPPLY_CHAIN_TOPICS.errorBudget}:burn-rate:${product.entityRef}`,
  };
}

function tierPayload(notice: TierAtRiskNotice): NotificationPayload {
  const { product, tierAtRisk } = notice;
  const tier = product.category ? ` as a ${product.category}` : '';
  return {
    title: `${product.title} is at risk of its tier${tier}`,
    description: `${product.entityRef}: ${tierAtRisk.summary}. A category is a promise; the evidence must back it.`,
    severity: 'high',
    topic: SUPPLY_CHAIN_TOPICS.tierAtRisk,
    scope: `${SUPPLY_CHAIN_TOPICS.tierAtRisk}:${product.entityRef}`,
  };
}

function windowDays(window: { from: string; to: string }): number | null {
  const ms = Date.parse(window.to) - Date.parse(window.from);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / DAY_MS) : null;
}
