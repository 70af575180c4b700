/**
 * Owns the table `history_marks`: no other module reads or writes it.
 */
import { Knex } from 'knex';
import { DbTime, toDate } from './dbTime';
import { HistoryMarkStore } from './HistoryMarkStore';

const MARKS = 'history_marks';
// Rows per statement: well under SQLite's bound-parameter limit.
const ROWS_PER_INSERT = 400;

/** {@link HistoryMarkStore} on the plugin's knex database. */
export class KnexHistoryMarkStore implements HistoryMarkStore {
  constructor(private readonly db: Knex) {}

  async marks(): Promise<Map<string, Date>> {
    const rows: Array<{ entity_ref: string; runs_recorded_through: DbTime }> =
      await this.db(MARKS).select('entity_ref', 'runs_recorded_through');
    return new Map(
      rows.map(row => [row.entity_ref, toDate(row.runs_recorded_through)]),
    );
  }

  async advance(
    through: Date,
    refs: readonly string[],
    forget: readonly string[],
  ): Promise<void> {
    const forgotten = new Set(forget);
    const marked = [...new Set(refs)].filter(ref => !forgotten.has(ref));
    await this.db.transaction(async tx => {
      for (let i = 0; i < marked.length; i += ROWS_PER_INSERT) {
        await tx(MARKS)
          .insert(
            marked.slice(i, i + ROWS_PER_INSERT).map(entityRef => ({
              entity_ref: entityRef,
              runs_recorded_through: through,
            })),
          )
          .onConflict('entity_ref')
          .merge(['runs_recorded_through']);
      }
      for (let i = 0; i < forget.length; i += ROWS_PER_INSERT) {
        await tx(MARKS)
          .whereIn('entity_ref', forget.slice(i, i + ROWS_PER_INSERT))
          .delete();
      }
    });
  }
}
