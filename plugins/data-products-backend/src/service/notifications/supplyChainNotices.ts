/**
 * The supply-chain notices due to a product's owner (dataproduct-spec.md
 * "Supply chain"): once when an error budget is exhausted, once when the
 * 24 h burn rate alarms, once per streak when the tier is at risk. Pure:
 * it reads the conditions the scoring stored in each snapshot's evidence
 * (`supplyChain.errorBudgets`, `tierAtRisk`) and decides what is due now;
 * {@link SupplyChainNotifier} delivers each at most once.
 *
 * "Once" is per episode: a notice's key names the start of the unbroken
 * streak of snapshots in which its condition held, so a budget that stays
 * exhausted is one notice however many snapshots show it, and one that
 * recovers and is exhausted again is a new one.
 */
import type {
  BurnRate,
  ErrorBudget,
  TierAtRisk,
  WindowBounds,
} from '@stockroom/plugin-data-products-common';
import { ScorecardSnapshot } from '../../database/ScorecardSnapshotStore';

/** What a supply-chain notice is about; also its kind in the notification log. */
export type SupplyChainNoticeKind =
  | 'budget-exhausted'
  | 'burn-rate'
  | 'tier-at-risk';

/** The product a notice is about, and who hears about it. */
export interface NoticeProduct {
  entityRef: string;
  title: string;
  /** The owner (an entity ref, usually a group); none: no notices. */
  owner: string | undefined;
  /** `spec.category`, named in the tier notice. */
  category?: string;
}

interface NoticeBase {
  kind: SupplyChainNoticeKind;
  /** `kind|entityRef|slo|since` (no slo for the others): once per episode. */
  dedupeKey: string;
  recipient: string;
  product: { entityRef: string; title: string; category?: string };
  /** ISO instant (a day for the tier) the episode began. */
  since: string;
  /** When the newest snapshot, the one the figures come from, was taken. */
  takenAt: string;
}

/** An SLO's error budget is spent. */
export interface BudgetExhaustedNotice extends NoticeBase {
  kind: 'budget-exhausted';
  budget: ErrorBudget;
  /** The scoring window the budget is of. */
  window: WindowBounds | undefined;
}

/** The 24 h burn rate reached the alert rate with enough runs. */
export interface BurnRateNotice extends NoticeBase {
  kind: 'burn-rate';
  burnRate: BurnRate;
}

/** A core entity or shared mart scored ≤ 2 for the whole period. */
export interface TierAtRiskNotice extends NoticeBase {
  kind: 'tier-at-risk';
  tierAtRisk: TierAtRisk;
}

export type SupplyChainNotice =
  | BudgetExhaustedNotice
  | BurnRateNotice
  | TierAtRiskNotice;

/**
 * Whether a condition held in a snapshot: `true`, `false`, or `undefined`
 * when the snapshot cannot tell (stored before the figures existed, no
 * promise declared, no runs in the window, tier unknown for missing days).
 */
type Held = boolean | undefined;

interface Condition {
  kind: SupplyChainNoticeKind;
  slo?: 'p95' | 'p99';
  held(snapshot: ScorecardSnapshot): Held;
}

const CONDITIONS: readonly Condition[] = [
  budgetCondition('p95'),
  budgetCondition('p99'),
  {
    kind: 'burn-rate',
    held: snapshot => {
      const burn = burnRateIn(snapshot);
      if (!burn) return undefined;
      // `alert` was judged at scoring time with the configured alert rate
      // and minimum runs (isBurnRateAlarming).
      if (burn.alert === true) return true;
      return burn.value === null ? undefined : false;
    },
  },
  {
    kind: 'tier-at-risk',
    held: snapshot => {
      const atRisk = tierAtRiskIn(snapshot)?.atRisk;
      return typeof atRisk === 'boolean' ? atRisk : undefined;
    },
  },
];

function budgetCondition(slo: 'p95' | 'p99'): Condition {
  return {
    kind: 'budget-exhausted',
    slo,
    held: snapshot => {
      const exhausted = budgetIn(snapshot, slo)?.exhausted;
      return typeof exhausted === 'boolean' ? exhausted : undefined;
    },
  };
}

/**
 * Whether the snapshot shows any condition a notice is due for: when none,
 * nothing is due and no history needs reading.
 */
export function anyNoticeCondition(snapshot: ScorecardSnapshot): boolean {
  return CONDITIONS.some(condition => condition.held(snapshot) === true);
}

/**
 * Whether a condition holding in the newest snapshot holds, as far as the
 * snapshots tell, back to the first one: then whether its episode began
 * before them depends on what came before (see `earlierHistory`).
 */
export function streakReachesFirstSnapshot(
  snapshots: readonly ScorecardSnapshot[],
): boolean {
  return CONDITIONS.some(condition => {
    const streak = streakOf(condition, snapshots);
    return streak !== undefined && streak.reachesFirst;
  });
}

/**
 * The notices due now, from the newest of `snapshots` (oldest first, the
 * history kept, e.g. 90 days): one per exhausted budget (p95, p99), one
 * for an alarming burn rate, one for a tier at risk, each keyed by the
 * start of its episode.
 *
 * An episode is the unbroken streak of snapshots in which the condition
 * held, scanning back from the newest until a snapshot in which it
 * positively did not hold. A snapshot that cannot tell (see {@link Held})
 * neither breaks the streak nor starts it: an old snapshot stored before
 * the figures existed, or a day without runs, does not turn one long
 * episode into two notices. `since` is the takenAt of the streak's first
 * snapshot that held; for the tier, that snapshot's `atRiskSince` (the
 * newest snapshot's own `atRiskSince` is judged over only the last
 * `tierAtRisk.days` + 1 days of scores, so during a long streak it moves
 * on every day, and would make a new notice every day).
 *
 * When a streak reaches the first snapshot given and `earlierHistory` says
 * older snapshots exist, the episode began before the history read: it was
 * due when it began, so it is not due again now (otherwise its key would
 * move with the history's start each day).
 */
export function supplyChainNotices(input: {
  product: NoticeProduct;
  snapshots: readonly ScorecardSnapshot[];
  /** Snapshots older than the first given exist. */
  earlierHistory?: boolean;
}): SupplyChainNotice[] {
  const { product, snapshots, earlierHistory = false } = input;
  const newest = snapshots[snapshots.length - 1];
  const recipient = product.owner;
  if (!newest || !recipient) return [];
  const notices: SupplyChainNotice[] = [];
  for (const condition of CONDITIONS) {
    const streak = streakOf(condition, snapshots);
    if (!streak || (streak.reachesFirst && earlierHistory)) continue;
    const since = sinceOf(condition, streak.first);
    const base = {
      dedupeKey: [condition.kind, product.entityRef, condition.slo, since]
        .filter(part => part !== undefined)
        .join('|'),
      recipient,
      product: {
        entityRef: product.entityRef,
        title: product.title,
        ...(product.category ? { category: product.category } : {}),
      },
      since,
      takenAt: newest.takenAt.toISOString(),
    };
    notices.push(noticeOf(condition, base, newest));
  }
  return notices;
}

/** The streak ending with the newest snapshot; undefined when it does not hold there. */
function streakOf(
  condition: Condition,
  snapshots: readonly ScorecardSnapshot[],
): { first: ScorecardSnapshot; reachesFirst: boolean } | undefined {
  const last = snapshots.length - 1;
  if (last < 0 || condition.held(snapshots[last]) !== true) return undefined;
  let first = last;
  for (let i = last - 1; i >= 0; i--) {
    const held = condition.held(snapshots[i]);
    if (held === false) {
      return { first: snapshots[first], reachesFirst: false };
    }
    if (held === true) first = i;
  }
  return { first: snapshots[first], reachesFirst: true };
}

function sinceOf(condition: Condition, first: ScorecardSnapshot): string {
  if (condition.kind === 'tier-at-risk') {
    const atRiskSince = tierAtRiskIn(first)?.atRiskSince;
    if (typeof atRiskSince === 'string') return atRiskSince;
  }
  return first.takenAt.toISOString();
}

function noticeOf(
  condition: Condition,
  base: Omit<NoticeBase, 'kind'>,
  newest: ScorecardSnapshot,
): SupplyChainNotice {
  switch (condition.kind) {
    case 'budget-exhausted':
      return {
        ...base,
        kind: 'budget-exhausted',
        budget: budgetIn(newest, condition.slo!)!,
        window: objectAt<WindowBounds>(errorBudgetsIn(newest), 'window'),
      };
    case 'burn-rate':
      return { ...base, kind: 'burn-rate', burnRate: burnRateIn(newest)! };
    case 'tier-at-risk':
    default:
      return {
        ...base,
        kind: 'tier-at-risk',
        tierAtRisk: tierAtRiskIn(newest)!,
      };
  }
}

// The evidence is JSON stored by whichever version scored the snapshot:
// read defensively, as objects that may lack any field.

function budgetIn(
  snapshot: ScorecardSnapshot,
  slo: 'p95' | 'p99',
): ErrorBudget | undefined {
  return objectAt<ErrorBudget>(errorBudgetsIn(snapshot), slo);
}

function burnRateIn(snapshot: ScorecardSnapshot): BurnRate | undefined {
  return objectAt<BurnRate>(errorBudgetsIn(snapshot), 'burnRate');
}

function errorBudgetsIn(snapshot: ScorecardSnapshot): unknown {
  return objectAt(objectAt(snapshot.evidence, 'supplyChain'), 'errorBudgets');
}

function tierAtRiskIn(snapshot: ScorecardSnapshot): TierAtRisk | undefined {
  return objectAt<TierAtRisk>(snapshot.evidence, 'tierAtRisk');
}

function objectAt<T = Record<string, unknown>>(
  value: unknown,
  key: string,
): T | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'object' && found !== null ? (found as T) : undefined;
}
