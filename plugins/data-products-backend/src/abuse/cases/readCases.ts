import { RequestProbe } from '../RequestProbe';
import { Caller } from '../tokens';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const get = (
  path: string,
  title: string,
  status: number,
  message: RegExp,
  caller?: Caller,
): RequestProbe => ({
  name: `GET ${path.split('?')[0]} ${title}`,
  method: 'GET',
  path,
  status,
  message,
  ...(caller ? { caller } : {}),
});

/** `?name=value` for each bad value: 400 naming the parameter. */
function queryProbes(
  path: string,
  param: string,
  values: Record<string, string>,
): RequestProbe[] {
  return Object.entries(values).map(([kind, value]) =>
    get(
      `${path}?${param}=${encodeURIComponent(value)}`,
      `?${param}: ${kind}`,
      400,
      new RegExp(`\\b${param}\\b`),
    ),
  );
}

const BAD_LIMITS = {
  zero: '0',
  negative: '-1',
  fractional: '2.5',
  'in words': 'ten',
  empty: '',
  NaN: 'NaN',
  Infinity: 'Infinity',
  'with a NUL byte': '5\u0000',
  huge: '9'.repeat(400),
};

const BAD_DATES = {
  'in words': 'yesterday',
  'month 13': '2026-13-01',
  'an impossible day': '2026-02-30',
  NaN: 'NaN',
  'with a NUL byte': '2026-11-01\u0000',
  'a six-digit year': '+275760-09-13',
};

const INVENTORY = '/products';
const inventoryProbes: RequestProbe[] = [
  ...queryProbes(INVENTORY, 'category', {
    unknown: 'gold',
    empty: '',
    'upper case': 'CORE-ENTITY',
    'with a NUL byte': 'core-entity\u0000',
  }),
  ...queryProbes(INVENTORY, 'state', {
    unknown: 'zombie',
    'upper case': 'EXPIRED',
    'one bad among good': 'active,zombie',
  }),
  ...queryProbes(INVENTORY, 'limit', { ...BAD_LIMITS, 'above 200': '201' }),
  ...queryProbes(INVENTORY, 'minScore', {
    zero: '0',
    six: '6',
    'in words': 'high',
    NaN: 'NaN',
    negative: '-3',
  }),
  ...queryProbes(INVENTORY, 'maxScore', {
    zero: '0',
    six: '6',
    Infinity: 'Infinity',
  }),
  get(
    `${INVENTORY}?minScore=4&maxScore=2`,
    '?minScore: above maxScore',
    400,
    /minScore/,
  ),
  ...queryProbes(INVENTORY, 'expiringWithinDays', {
    negative: '-1',
    'in words': 'soon',
    fractional: '1.5',
    'above 99999': '100000',
  }),
  ...queryProbes(INVENTORY, 'breaching', { maybe: 'maybe', 'a number': '2' }),
  ...queryProbes(INVENTORY, 'q', { '201 characters': 'q'.repeat(201) }),
  ...queryProbes(INVENTORY, 'sort', {
    unknown: 'popularity',
    'a SQL fragment': 'name; drop table runs',
  }),
  ...queryProbes(INVENTORY, 'order', { unknown: 'up' }),
  ...queryProbes(INVENTORY, 'cursor', {
    garbage: 'not-a-cursor',
    '2,001 characters': 'c'.repeat(2001),
    'base64 of JSON with __proto__': Buffer.from(
      '{"__proto__":{"x":1}}',
    ).toString('base64url'),
  }),
  ...queryProbes(INVENTORY, 'owner', {
    'a NUL byte': 'group:default/a\u0000b',
  }),
  get(`${INVENTORY}?limit=1&limit=2`, '?limit: given twice', 400, /\blimit\b/),
  get(`${INVENTORY}?page=2`, '?page: unknown parameter', 400, /\bpage\b/),
  get(
    `${INVENTORY}?categroy=shared-mart`,
    '?categroy: unknown parameter, meant category',
    400,
    /categroy.*category/,
  ),
  get(
    `${INVENTORY}?__proto__=x`,
    '?__proto__: unknown parameter',
    400,
    /__proto__/,
  ),
  get(INVENTORY, 'Authorization: none', 401, /credentials|token/i, 'none'),
  get(INVENTORY, 'Authorization: bogus', 401, /credentials|token/i, 'bogus'),
  get(
    INVENTORY,
    'Authorization: reporter without stockroom.inventory.read',
    403,
    /stockroom\.inventory\.read/,
    'reporter',
  ),
];

const LIFECYCLE = '/lifecycle';
const lifecycleProbes: RequestProbe[] = [
  ...queryProbes(LIFECYCLE, 'state', {
    unknown: 'zombie',
    'upper case': 'EXPIRED',
    empty: '',
    'one bad among good': 'expiring,zombie',
    'with a NUL byte': 'active\u0000',
  }),
  get(
    `${LIFECYCLE}?stat=active`,
    '?stat: unknown parameter, meant state',
    400,
    /stat\b.*state/,
  ),
  get(
    `${LIFECYCLE}?category=shared-mart`,
    '?category: unknown parameter',
    400,
    /category/,
  ),
  get(LIFECYCLE, 'Authorization: none', 401, /credentials|token/i, 'none'),
  get(LIFECYCLE, 'Authorization: bogus', 401, /credentials|token/i, 'bogus'),
  get(LIFECYCLE, 'Authorization: basic', 401, /credentials|token/i, 'basic'),
];

/** The product read endpoints, each probed alike. */
const PRODUCT_READS = [
  'scorecard',
  'scorecard/history',
  'runs',
  'contract',
  'contract/history',
  'incidents',
];

/** Names in a path that name no entity (issue #11: `%00`, RTL). */
const BAD_NAMES: Record<string, string> = {
  'a NUL byte': 'orders%00',
  'only a NUL byte': '%00',
  'a right-to-left override': `orders${encodeURIComponent('\u202E')}txt`,
  'a newline': 'orders%0A',
  'dot-dot': '%2E%2E',
  'an encoded slash': 'orders%2F..%2Fsecrets',
  '300 characters': 'o'.repeat(300),
  'a malformed escape': 'orders%E0%A4%A',
};

function productReadProbes(read: string): RequestProbe[] {
  const path = (name: string, namespace = 'default') =>
    `/products/${namespace}/${name}/${read}`;
  return [
    get(
      path('ghost'),
      'of a product not in the catalog',
      404,
      /dataproduct:default\/ghost/,
    ),
    get(
      path('orders', 'elsewhere'),
      'in a namespace not in the catalog',
      404,
      /dataproduct:elsewhere\/orders/,
    ),
    ...Object.entries(BAD_NAMES).map(([kind, name]) =>
      // refused as malformed (400) or as no such product (404), in JSON
      // either way, naming the parameter, the ref or the segment as sent
      ({
        ...get(
          path(name),
          `name: ${kind}`,
          404,
          new RegExp(`\\bname\\b|dataproduct:default/|${escapeRegExp(name)}`),
        ),
        status: [400, 404],
      }),
    ),
    get(
      `${path('orders')}?since=2026-01-01`,
      '?since: unknown parameter',
      400,
      /\bsince\b/,
    ),
    get(
      path('orders'),
      'Authorization: none',
      401,
      /credentials|token/i,
      'none',
    ),
    get(
      path('orders'),
      'Authorization: bogus',
      401,
      /credentials|token/i,
      'bogus',
    ),
    get(
      path('orders'),
      'Authorization: empty',
      401,
      /credentials|token/i,
      'empty',
    ),
  ];
}

const parameterProbes: RequestProbe[] = [
  ...queryProbes('/products/default/orders/runs', 'limit', {
    ...BAD_LIMITS,
    'above 500': '501',
  }),
  ...queryProbes('/products/default/orders/runs', 'before', BAD_DATES),
  ...queryProbes(
    '/products/default/orders/scorecard/history',
    'from',
    BAD_DATES,
  ),
  ...queryProbes('/products/default/orders/scorecard/history', 'to', {
    'in words': 'now',
    'month 13': '2026-13-01',
  }),
  get(
    '/products/default/orders/scorecard/history?from=2026-11-20&to=2026-11-01',
    '?from: after to',
    400,
    /\bfrom\b.*\bto\b/,
  ),
  ...queryProbes('/products/default/orders/contract', 'format', {
    unknown: 'xml',
    'upper case': 'ODCS',
    empty: '',
  }),
  get(
    '/products/default/orders/contract?format=json&format=odcs',
    '?format: given twice',
    400,
    /\bformat\b/,
  ),
];

/** The read endpoints: query parameters, names in paths, callers. */
export const readProbes: RequestProbe[] = [
  ...inventoryProbes,
  ...lifecycleProbes,
  ...PRODUCT_READS.flatMap(productReadProbes),
  ...parameterProbes,
];
