import {
  addCalendarDays,
  formatIsoDate,
} from '@stockroom/plugin-data-products-common';
import { CursorPosition } from './cursor';
import { InventoryListing, InventoryRow } from './inventoryRows';
import {
  InventoryFilters,
  InventoryQuery,
  InventorySort,
} from './parseInventoryQuery';

/** The rows every filter lets through, in no particular order. */
export function filterRows(
  rows: InventoryRow[],
  filters: InventoryFilters,
  now: Date,
): InventoryRow[] {
  const inSet = (values: string[] | undefined) =>
    values ? new Set(values) : undefined;
  const category = inSet(filters.category);
  const state = inSet(filters.state);
  const owner = inSet(filters.owner);
  const domain = inSet(filters.domain);
  const system = inSet(filters.system);
  const type = inSet(filters.type);
  const has = (set: Set<string> | undefined, value: string | null) =>
    !set || (value !== null && set.has(value));
  const { minScore, maxScore, breaching, q } = filters;
  // expiresOn in [today, today + N]: both ends are calendar days, compared
  // as YYYY-MM-DD text.
  const today = formatIsoDate(now);
  const lastDay =
    filters.expiringWithinDays === undefined
      ? undefined
      : formatIsoDate(addCalendarDays(now, filters.expiringWithinDays));

  return rows.filter(
    row =>
      has(category, row.category) &&
      has(state, row.state) &&
      has(owner, row.match.owner) &&
      has(domain, row.match.domain) &&
      has(system, row.match.system) &&
      has(type, row.match.type) &&
      (minScore === undefined ||
        (row.overall !== null && row.overall >= minScore)) &&
      (maxScore === undefined ||
        (row.overall !== null && row.overall <= maxScore)) &&
      (lastDay === undefined ||
        (row.expiresOn !== null &&
          row.expiresOn >= today &&
          row.expiresOn <= lastDay)) &&
      (breaching === undefined || row.breaching === breaching) &&
      flagMatches(filters.fragile, row.flags.fragile) &&
      flagMatches(filters.tierAtRisk, row.flags.tierAtRisk) &&
      flagMatches(filters.budgetExhausted, row.flags.budgetExhausted) &&
      (q === undefined || row.match.text.includes(q)),
  );
}

/** A flag filter: true keeps the rows flagged, false the others (unknown included). */
function flagMatches(wanted: boolean | undefined, flag: boolean | null) {
  return wanted === undefined || (flag === true) === wanted;
}

/** The value a row sorts by; null for unknown. */
export function sortValue(
  row: InventoryListing,
  sort: InventorySort,
): number | string | null {
  switch (sort) {
    case 'overall':
      return row.overall;
    case 'expiresOn':
      return row.expiresOn;
    case 'name':
      return row.name;
    case 'cost':
      return row.cost.monthly;
    default:
      return row.scores[sort];
  }
}

function compareValues(a: number | string, b: number | string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/**
 * The total order of a sort: by value in the asked order with unknowns
 * last either way, then by name and entity ref ascending, which makes every
 * position unique and so every cursor exact.
 */
export function comparePositions(
  a: CursorPosition,
  b: CursorPosition,
  order: 'asc' | 'desc',
): number {
  if (a.value === null || b.value === null) {
    if (a.value !== b.value) return a.value === null ? 1 : -1;
  } else {
    const byValue = compareValues(a.value, b.value);
    if (byValue !== 0) return order === 'asc' ? byValue : -byValue;
  }
  return (
    compareValues(a.name, b.name) || compareValues(a.entityRef, b.entityRef)
  );
}

export function positionOf(
  row: InventoryRow,
  sort: InventorySort,
): CursorPosition {
  return {
    value: sortValue(row, sort),
    name: row.name,
    entityRef: row.entityRef,
  };
}

/**
 * One page of `rows` (already filtered): sorted, starting after the
 * cursor's position, with whether more follow.
 */
export function pageOf(
  rows: InventoryRow[],
  query: Pick<InventoryQuery, 'sort' | 'order' | 'limit' | 'cursor'>,
): { items: InventoryRow[]; last?: CursorPosition; more: boolean } {
  const { sort, order, limit, cursor } = query;
  const keyed = rows.map(row => ({ row, position: positionOf(row, sort) }));
  const after = cursor
    ? keyed.filter(item => comparePositions(item.position, cursor, order) > 0)
    : keyed;
  after.sort((a, b) => comparePositions(a.position, b.position, order));
  const page = after.slice(0, limit);
  return {
    items: page.map(item => item.row),
    last: page.length > 0 ? page[page.length - 1].position : undefined,
    more: after.length > limit,
  };
}
