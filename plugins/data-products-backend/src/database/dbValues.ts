/** Column values as knex rows hold them on SQLite and PostgreSQL alike. */

/** A double column: PostgreSQL may hand numerics back as text. */
export function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

/** A boolean column: SQLite hands booleans back as 0 and 1. */
export function booleanOrNull(
  value: boolean | number | null | undefined,
): boolean | null {
  return value === null || value === undefined ? null : Boolean(value);
}
