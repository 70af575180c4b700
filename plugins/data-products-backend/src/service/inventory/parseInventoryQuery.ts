import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DATA_PRODUCT_CATEGORIES,
  DATA_PRODUCT_STATES,
  DataProductState,
  SCORE_DIMENSIONS,
} from '@stockroom/plugin-data-products-common';
import { CursorPosition, decodeCursor } from './cursor';

/** What `sort` may be: the overall score, a dimension, or a product fact. */
export const INVENTORY_SORTS = [
  'overall',
  ...SCORE_DIMENSIONS,
  'expiresOn',
  'name',
  'cost',
] as const;

/** @see INVENTORY_SORTS */
export type InventorySort = (typeof INVENTORY_SORTS)[number];

export const INVENTORY_ORDERS = ['asc', 'desc'] as const;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Sorts whose values are text; every other sort is numeric. */
const TEXT_SORTS: readonly InventorySort[] = ['expiresOn', 'name'];

const PARAMETERS = [
  'category',
  'state',
  'owner',
  'domain',
  'system',
  'type',
  'minScore',
  'maxScore',
  'expiringWithinDays',
  'breaching',
  'q',
  'sort',
  'order',
  'limit',
  'cursor',
] as const;

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
 * `GET /products` query parameters, checked strictly: an unknown parameter,
 * an unknown value or a malformed number is a 400 that says what is
 * allowed, rather than a filter silently ignored.
 *
 * Default order: "weak links first", overall score ascending with unknown
 * scores last, then by name.
 */
export function parseInventoryQuery(query: unknown): InventoryQuery {
  const params = (query ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(params).filter(
    key => !(PARAMETERS as readonly string[]).includes(key),
  );
  if (unknown.length > 0) {
    throw new InputError(
      `unknown query parameter ${unknown
        .map(key => JSON.stringify(key.slice(0, 60)))
        .join(', ')}; allowed parameters are ${PARAMETERS.join(', ')}`,
    );
  }

  const filters: InventoryFilters = {};
  const category = list(params, 'category');
  if (category) {
    filters.category = oneOf(
      'category',
      category,
      DATA_PRODUCT_CATEGORIES,
      'a category',
    );
  }
  const state = list(params, 'state');
  if (state) {
    filters.state = oneOf(
      'state',
      state,
      DATA_PRODUCT_STATES,
      'a lifecycle state',
    ) as DataProductState[];
  }
  const owner = list(params, 'owner');
  if (owner) filters.owner = refs('owner', owner, 'group');
  const domain = list(params, 'domain');
  if (domain) filters.domain = refs('domain', domain, 'domain');
  const system = list(params, 'system');
  if (system) filters.system = refs('system', system, 'system');
  const type = list(params, 'type');
  if (type) filters.type = type.map(value => value.toLocaleLowerCase('en-US'));

  const minScore = score(params, 'minScore');
  const maxScore = score(params, 'maxScore');
  if (minScore !== undefined && maxScore !== undefined && minScore > maxScore) {
    throw new InputError(
      `minScore (${minScore}) must not be greater than maxScore (${maxScore})`,
    );
  }
  if (minScore !== undefined) filters.minScore = minScore;
  if (maxScore !== undefined) filters.maxScore = maxScore;

  const within = single(params, 'expiringWithinDays');
  if (within !== undefined) {
    if (!/^\d{1,5}$/.test(within)) {
      throw new InputError(
        `expiringWithinDays must be a whole number of days, 0 or more (e.g. 30), not ${quoted(
          within,
        )}`,
      );
    }
    filters.expiringWithinDays = Number(within);
  }

  const breaching = single(params, 'breaching');
  if (breaching !== undefined) {
    if (breaching !== 'true' && breaching !== 'false') {
      throw new InputError(
        `breaching must be true or false, not ${quoted(breaching)}`,
      );
    }
    filters.breaching = breaching === 'true';
  }

  const q = single(params, 'q');
  if (q !== undefined && q.trim() !== '') {
    filters.q = q.trim().toLocaleLowerCase('en-US');
  }

  const sort = (single(params, 'sort') ?? 'overall') as InventorySort;
  if (!INVENTORY_SORTS.includes(sort)) {
    throw new InputError(
      `sort ${quoted(
        sort,
      )} is unknown; allowed values are ${INVENTORY_SORTS.join(', ')}`,
    );
  }
  const order = (single(params, 'order') ?? 'asc') as 'asc' | 'desc';
  if (!INVENTORY_ORDERS.includes(order)) {
    throw new InputError(
      `order ${quoted(order)} is unknown; allowed values are asc, desc`,
    );
  }

  const limitText = single(params, 'limit');
  let limit = DEFAULT_PAGE_SIZE;
  if (limitText !== undefined) {
    if (
      !/^\d{1,6}$/.test(limitText) ||
      Number(limitText) < 1 ||
      Number(limitText) > MAX_PAGE_SIZE
    ) {
      throw new InputError(
        `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${quoted(
          limitText,
        )}`,
      );
    }
    limit = Number(limitText);
  }

  const cursorText = single(params, 'cursor');
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
 * A parameter given once as a plain value; repeats (`?sort=a&sort=b`) and
 * nested forms (`?sort[a]=b`) are refused rather than one picked.
 */
function single(
  params: Record<string, unknown>,
  name: string,
): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${name} must be given once, as a plain value`);
  }
  return value;
}

/** A multi-value filter: comma-separated, repeatable; blank parts dropped. */
function list(
  params: Record<string, unknown>,
  name: string,
): string[] | undefined {
  const raw = params[name];
  if (raw === undefined) return undefined;
  const values = [raw].flat();
  if (values.some(value => typeof value !== 'string')) {
    throw new InputError(
      `${name} must be plain values, comma-separated or repeated`,
    );
  }
  const parts = (values as string[])
    .flatMap(value => value.split(','))
    .map(value => value.trim())
    .filter(value => value !== '');
  if (parts.length === 0) {
    throw new InputError(
      `${name} is empty: leave it out for any ${name}, or give one or more values, comma-separated`,
    );
  }
  return [...new Set(parts)];
}

function oneOf(
  name: string,
  values: string[],
  allowed: readonly string[],
  what: string,
): string[] {
  const bad = values.filter(value => !allowed.includes(value));
  if (bad.length > 0) {
    throw new InputError(
      `${name} ${bad.map(quoted).join(', ')} ${
        bad.length === 1 ? 'is' : 'are'
      } not ${what}; allowed values are ${allowed.join(
        ', ',
      )} (comma-separated for several)`,
    );
  }
  return values;
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

/** An overall score bound: a number from 1 to 5 (decimals allowed). */
function score(
  params: Record<string, unknown>,
  name: string,
): number | undefined {
  const text = single(params, name);
  if (text === undefined) return undefined;
  const value = /^\d(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= 5)) {
    throw new InputError(
      `${name} must be a number from 1 to 5 (e.g. 2.5), not ${quoted(text)}`,
    );
  }
  return value;
}

function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
