import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DataProductState,
  SCORE_DIMENSIONS,
} from '@stockroom/plugin-data-products-common';
import { quoted } from '../openapi/queryValue';
import { CursorPosition, decodeCursor } from './cursor';

/**
 * What `sort` may be: the overall score, a dimension, or a product fact.
 * The API document lists the same values (a test holds them equal); the
 * code needs them for the type and for which sorts are numeric.
 */
export const INVENTORY_SORTS = [
  'overall',
  ...SCORE_DIMENSIONS,
  'expiresOn',
  'name',
  'cost',
] as const;

/** @see INVENTORY_SORTS */
export type InventorySort = (typeof INVENTORY_SORTS)[number];

/** Sorts whose values are text; every other sort is numeric. */
const TEXT_SORTS: readonly InventorySort[] = ['expiresOn', 'name'];

/** The server-side filters; absent means "any". */
export interface InventoryFilters {
  category?: string[];
  state?: DataProductState[];
  /** Full entity refs, lower case (`group:default/orders-team`). */
  owner?: string[];
  domain?: string[];
  system?: string[];
  /** spec.type values, lower case. */
  type?: string[];
  minScore?: number;
  maxScore?: number;
  expiringWithinDays?: number;
  breaching?: boolean;
  /** true: the flag is true; false: the others (false or not known). */
  fragile?: boolean;
  tierAtRisk?: boolean;
  budgetExhausted?: boolean;
  /** Lower case. */
  q?: string;
}

export interface InventoryQuery {
  filters: InventoryFilters;
  sort: InventorySort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: CursorPosition;
}

/** Whether `sort` orders numbers (scores, cost) rather than text. */
export function isNumericSort(sort: InventorySort): boolean {
  return !TEXT_SORTS.includes(sort);
}

/**
 * `GET /products` query values as the API document reads them
 * (`OpenApiRequestValidator.queryValues`: lists split, numbers and booleans
 * typed, enums and ranges checked, defaults filled in), into the inventory
 * query. What the document cannot say is checked here, a 400 naming the
 * parameter: entity refs, min ≤ max, and the cursor.
 *
 * Default order (the document's defaults): "weak links first", overall
 * score ascending with unknown scores last, then by name.
 */
export function parseInventoryQuery(
  values: Record<string, unknown>,
): InventoryQuery {
  const filters: InventoryFilters = {};
  const category = values.category as string[] | undefined;
  if (category) filters.category = category;
  const state = values.state as DataProductState[] | undefined;
  if (state) filters.state = state;
  const owner = values.owner as string[] | undefined;
  if (owner) filters.owner = refs('owner', owner, 'group');
  const domain = values.domain as string[] | undefined;
  if (domain) filters.domain = refs('domain', domain, 'domain');
  const system = values.system as string[] | undefined;
  if (system) filters.system = refs('system', system, 'system');
  const type = values.type as string[] | undefined;
  if (type) filters.type = type.map(value => value.toLocaleLowerCase('en-US'));

  const minScore = values.minScore as number | undefined;
  const maxScore = values.maxScore as number | undefined;
  if (minScore !== undefined && maxScore !== undefined && minScore > maxScore) {
    throw new InputError(
      `minScore (${minScore}) must not be greater than maxScore (${maxScore})`,
    );
  }
  if (minScore !== undefined) filters.minScore = minScore;
  if (maxScore !== undefined) filters.maxScore = maxScore;

  const within = values.expiringWithinDays as number | undefined;
  if (within !== undefined) filters.expiringWithinDays = within;
  const breaching = values.breaching as boolean | undefined;
  if (breaching !== undefined) filters.breaching = breaching;
  for (const flag of ['fragile', 'tierAtRisk', 'budgetExhausted'] as const) {
    const value = values[flag] as boolean | undefined;
    if (value !== undefined) filters[flag] = value;
  }

  const q = values.q as string | undefined;
  if (q !== undefined && q.trim() !== '') {
    filters.q = q.trim().toLocaleLowerCase('en-US');
  }

  const sort = values.sort as InventorySort;
  const order = values.order as 'asc' | 'desc';
  const limit = values.limit as number;
  const cursorText = values.cursor as string | undefined;
  const cursor =
    cursorText === undefined
      ? undefined
      : decodeCursor(cursorText, {
          sort,
          order,
          numeric: isNumericSort(sort),
        });

  return { filters, sort, order, limit, ...(cursor ? { cursor } : {}) };
}

/**
 * Entity refs as the catalog completes them: `orders-team` is
 * `group:default/orders-team` for an owner, `customer` is
 * `domain:default/customer` for a domain.
 */
function refs(name: string, values: string[], defaultKind: string): string[] {
  return values.map(value => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
      ).toLocaleLowerCase('en-US');
    } catch {
      throw new InputError(
        `${name} ${quoted(
          value,
        )} is not an entity ref; write [kind:][namespace/]name, e.g. ${defaultKind}:default/example`,
      );
    }
  });
}
