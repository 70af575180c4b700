/**
 * The table `latest_scores`: each product's latest scorecard snapshot's
 * scores and flags, one row per product. KnexScorecardSnapshotStore writes
 * it in the transaction that writes the snapshot, so it is never behind the
 * snapshots; the inventory's read model joins it (KnexInventoryReadModel).
 */
import { isBreachingNow } from '@stockroom/plugin-data-products-common';
import { Knex } from 'knex';
import { LatestScores, SCORECARD_DIMENSIONS } from './ScorecardSnapshotStore';

export const LATEST_SCORES = 'latest_scores';

/** Scores, with the evidence when the writer has it (not when caught up from scores). */
type ScoresWithEvidence = LatestScores & { evidence?: Record<string, unknown> };

// Rows per statement: 15 columns each stays under SQLite's bound-value limit.
const ROWS_PER_STATEMENT = 50;

/**
 * Makes each given snapshot its product's latest unless a newer one is
 * there already; of two taken at the same instant, the later write wins (a
 * recomputed day replaces the day). At most one snapshot per product: a
 * statement cannot update one row twice.
 */
export async function upsertLatestScores(
  db: Knex | Knex.Transaction,
  snapshots: readonly ScoresWithEvidence[],
): Promise<void> {
  const rows = snapshots.map(rowOf);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db(LATEST_SCORES)
      .insert(rows.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict('entity_ref')
      .merge()
      .where(
        `${LATEST_SCORES}.taken_at`,
        '<=',
        db.ref('excluded.taken_at') as unknown as Date,
      );
  }
}

/** The newest of each product's snapshots, for {@link upsertLatestScores}. */
export function newestPerProduct<T extends LatestScores>(
  snapshots: readonly T[],
): T[] {
  const newest = new Map<string, T>();
  for (const snapshot of snapshots) {
    const known = newest.get(snapshot.entityRef);
    if (!known || known.takenAt.getTime() <= snapshot.takenAt.getTime()) {
      newest.set(snapshot.entityRef, snapshot);
    }
  }
  return [...newest.values()];
}

/** The products that have a row, with when their snapshot was taken. */
export async function latestScoreTimes(db: Knex): Promise<Map<string, number>> {
  const rows: Array<{ entity_ref: string; taken_at: Date | number | string }> =
    await db(LATEST_SCORES).select('entity_ref', 'taken_at');
  return new Map(
    rows.map(row => [
      row.entity_ref,
      row.taken_at instanceof Date
        ? row.taken_at.getTime()
        : Number(row.taken_at),
    ]),
  );
}

function rowOf(snapshot: ScoresWithEvidence) {
  const dimensions = Object.fromEntries(
    SCORECARD_DIMENSIONS.map(dimension => [
      dimension,
      snapshot.scores[dimension],
    ]),
  );
  return {
    entity_ref: snapshot.entityRef,
    taken_at: snapshot.takenAt,
    overall: snapshot.overall,
    ...dimensions,
    // the engine's rule, judged when written, so the inventory filters a column
    breaching: isBreachingNow(snapshot.scores),
    fragile: snapshot.flags?.fragile ?? null,
    tier_at_risk: snapshot.flags?.tierAtRisk ?? null,
    budget_exhausted: snapshot.flags?.budgetExhausted ?? null,
    // what the inventory's "Freshness vs cost" reads; 'null' when the
    // evidence has none, NULL when the evidence was not at hand
    freshness_evidence: snapshot.evidence
      ? JSON.stringify(snapshot.evidence.freshness ?? null)
      : null,
  };
}
