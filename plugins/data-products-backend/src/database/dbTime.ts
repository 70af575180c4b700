/** A timestamp as a knex row holds it: a Date (PostgreSQL), or epoch ms / text (SQLite). */
export type DbTime = Date | string | number;

/** PostgreSQL returns a Date, SQLite the stored epoch milliseconds. */
export function toDate(value: DbTime): Date {
  return value instanceof Date ? value : new Date(Number(value) || value);
}
