/**
 * The supply-chain notices due to a product's owner (dataproduct-spec.md
 * "Supply chain"): once when an error budget is exhausted, once when the
 * 24 h burn rate alarms, once per streak when the tier is at risk. Pure:
 * it reads the conditions the scoring stored in each snapshot's evidence
 * (`supplyChain.errorBudgets`, `tierAtRisk`) and decides what is due now;
 * {@link SupplyChainNotifier} delivers each at most once.
 *
 * "Once" is per episode: a notice's key names the first day of the
 * unbroken streak of days in which its condition held, so a budget that
 * stays exhausted is one notice however many snapshots show it, and one
 * that recovers and is exhausted again on a later day is a new one.
 *
 * Days, not snapshots: a day counts as its newest snapshot (the scoring
 * task takes one a day, and more when runs arrive). A product whose
 * budget flaps between snapshots of one day is told once, and finding an
 * episode's start reads one snapshot's evidence per day, not every one.
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
  /** The UTC day (YYYY-MM-DD) the episode began. */
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
 * days tell, back to the first one: then whether its episode began before
 * them depends on what came before (see `earlierHistory`).
 */
export function streakReachesFirstSnapshot(
  snapshots: readonly ScorecardSnapshot[],
): boolean {
  const days = newestOfEachDay(snapshots);
  return CONDITIONS.some(condition => {
    const streak = streakOf(condition, days);
    return streak !== undefined && streak.reachesFirst;
  });
}

/**
 * The newest snapshot of each UTC day, oldest first: what a day counts as.
 * `snapshots` come oldest first, as the store reads them.
 */
export function newestOfEachDay<T extends Pick<ScorecardSnapshot, 'takenAt'>>(
  snapshots: readonly T[],
): T[] {
  const days: T[] = [];
  for (const snapshot of snapshots) {
    const last = days[days.length - 1];
    if (last && dayOf(last) === dayOf(snapshot))
      days[days.length - 1] = snapshot;
    else days.push(snapshot);
  }
  return days;
}

/** The UTC day a snapshot was taken: YYYY-MM-DD. */
export function dayOf(snapshot: Pick<ScorecardSnapshot, 'takenAt'>): string {
  return snapshot.takenAt.toISOString().slice(0, 10);
}

/**
 * The notices due now, from the newest of `snapshots` (oldest first: the
 * history kept, e.g. 90 days, or at least the newest snapshot of each of
 * its days): one per exhausted budget (p95, p99), one for an alarming burn
 * rate, one for a tier at risk, each keyed by the first day of its episode.
 *
 * An episode is the unbroken streak of days in which the condition held,
 * scanning back from the newest until a day in which it positively did not
 * hold. A day that cannot tell (see {@link Held}) neither breaks the
 * streak nor starts it: a snapshot stored before the figures existed, or a
 * window without runs, does not turn one long episode into two notices.
 * `since` is the streak's first day; for the tier, that day's
 * `atRiskSince` (the first day of the streak as judged then; the newest
 * snapshot's own `atRiskSince` is judged over only the last
 * `tierAtRisk.days` + 1 days of scores, so during a long streak it moves
 * on every day, and would make a new notice every day).
 *
 * When a streak reaches the first day given and `earlierHistory` says
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
  const { product, earlierHistory = false } = input;
  const days = newestOfEachDay(input.snapshots);
  const newest = days[days.length - 1];
  const recipient = product.owner;
  if (!newest || !recipient) return [];
  const notices: SupplyChainNotice[] = [];
  for (const condition of CONDITIONS) {
    const streak = streakOf(condition, days);
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

/** The streak of days ending with the newest; undefined when it does not hold there. */
function streakOf(
  condition: Condition,
  days: readonly ScorecardSnapshot[],
): { first: ScorecardSnapshot; reachesFirst: boolean } | undefined {
  const last = days.length - 1;
  if (last < 0 || condition.held(days[last]) !== true) return undefined;
  let first = last;
  for (let i = last - 1; i >= 0; i--) {
    const held = condition.held(days[i]);
    if (held === false) {
      return { first: days[first], reachesFirst: false };
    }
    if (held === true) first = i;
  }
  return { first: days[first], reachesFirst: true };
}

function sinceOf(condition: Condition, first: ScorecardSnapshot): string {
  if (condition.kind === 'tier-at-risk') {
    const atRiskSince = tierAtRiskIn(first)?.atRiskSince;
    if (typeof atRiskSince === 'string') return atRiskSince;
  }
  return dayOf(first);
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

/**
 * Whether `notice`'s episode was told already under another key: a notice
 * of the same kind, product (and SLO) keyed by a day from the episode's
 * first day to today. The episode is the unbroken streak from `since` to
 * today, so such a notice told this very episode when it looked younger —
 * as it does when past days' snapshots are computed later (the history
 * backfill on a first start, a replay, late runs) and move its start back.
 */
export function toldEarlierInEpisode(
  notice: Pick<SupplyChainNotice, 'dedupeKey' | 'since' | 'takenAt'>,
  sentKeys: readonly string[],
): boolean {
  const prefix = notice.dedupeKey.slice(0, -notice.since.length);
  const today = notice.takenAt.slice(0, 10);
  return sentKeys.some(key => {
    if (key === notice.dedupeKey || !key.startsWith(prefix)) return false;
    const since = key.slice(prefix.length);
    return since >= notice.since && since <= today;
  });
}
