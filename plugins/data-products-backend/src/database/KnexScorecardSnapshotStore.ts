/**
 * Owns the table `scorecard_snapshots`: no other module reads or writes it.
 * Keeps `latest_scores` (latestScoresTable.ts) in step with it.
 */
import { Knex } from 'knex';
import { DbTime, toDate } from './dbTime';
import { booleanOrNull, numberOrNull } from './dbValues';
import {
  latestScoreTimes,
  newestPerProduct,
  upsertLatestScores,
} from './latestScoresTable';
import {
  LatestScores,
  SCORECARD_DIMENSIONS,
  ScorecardSnapshot,
  ScorecardSnapshotStore,
  SnapshotFlags,
  StoredFreshnessEvidence,
} from './ScorecardSnapshotStore';

const SNAPSHOTS = 'scorecard_snapshots';
// Products per `IN (…)`: under SQLite's bound-parameter limit.
const REFS_PER_QUERY = 500;
/** The flag columns, by flag. */
const FLAG_COLUMNS: Record<keyof SnapshotFlags, string> = {
  fragile: 'fragile',
  tierAtRisk: 'tier_at_risk',
  budgetExhausted: 'budget_exhausted',
};
/** The columns of a snapshot's scores and flags: all but its evidence and window. */
const SCORE_COLUMNS = [
  'id',
  'entity_ref',
  'taken_at',
  'overall',
  ...SCORECARD_DIMENSIONS,
  ...Object.values(FLAG_COLUMNS),
];

/** Products per read of {@link KnexScorecardSnapshotStore.latestFreshnessEvidence}: SQLite caps bound values. */
const FRESHNESS_READ_BATCH = 200;

// Snapshots per statement: 16 columns each stays under SQLite's limits.
const ROWS_PER_STATEMENT = 50;

/** Default time between two full reads of the latest snapshots. */
export const DEFAULT_FULL_READ_INTERVAL_MS = 5 * 60_000;
/** Default time a snapshot row is read again, in case it committed late. */
export const DEFAULT_REREAD_WINDOW_MS = 10_000;

/** A row as read: its scores; evidence and window when the read asks. */
type Row = {
  id: number | string;
  entity_ref: string;
  taken_at: DbTime;
  overall: number | string | null;
  evidence?: string;
  window?: string;
  /** Booleans; SQLite hands them back as 0 and 1. */
  fragile?: boolean | number | null;
  tier_at_risk?: boolean | number | null;
  budget_exhausted?: boolean | number | null;
} & Record<(typeof SCORECARD_DIMENSIONS)[number], number | string | null>;

/** The latest snapshots as last read, and how far the table was read. */
type Known = {
  latest: Map<string, LatestScores>;
  /** Per product, the (taken_at, id) of the row in `latest`. */
  versions: Map<string, { takenAt: number; id: number }>;
  fullReadAt: number;
  /** The highest id each read had seen, and when; oldest first. */
  marks: Array<{ at: number; maxId: number }>;
};

/**
 * {@link ScorecardSnapshotStore} on the plugin's knex database (SQLite or
 * PostgreSQL): what scoring writes, the scorecard API and the scoring task
 * read, and the inventory lists.
 *
 * For the inventory, {@link KnexScorecardSnapshotStore.latestScores} reads
 * the table once per call. The first call, and one every
 * `fullReadIntervalMs`, reads the latest snapshot of every product
 * ({@link KnexScorecardSnapshotStore.readAllLatest}); the calls in between
 * read only the rows written since (`id >` the highest id seen, on the
 * primary key), which is usually none. So a request costs the same with a
 * year of daily snapshots as with one, and still sees a snapshot the moment
 * it is committed. Rows are read again for `rereadWindowMs` after they were
 * first passed, so one whose transaction committed after a row with a higher
 * id is picked up all the same. The evidence (JSON) stays in the table.
 */
export class KnexScorecardSnapshotStore implements ScorecardSnapshotStore {
  private known?: Known;
  private reading?: Promise<ReadonlyMap<string, LatestScores>>;

  constructor(
    private readonly db: Knex,
    private readonly options: LatestScoresReadOptions = {},
  ) {}

  async insertSnapshot(snapshot: ScorecardSnapshot): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(SNAPSHOTS).insert(rowOf(snapshot));
      await upsertLatestScores(tx, [snapshot]);
    });
  }

  async replaceSnapshots(
    entityRef: string,
    snapshots: readonly ScorecardSnapshot[],
  ): Promise<void> {
    const rows = snapshots.map(snapshot => {
      if (snapshot.entityRef !== entityRef) {
        throw new Error(
          `A snapshot of ${snapshot.entityRef} is not one of ${entityRef}`,
        );
      }
      return rowOf(snapshot);
    });
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
        await tx(SNAPSHOTS)
          .where('entity_ref', entityRef)
          .whereIn(
            'taken_at',
            chunk.map(row => row.taken_at),
          )
          .delete();
        await tx(SNAPSHOTS).insert(chunk);
      }
      await upsertLatestScores(tx, newestPerProduct(snapshots));
    });
  }

  async reconcileLatestScores(): Promise<number> {
    const [latest, stored] = await Promise.all([
      this.readAllLatest(),
      latestScoreTimes(this.db),
    ]);
    const behind = [...latest.values()].filter(
      scores =>
        (stored.get(scores.entityRef) ?? -Infinity) < scores.takenAt.getTime(),
    );
    await upsertLatestScores(this.db, behind);
    return behind.length;
  }

  async latestSnapshot(
    entityRef: string,
  ): Promise<ScorecardSnapshot | undefined> {
    const row = await this.db<Row>(SNAPSHOTS)
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'taken_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? snapshotOf(row) : undefined;
  }

  async latestSnapshotTimes(
    entityRefs?: readonly string[],
  ): Promise<Map<string, Date>> {
    const read = async (refs?: readonly string[]) => {
      let query = this.db(SNAPSHOTS);
      if (refs) query = query.whereIn('entity_ref', refs);
      const rows: Array<{ entity_ref: string; last: DbTime }> = await query
        .groupBy('entity_ref')
        .select('entity_ref')
        .max({ last: 'taken_at' });
      return rows.map(row => [row.entity_ref, toDate(row.last)] as const);
    };
    if (!entityRefs) return new Map(await read());
    const times = new Map<string, Date>();
    for (let i = 0; i < entityRefs.length; i += REFS_PER_QUERY) {
      for (const [ref, time] of await read(
        entityRefs.slice(i, i + REFS_PER_QUERY),
      )) {
        times.set(ref, time);
      }
    }
    return times;
  }

  async scoreHistory(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<LatestScores[]> {
    const rows: Row[] = await this.db(SNAPSHOTS)
      .where('entity_ref', entityRef)
      .where('taken_at', '>=', from)
      .where('taken_at', '<=', to)
      .orderBy([
        { column: 'taken_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select(SCORE_COLUMNS);
    return rows.map(scoresOf);
  }

  async snapshotHistory(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<ScorecardSnapshot[]> {
    const rows = await this.db<Row>(SNAPSHOTS)
      .where('entity_ref', entityRef)
      .where('taken_at', '>=', from)
      .where('taken_at', '<=', to)
      .orderBy([
        { column: 'taken_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(snapshotOf);
  }

  latestScores(): Promise<ReadonlyMap<string, LatestScores>> {
    // Concurrent requests share one read.
    if (!this.reading) {
      this.reading = this.read().finally(() => {
        this.reading = undefined;
      });
    }
    return this.reading;
  }

  async latestFreshnessEvidence(
    entityRefs: readonly string[],
  ): Promise<Map<string, StoredFreshnessEvidence>> {
    const result = new Map<string, StoredFreshnessEvidence>();
    const refs = [...new Set(entityRefs)];
    for (let i = 0; i < refs.length; i += FRESHNESS_READ_BATCH) {
      const batch = refs.slice(i, i + FRESHNESS_READ_BATCH);
      const newest = this.db(SNAPSHOTS)
        .select('entity_ref')
        .max({ newest_taken_at: 'taken_at' })
        .whereIn('entity_ref', batch)
        .groupBy('entity_ref')
        .as('newest');
      // Only the freshness part of the JSON leaves the database: the
      // evidence also holds the supply chain, many times larger.
      const freshness =
        this.db.client.config.client === 'pg'
          ? this.db.raw(`(s.evidence::json -> 'freshness')::text as freshness`)
          : this.db.raw(`json_extract(s.evidence, '$.freshness') as freshness`);
      const rows: Array<{
        id: number | string;
        entity_ref: string;
        taken_at: DbTime;
        freshness: string | null;
      }> = await this.db(`${SNAPSHOTS} as s`)
        .join(newest, join =>
          join
            .on('s.entity_ref', '=', 'newest.entity_ref')
            .andOn('s.taken_at', '=', 'newest.newest_taken_at'),
        )
        .select('s.id', 's.entity_ref', 's.taken_at', freshness)
        // Of two snapshots taken at the same time, the one written last wins.
        .orderBy('s.id', 'asc');
      for (const row of rows) {
        result.set(row.entity_ref, {
          takenAt: toDate(row.taken_at),
          freshness: row.freshness === null ? null : JSON.parse(row.freshness),
        });
      }
    }
    return result;
  }

  /**
   * The latest snapshot of every product, read in full: each product's
   * newest taken_at joined back to its row. One statement, the same on
   * SQLite and PostgreSQL; both plan the grouping in one pass (a hash
   * aggregate, or a walk of the (entity_ref, taken_at) index) instead of
   * sorting the whole history as `row_number() over (partition by
   * entity_ref order by taken_at desc)` does — half the time on 70,000
   * snapshots.
   */
  async readAllLatest(): Promise<Map<string, LatestScores>> {
    return (await this.readAll()).latest;
  }

  private async read(): Promise<ReadonlyMap<string, LatestScores>> {
    const now = this.now();
    const interval =
      this.options.fullReadIntervalMs ?? DEFAULT_FULL_READ_INTERVAL_MS;
    if (!this.known || now - this.known.fullReadAt >= interval) {
      const { latest, versions, maxId } = await this.readAll();
      this.known = {
        latest,
        versions,
        fullReadAt: now,
        marks: [{ at: now, maxId }],
      };
      return latest;
    }
    return this.readSince(this.known, now);
  }

  private async readAll() {
    // Read first: every row up to it that has committed is in the full read.
    const maxId = await this.maxId();
    const newest = this.db(SNAPSHOTS)
      .select('entity_ref')
      .max({ newest_taken_at: 'taken_at' })
      .groupBy('entity_ref')
      .as('newest');
    const rows: Row[] = await this.db(`${SNAPSHOTS} as s`)
      .join(newest, join =>
        join
          .on('s.entity_ref', '=', 'newest.entity_ref')
          .andOn('s.taken_at', '=', 'newest.newest_taken_at'),
      )
      .select(SCORE_COLUMNS.map(column => `s.${column}`));
    const latest = new Map<string, LatestScores>();
    const versions: Known['versions'] = new Map();
    apply(rows, latest, versions);
    return { latest, versions, maxId };
  }

  /** Rows written since the last reads, applied over the known ones. */
  private async readSince(
    known: Known,
    now: number,
  ): Promise<ReadonlyMap<string, LatestScores>> {
    const window = this.options.rereadWindowMs ?? DEFAULT_REREAD_WINDOW_MS;
    // From the highest id a read had seen `window` ago (while every read is
    // younger: the oldest one's).
    const settled = known.marks.filter(mark => mark.at <= now - window);
    const young = known.marks.filter(mark => mark.at > now - window);
    const floor = settled[settled.length - 1] ?? young[0];
    const rows: Row[] = await this.db(SNAPSHOTS)
      .where('id', '>', floor.maxId)
      .orderBy('id')
      .select(SCORE_COLUMNS);
    const seen = known.marks[known.marks.length - 1].maxId;
    const maxId = rows.reduce(
      (max, row) => Math.max(max, Number(row.id)),
      seen,
    );
    known.marks = [
      ...(settled.length > 0 ? [floor] : []),
      ...young,
      ...(maxId > seen ? [{ at: now, maxId }] : []),
    ];
    if (rows.length === 0) {
      return known.latest;
    }
    // A new map when rows came: a request still reading the old one is not
    // changed under it.
    const latest = new Map(known.latest);
    if (apply(rows, latest, known.versions)) {
      known.latest = latest;
    }
    return known.latest;
  }

  private async maxId(): Promise<number> {
    const [row] = await this.db(SNAPSHOTS).max({ max_id: 'id' });
    return Number(row?.max_id ?? 0);
  }

  private now(): number {
    return (this.options.monotonicNow ?? Date.now)();
  }
}

/** How {@link KnexScorecardSnapshotStore.latestScores} reads. */
export interface LatestScoresReadOptions {
  /** Time between two full reads; default 5 minutes. */
  fullReadIntervalMs?: number;
  /** How long rows are read again after first seen; default 10 s. */
  rereadWindowMs?: number;
  /** Milliseconds for the intervals above; Date.now unless tests say. */
  monotonicNow?: () => number;
}

/**
 * Puts each row in `latest` where it is newer — by taken_at, then id — than
 * what is there. Returns whether anything changed.
 */
function apply(
  rows: Row[],
  latest: Map<string, LatestScores>,
  versions: Known['versions'],
): boolean {
  let changed = false;
  for (const row of rows) {
    const id = Number(row.id);
    const takenAt = toDate(row.taken_at);
    const time = takenAt.getTime();
    const known = versions.get(row.entity_ref);
    if (
      known &&
      (known.takenAt > time || (known.takenAt === time && known.id >= id))
    ) {
      continue;
    }
    versions.set(row.entity_ref, { takenAt: time, id });
    latest.set(row.entity_ref, scoresOf(row));
    changed = true;
  }
  return changed;
}

/** The one row mapper: a row's scores, as every read returns them. */
function scoresOf(row: Row): LatestScores {
  const scores = {} as LatestScores['scores'];
  for (const dimension of SCORECARD_DIMENSIONS) {
    scores[dimension] = numberOrNull(row[dimension]);
  }
  const flags: SnapshotFlags = {
    fragile: booleanOrNull(row.fragile),
    tierAtRisk: booleanOrNull(row.tier_at_risk),
    budgetExhausted: booleanOrNull(row.budget_exhausted),
  };
  return {
    entityRef: row.entity_ref,
    takenAt: toDate(row.taken_at),
    overall: numberOrNull(row.overall),
    scores,
    // None known (or a snapshot from before they were computed): absent,
    // as the snapshot was given.
    ...(Object.values(flags).some(flag => flag !== null) ? { flags } : {}),
  };
}

/** A whole row: its scores, with the evidence and window (JSON). */
function snapshotOf(row: Row): ScorecardSnapshot {
  return {
    ...scoresOf(row),
    evidence: JSON.parse(row.evidence!),
    window: JSON.parse(row.window!),
  };
}

/** A snapshot as stored: a column per score and flag, the rest as JSON. */
function rowOf(snapshot: ScorecardSnapshot) {
  return {
    entity_ref: snapshot.entityRef,
    taken_at: snapshot.takenAt,
    overall: snapshot.overall,
    ...snapshot.scores,
    fragile: snapshot.flags?.fragile ?? null,
    tier_at_risk: snapshot.flags?.tierAtRisk ?? null,
    budget_exhausted: snapshot.flags?.budgetExhausted ?? null,
    evidence: JSON.stringify(snapshot.evidence),
    window: JSON.stringify(snapshot.window),
  };
}
