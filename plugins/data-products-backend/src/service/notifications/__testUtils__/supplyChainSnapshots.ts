import { ScorecardSnapshot } from '../../../database/ScorecardSnapshotStore';

/**
 * What a hand-built snapshot shows of the supply-chain conditions: `true` /
 * `false` held or not, `null` unknown, absent: no such evidence at all.
 */
export interface Shown {
  p95?: boolean | null;
  p99?: boolean | null;
  /** `true`: alarming; `false`: known and not; `null`: no burn rate. */
  burn?: boolean | null;
  tier?: { atRisk: boolean | null; atRiskSince?: string | null };
}

const SCORES = {
  freshness: 3,
  reliability: 3,
  quality: null,
  stability: null,
  contract: null,
  ownership: null,
  reuse: null,
};

/**
 * A snapshot of `entityRef` taken at `takenAt` whose evidence shows what
 * `shown` says, with the figures a 30-day window of 20 runs would give: an
 * exhausted p95 budget is 3 of 1 allowed runs over 2 h, an alarming burn
 * rate 5 of 5 runs over p95 in 24 h (rate 20).
 */
export function supplyChainSnapshot(
  entityRef: string,
  takenAt: string,
  shown: Shown,
): ScorecardSnapshot {
  const evidence: Record<string, unknown> = {};
  const budgets = shown.p95 !== undefined || shown.p99 !== undefined;
  if (budgets || shown.burn !== undefined) {
    const to = new Date(takenAt);
    evidence.supplyChain = {
      errorBudgets: {
        window: {
          from: new Date(to.getTime() - 30 * 86_400_000).toISOString(),
          to: to.toISOString(),
        },
        p95: budget('p95', shown.p95),
        p99: budget('p99', shown.p99),
        burnRate: burnRate(shown.burn),
      },
    };
  }
  if (shown.tier) {
    evidence.tierAtRisk = {
      applies: true,
      atRisk: shown.tier.atRisk,
      atRiskSince: shown.tier.atRiskSince ?? null,
      summary: shown.tier.atRisk
        ? `Tier at risk since ${shown.tier.atRiskSince}: freshness scored 2 or less in every daily snapshot from 2026-11-07 to 2026-11-20`
        : 'Tier backed',
    };
  }
  return {
    entityRef,
    takenAt: new Date(takenAt),
    overall: 3,
    scores: SCORES,
    evidence,
    window: { from: '', to: '', runs: 20 },
  };
}

function budget(slo: 'p95' | 'p99', exhausted: boolean | null | undefined) {
  if (exhausted === undefined || exhausted === null) {
    return {
      slo,
      promisedMs: null,
      runs: 0,
      failedRuns: 0,
      lateRuns: 0,
      used: null,
      allowed: null,
      remaining: null,
      exhausted: null,
      summary: `No runs in the last 30 days: no ${slo.toUpperCase()} budget to spend`,
    };
  }
  const promisedMs = slo === 'p95' ? 2 * 3_600_000 : 4 * 3_600_000;
  const allowed = slo === 'p95' ? 1 : 0;
  const used = exhausted ? 3 : 0;
  return {
    slo,
    promisedMs,
    runs: 20,
    failedRuns: exhausted ? 1 : 0,
    lateRuns: exhausted ? 2 : 0,
    used,
    allowed,
    // 1 − 3 ÷ 1 for p95; nothing allowed and some used for p99.
    remaining: exhausted ? { p95: -2, p99: 0 }[slo] : 1,
    exhausted,
    summary: exhausted
      ? `${slo.toUpperCase()} budget exhausted`
      : `${slo.toUpperCase()} budget 100% left`,
  };
}

function burnRate(alert: boolean | null | undefined) {
  if (alert === undefined || alert === null) {
    return { runs: 0, overP95: 0, value: null, alert: false, summary: '' };
  }
  return alert
    ? { runs: 5, overP95: 5, value: 20, alert: true, summary: '' }
    : { runs: 5, overP95: 0, value: 0, alert: false, summary: '' };
}
