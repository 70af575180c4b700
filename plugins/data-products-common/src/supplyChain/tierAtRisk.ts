/**
 * Tier at risk (dataproduct-spec.md "Supply chain"): a core entity or
 * shared mart whose freshness or reliability score was ≤ 2 in every daily
 * snapshot of the last 14 days (configurable). A category is a promise;
 * the evidence must back it.
 *
 * Read precisely: one dimension scoring ≤ 2 every day of the period (a
 * product bad on freshness one day and on reliability the next is not
 * flagged). A day is a UTC calendar day and its snapshot the newest taken
 * that day. The period ends today when today's snapshot is taken, else
 * yesterday, so the flag does not drop each midnight before the daily
 * snapshot.
 */
import type { Timestamp } from '../scoring/runs';
import { instantMs, iso } from './instant';
import {
  DEFAULT_SUPPLY_CHAIN_SETTINGS,
  type SupplyChainSettings,
} from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;
const AT_RISK_SCORE = 2;
const DIMENSIONS = ['freshness', 'reliability'] as const;
const CATEGORIES = ['core-entity', 'shared-mart'];

/** A stored scorecard snapshot, as much as this reads of it. @public */
export interface ScoreSnapshot {
  takenAt: Timestamp;
  scores: { freshness?: number | null; reliability?: number | null };
}

/** @public */
export interface TierAtRiskDimension {
  /** Every day of the period scored ≤ 2; null when days are missing or unknown and none scored > 2. */
  atRisk: boolean | null;
  /** Consecutive days scoring ≤ 2 up to the period's end. */
  daysAtMost2: number;
}

/** @public */
export interface TierAtRisk {
  /** Only core entities and shared marts make a tier promise. */
  applies: boolean;
  atRisk: boolean | null;
  /** The period: `days` UTC days ending `to`, both inclusive (YYYY-MM-DD). */
  period: { from: string; to: string; days: number } | null;
  freshness: TierAtRiskDimension;
  reliability: TierAtRiskDimension;
  /** Days of the period without a snapshot. */
  missingDays: string[];
  /**
   * The first day of the current at-risk streak (as far back as the
   * snapshots given reach): the key that makes "notify once per streak".
   */
  atRiskSince: string | null;
  summary: string;
}

const dayOf = (ms: number) => iso(ms).slice(0, 10);
const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * The verdict at `now` from a product's snapshots (any order; pass all the
 * history kept, e.g. 90 days, so `atRiskSince` stays put during a streak).
 *
 * @public
 */
export function judgeTierAtRisk(
  category: string | null | undefined,
  snapshots: readonly ScoreSnapshot[],
  now: Date,
  settings: SupplyChainSettings = DEFAULT_SUPPLY_CHAIN_SETTINGS,
): TierAtRisk {
  const days = settings.tierAtRisk.days;
  const none: TierAtRiskDimension = { atRisk: null, daysAtMost2: 0 };
  if (!category || !CATEGORIES.includes(category)) {
    return {
      applies: false,
      atRisk: false,
      period: null,
      freshness: none,
      reliability: none,
      missingDays: [],
      atRiskSince: null,
      summary: `Not judged: only core entities and shared marts promise a tier (this is ${
        category ?? 'uncategorised'
      })`,
    };
  }

  // The newest snapshot of each day, up to now.
  const nowMs = now.getTime();
  const byDay = new Map<number, { ms: number; snapshot: ScoreSnapshot }>();
  for (const snapshot of snapshots) {
    const ms = instantMs(snapshot.takenAt);
    if (Number.isNaN(ms) || ms > nowMs) continue;
    const day = startOfDay(ms);
    const kept = byDay.get(day);
    if (!kept || ms >= kept.ms) byDay.set(day, { ms, snapshot });
  }
  const today = startOfDay(nowMs);
  const end = byDay.has(today) ? today : today - DAY_MS;
  const start = end - (days - 1) * DAY_MS;
  const period = { from: dayOf(start), to: dayOf(end), days };

  const low = (day: number, dimension: (typeof DIMENSIONS)[number]) => {
    const score = byDay.get(day)?.snapshot.scores[dimension];
    return typeof score === 'number' && score <= AT_RISK_SCORE;
  };
  const high = (day: number, dimension: (typeof DIMENSIONS)[number]) => {
    const score = byDay.get(day)?.snapshot.scores[dimension];
    return typeof score === 'number' && score > AT_RISK_SCORE;
  };

  // Per dimension, the run of low days ending at each day, oldest first:
  // the flag of day d is "some dimension has ≥ days low days ending at d".
  const first = Math.min(start, ...byDay.keys());
  const runs = { freshness: 0, reliability: 0 };
  const flagged: boolean[] = [];
  for (let day = first; day <= end; day += DAY_MS) {
    for (const dimension of DIMENSIONS) {
      runs[dimension] = low(day, dimension) ? runs[dimension] + 1 : 0;
    }
    flagged.push(runs.freshness >= days || runs.reliability >= days);
  }

  const verdictOf = (
    dimension: (typeof DIMENSIONS)[number],
  ): TierAtRiskDimension => {
    if (runs[dimension] >= days) {
      return { atRisk: true, daysAtMost2: runs[dimension] };
    }
    let anyHigh = false;
    for (let day = start; day <= end; day += DAY_MS) {
      if (high(day, dimension)) anyHigh = true;
    }
    return { atRisk: anyHigh ? false : null, daysAtMost2: runs[dimension] };
  };
  const freshness = verdictOf('freshness');
  const reliability = verdictOf('reliability');
  const missingDays: string[] = [];
  for (let day = start; day <= end; day += DAY_MS) {
    if (!byDay.has(day)) missingDays.push(dayOf(day));
  }

  let atRisk: boolean | null;
  if (freshness.atRisk === true || reliability.atRisk === true) atRisk = true;
  else if (freshness.atRisk === false && reliability.atRisk === false) {
    atRisk = false;
  } else atRisk = null;

  let atRiskSince: string | null = null;
  if (atRisk) {
    let i = flagged.length - 1;
    while (i > 0 && flagged[i - 1]) i--;
    atRiskSince = dayOf(first + i * DAY_MS);
  }

  const base = {
    applies: true,
    atRisk,
    period,
    freshness,
    reliability,
    missingDays,
    atRiskSince,
  };
  if (atRisk) {
    const which = DIMENSIONS.filter(
      d => (d === 'freshness' ? freshness : reliability).atRisk,
    ).join(' and ');
    return {
      ...base,
      summary: `Tier at risk since ${atRiskSince}: ${which} scored 2 or less in every daily snapshot from ${period.from} to ${period.to}`,
    };
  }
  if (atRisk === false) {
    return {
      ...base,
      summary: `Tier backed: freshness and reliability each scored above 2 at least once from ${period.from} to ${period.to}`,
    };
  }
  const gaps =
    missingDays.length > 0
      ? `no snapshot on ${missingDays.length} of the ${days} days (first ${missingDays[0]})`
      : 'some scores were unknown';
  const unclear = DIMENSIONS.filter(
    d => (d === 'freshness' ? freshness : reliability).atRisk === null,
  ).join(' and ');
  return {
    ...base,
    summary: `Unknown whether the tier is at risk: ${gaps}, and ${unclear} never scored above 2 from ${period.from} to ${period.to}`,
  };
}

/**
 * Notify the owner: at risk, in a streak not yet notified. The caller
 * keeps the `atRiskSince` it last notified per product.
 *
 * @public
 */
export function shouldNotifyTierAtRisk(
  verdict: Pick<TierAtRisk, 'atRisk' | 'atRiskSince'>,
  lastNotifiedStreak: string | null | undefined,
): boolean {
  return (
    verdict.atRisk === true &&
    verdict.atRiskSince !== null &&
    verdict.atRiskSince !== lastNotifiedStreak
  );
}
