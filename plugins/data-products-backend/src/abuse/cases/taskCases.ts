import { RequestProbe } from '../RequestProbe';
import { Caller } from '../tokens';

/** The tasks the plugin can schedule (docs/security.md), and one it never does. */
const TASK_IDS = [
  'data-products-scoring',
  'data-products-alerts',
  'data-products-lifecycle-notifications',
  'data-products-contract-history',
  'catalog-refresh',
];

/** Callers without stockroom.task.trigger, and what they are told. */
const REFUSED: Array<[Caller, number, RegExp]> = [
  ['none', 401, /credentials|token/i],
  ['bogus', 401, /credentials|token/i],
  ['reader', 403, /stockroom\.task\.trigger/],
  ['reporter', 403, /stockroom\.task\.trigger/],
];

const post = (
  path: string,
  title: string,
  caller: Caller,
  status: number | number[],
  message: RegExp,
): RequestProbe => ({
  name: `POST ${path} ${title}`,
  method: 'POST',
  path,
  caller,
  status,
  message,
});

/** A probe of running tasks, answered by the backend on the real scheduler. */
const task = (...args: Parameters<typeof post>): RequestProbe => ({
  ...post(...args),
  backend: 'scheduler',
});

/** Ids that name no task (issue #11: `%00`, RTL in paths). */
const BAD_IDS: Record<string, string> = {
  'a NUL byte': 'data-products-scoring%00',
  'a right-to-left override': `${encodeURIComponent(
    '\u202E',
  )}data-products-scoring`,
  'dot-dot': '%2E%2E',
  '1,000 characters': 't'.repeat(1000),
  __proto__: '__proto__',
};

/**
 * Running a task now: the plugin's own endpoint and the scheduler's
 * endpoints under the plugin, which need the same permission.
 */
export const taskProbes: RequestProbe[] = [
  ...TASK_IDS.flatMap(id =>
    REFUSED.flatMap(([caller, status, message]) => [
      task(
        `/tasks/${id}/trigger`,
        `Authorization: ${caller}`,
        caller,
        status,
        message,
      ),
      task(
        `/.backstage/scheduler/v1/tasks/${id}/trigger`,
        `Authorization: ${caller}`,
        caller,
        status,
        message,
      ),
      task(
        `/.backstage/scheduler/v1/tasks/${id}/cancel`,
        `Authorization: ${caller}`,
        caller,
        status,
        message,
      ),
    ]),
  ),
  ...Object.entries(BAD_IDS).map(([kind, id]) =>
    task(
      `/tasks/${id}/trigger`,
      `id: ${kind}`,
      'pipeline',
      [400, 404],
      /No Stockroom task|\bid\b/,
    ),
  ),
  // refused for the permission, or as malformed before it (a malformed id
  // tells nothing about which tasks exist)
  ...Object.entries(BAD_IDS).map(([kind, id]) =>
    task(
      `/tasks/${id}/trigger`,
      `id: ${kind}, caller without the permission`,
      'reader',
      [400, 403],
      /stockroom\.task\.trigger|\bid\b/,
    ),
  ),
  task(
    '/tasks/catalog-refresh/trigger',
    'id: not a Stockroom task',
    'pipeline',
    404,
    /No Stockroom task "catalog-refresh"/,
  ),
  task(
    '/tasks/data-products-scoring/trigger?now=1',
    '?now: unknown parameter',
    'pipeline',
    400,
    /\bnow\b/,
  ),
];

/** POST …/scorecard/refresh: who may, and for what. */
export const refreshProbes: RequestProbe[] = [
  post(
    '/products/default/ghost/scorecard/refresh',
    'of a product not in the catalog',
    'pipeline',
    404,
    /dataproduct:default\/ghost/,
  ),
  post(
    '/products/default/orders%00/scorecard/refresh',
    'name: a NUL byte',
    'pipeline',
    [400, 404],
    /\bname\b|dataproduct:default\//,
  ),
  post(
    `/products/default/orders${encodeURIComponent('\u202E')}/scorecard/refresh`,
    'name: a right-to-left override',
    'pipeline',
    [400, 404],
    /\bname\b|dataproduct:default\//,
  ),
  post(
    '/products/default/orders/scorecard/refresh?force=true',
    '?force: unknown parameter',
    'pipeline',
    400,
    /\bforce\b/,
  ),
  ...(['none', 'bogus', 'basic'] as const).map(caller =>
    post(
      '/products/default/orders/scorecard/refresh',
      `Authorization: ${caller}`,
      caller,
      401,
      /credentials|token/i,
    ),
  ),
  ...(['reader', 'reporter'] as const).map(caller =>
    post(
      '/products/default/orders/scorecard/refresh',
      `Authorization: ${caller}`,
      caller,
      403,
      /stockroom\.scorecard\.refresh/,
    ),
  ),
];

/** Routes the plugin does not serve: 404 in JSON, not an HTML page. */
export const unknownRouteProbes: RequestProbe[] = [
  {
    name: 'GET /nope: no such route',
    method: 'GET',
    path: '/nope',
    status: 404,
    message: /nope/,
  },
  {
    name: 'GET /runs: a POST-only route',
    method: 'GET',
    path: '/runs',
    status: [404, 405],
    message: /\/runs/,
  },
  {
    name: 'PUT /openlineage: a POST-only route',
    method: 'PUT',
    path: '/openlineage',
    json: {},
    status: [404, 405],
    message: /\/openlineage/,
  },
  {
    name: 'DELETE /products/default/orders/scorecard: no such method',
    method: 'DELETE',
    path: '/products/default/orders/scorecard',
    status: [404, 405],
    message: /scorecard/,
  },
  {
    name: 'GET /products/default/orders: no such route',
    method: 'GET',
    path: '/products/default/orders',
    status: 404,
    message: /products\/default\/orders/,
  },
  {
    name: 'GET /tasks/data-products-scoring/trigger: a POST-only route',
    method: 'GET',
    path: '/tasks/data-products-scoring/trigger',
    status: [404, 405],
    message: /trigger/,
  },
  {
    name: 'GET /%00: a NUL path',
    method: 'GET',
    path: '/%00',
    status: [400, 404],
    message: /./,
  },
];
