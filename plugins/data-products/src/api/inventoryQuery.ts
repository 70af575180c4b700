import {
  INVENTORY_SORT_KEYS,
  type InventoryQuery,
  type InventorySortKey,
} from './InventoryApi';

/**
 * The yes/no filters; the page sets them to true or leaves them out (the
 * API's `false`, "the others", is not offered).
 */
const FLAGS = [
  'breaching',
  'fragile',
  'tierAtRisk',
  'budgetExhausted',
] as const;

/**
 * The query string of an inventory request: only the parameters that are
 * set, in a stable order; the flags (`breaching`, `fragile`, `tierAtRisk`,
 * `budgetExhausted`) only when true. The inventory page uses
 * the same string for its own URL, so a shared link is the API query.
 */
export function inventorySearchParams(query: InventoryQuery): URLSearchParams {
  const params = new URLSearchParams();
  const text = (key: string, value: string | undefined) => {
    if (typeof value === 'string' && value.trim() !== '') {
      params.set(key, value.trim());
    }
  };
  const number = (key: string, value: number | undefined) => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      params.set(key, String(value));
    }
  };
  text('category', query.category);
  text('state', query.state);
  text('owner', query.owner);
  text('domain', query.domain);
  text('system', query.system);
  text('type', query.type);
  number('minScore', query.minScore);
  number('maxScore', query.maxScore);
  number('expiringWithinDays', query.expiringWithinDays);
  for (const flag of FLAGS) {
    if (query[flag] === true) params.set(flag, 'true');
  }
  text('q', query.q);
  text('sort', query.sort);
  text('order', query.order);
  number('limit', query.limit);
  text('cursor', query.cursor);
  return params;
}

function flagParam(value: string | null): true | undefined {
  return value === 'true' ? true : undefined;
}

function numberParam(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function textParam(value: string | null): string | undefined {
  return value !== null && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * An inventory query read back from a query string (the inventory page's
 * URL). Values are taken as written: the backend validates them and answers
 * 400 with its reason, which the page shows. Only what cannot be sent at all
 * (a number that is not one, an unknown sort key) is dropped.
 */
export function parseInventoryQuery(
  params: URLSearchParams | string,
): InventoryQuery {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const sort = textParam(p.get('sort'));
  const order = textParam(p.get('order'));
  const query: InventoryQuery = {
    category: textParam(p.get('category')),
    state: textParam(p.get('state')),
    owner: textParam(p.get('owner')),
    domain: textParam(p.get('domain')),
    system: textParam(p.get('system')),
    type: textParam(p.get('type')),
    minScore: numberParam(p.get('minScore')),
    maxScore: numberParam(p.get('maxScore')),
    expiringWithinDays: numberParam(p.get('expiringWithinDays')),
    breaching: flagParam(p.get('breaching')),
    fragile: flagParam(p.get('fragile')),
    tierAtRisk: flagParam(p.get('tierAtRisk')),
    budgetExhausted: flagParam(p.get('budgetExhausted')),
    q: textParam(p.get('q')),
    sort: (INVENTORY_SORT_KEYS as readonly string[]).includes(sort ?? '')
      ? (sort as InventorySortKey)
      : undefined,
    order: order === 'asc' || order === 'desc' ? order : undefined,
    limit: numberParam(p.get('limit')),
    cursor: textParam(p.get('cursor')),
  };
  // drop the unset keys so queries compare and print cleanly
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as InventoryQuery;
}
