import {
  SCORE_DIMENSIONS,
  ScoreDimension,
} from '@stockroom/plugin-data-products-common';

/**
 * The scorecard dimensions, each stored in a column of its own: the engine's
 * list, so a new dimension cannot be scored without being stored.
 */
export const SCORECARD_DIMENSIONS = SCORE_DIMENSIONS;
/** A dimension name, as stored. */
export type ScorecardDimensionName = ScoreDimension;

/**
 * The supply-chain flags of a snapshot, each null when not known: what the
 * inventory lists beside the scores (the figures behind them are in the
 * evidence).
 */
export interface SnapshotFlags {
  /** P95 lead time over target and high volatility. */
  fragile: boolean | null;
  /** Freshness or reliability ≤ 2 in every daily snapshot of the period. */
  tierAtRisk: boolean | null;
  /** The p95 or the p99 error budget is spent. */
  budgetExhausted: boolean | null;
}

/** A product's scores at one time: what the inventory lists. */
export interface LatestScores {
  entityRef: string;
  takenAt: Date;
  /** Mean of the known scores, one decimal; null when none is known. */
  overall: number | null;
  /** 1–5, or null for unknown. */
  scores: Record<ScorecardDimensionName, number | null>;
  /** Absent (or null) on a snapshot taken before they were computed. */
  flags?: SnapshotFlags;
}

/** A scorecard as computed at one time, for the latest view and for trends. */
export interface ScorecardSnapshot extends LatestScores {
  /** Per dimension, whatever the engine reports as the evidence for it. */
  evidence: Record<string, unknown>;
  window: { from: string; to: string; runs: number };
}

/** Where the inventory reads the latest scores from. */
export interface InventorySnapshotSource {
  /**
   * The latest snapshot of every product that has one, by entity ref: scores
   * as the scoring task stored them, never recomputed on read. The map is the
   * caller's to read, not to change.
   */
  latestScores(): Promise<ReadonlyMap<string, LatestScores>>;

  /**
   * The freshness evidence of the latest snapshot of each given product
   * that has one, by entity ref: the stored `evidence.freshness` as it was
   * written (`{ evidence, summary }`), parsed. Reads only that part of the
   * evidence JSON, and only of these products (a page of the inventory).
   */
  latestFreshnessEvidence(
    entityRefs: readonly string[],
  ): Promise<Map<string, StoredFreshnessEvidence>>;
}

/** The freshness part of a latest snapshot's evidence, as stored. */
export interface StoredFreshnessEvidence {
  takenAt: Date;
  /** `evidence.freshness` of the snapshot; null when it has none. */
  freshness: unknown;
}

/**
 * The scorecard snapshots: written by scoring, read by the scorecard API,
 * the scoring task (what is due) and the inventory (latest scores).
 */
export interface ScorecardSnapshotStore extends InventorySnapshotSource {
  insertSnapshot(snapshot: ScorecardSnapshot): Promise<void>;

  /**
   * Stores one product's snapshots of past days (history backfill), each
   * replacing any snapshot of the product taken at the same instant — a
   * day's backfilled snapshot is taken at the day's last millisecond, so
   * recomputing the day replaces it. One transaction: a day is never
   * missing half-way.
   */
  replaceSnapshots(
    entityRef: string,
    snapshots: readonly ScorecardSnapshot[],
  ): Promise<void>;

  latestSnapshot(entityRef: string): Promise<ScorecardSnapshot | undefined>;

  /**
   * Brings `latest_scores` (what the inventory's read model joins) up to
   * the snapshots where it is behind or missing a product — after the
   * migration that created it, or snapshots written by an older version.
   * Snapshot writes keep it up to date otherwise. Returns the rows written.
   */
  reconcileLatestScores(): Promise<number>;

  /**
   * When each product's latest snapshot was taken: every product's, or with
   * `entityRefs` only those products' (absent ones have none).
   */
  latestSnapshotTimes(
    entityRefs?: readonly string[],
  ): Promise<Map<string, Date>>;

  /** The scores (and flags) of the snapshots taken in [from, to], oldest first: no evidence read. */
  scoreHistory(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<LatestScores[]>;

  /** Snapshots taken in [from, to], oldest first. */
  snapshotHistory(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<ScorecardSnapshot[]>;
}
