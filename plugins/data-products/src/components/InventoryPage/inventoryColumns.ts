import {
  SCORE_DIMENSIONS,
  type ScoreDimension,
} from '@stockroom/plugin-data-products-common';

/**
 * The inventory table's columns, by the name the `columns` URL parameter
 * uses, in the order the table shows them whatever order the URL lists them.
 */
export const INVENTORY_COLUMNS = [
  'name',
  'category',
  'state',
  'owner',
  'tier',
  'overall',
  ...SCORE_DIMENSIONS,
  'expiresOn',
  'cost',
  'consumers',
  'fragile',
  'tierAtRisk',
  'budgetExhausted',
] as const;

export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];

/**
 * What the table shows without `?columns=`: what a tier review reads first
 * (weak, expiring, breaching, who pays), few enough to fit a 1280 px screen
 * and to keep the first render cheap. The dimensions are a click away.
 */
export const DEFAULT_COLUMNS: readonly InventoryColumn[] = [
  'name',
  'state',
  'owner',
  'overall',
  'expiresOn',
  'cost',
  'consumers',
];

/** The name column identifies the row: it cannot be hidden. */
export const REQUIRED_COLUMN: InventoryColumn = 'name';

/** The URL parameter holding the chosen columns. */
export const COLUMNS_PARAM = 'columns';

export function isDimensionColumn(
  column: InventoryColumn,
): column is ScoreDimension {
  return (SCORE_DIMENSIONS as readonly string[]).includes(column);
}

function isInventoryColumn(value: string): value is InventoryColumn {
  return (INVENTORY_COLUMNS as readonly string[]).includes(value);
}

/** The chosen columns in table order, with the name column always in. */
export function normalizeColumns(
  chosen: Iterable<InventoryColumn>,
): InventoryColumn[] {
  const wanted = new Set<InventoryColumn>(chosen);
  wanted.add(REQUIRED_COLUMN);
  return INVENTORY_COLUMNS.filter(column => wanted.has(column));
}

/**
 * Reads `?columns=name,owner,tier,freshness`: the defaults when the
 * parameter is absent or names no known column; unknown names (a typo, a
 * column of a newer version) are ignored rather than refused, so an old
 * link still opens.
 */
export function parseColumns(value: string | null): InventoryColumn[] {
  const known = (value ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(isInventoryColumn);
  if (known.length === 0) return [...DEFAULT_COLUMNS];
  return normalizeColumns(known);
}

/**
 * The parameter's value for a choice; undefined for the defaults, so a
 * plain view keeps a plain address.
 */
export function columnsParam(
  chosen: Iterable<InventoryColumn>,
): string | undefined {
  const columns = normalizeColumns(chosen);
  const defaults = normalizeColumns(DEFAULT_COLUMNS);
  const isDefault =
    columns.length === defaults.length &&
    columns.every((column, i) => column === defaults[i]);
  return isDefault ? undefined : columns.join(',');
}
