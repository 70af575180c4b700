/**
 * The inventory benches' request mix: filters, sorts and orders, page sizes
 * (every tenth 200), over the synthetic products of synthetic.ts.
 */
export const FILTERS = [
  '',
  'category=convenience-view',
  'state=expiring,expired',
  'owner=team-3',
  'domain=domain-2&category=shared-mart',
  'minScore=2&maxScore=3.5',
  'breaching=true',
  'expiringWithinDays=30',
  'q=product-12',
  'system=system-5,system-7',
  'type=table&minScore=4',
  'category=core-entity,shared-mart&breaching=false',
];
export const SORTS = [
  '', // default: weak links first
  'sort=freshness',
  'sort=reliability&order=desc',
  'sort=cost&order=desc',
  'sort=expiresOn',
  'sort=name',
  'sort=overall&order=desc',
  'sort=quality',
  'sort=reuse&order=desc',
  'sort=contract',
  'sort=stability',
  'sort=ownership&order=desc',
];

/** The k-th request's query string. */
export function queryOf(k: number): string {
  const parts = [
    FILTERS[k % FILTERS.length],
    SORTS[(k * 5) % SORTS.length],
    k % 10 === 9 ? 'limit=200' : '',
  ].filter(Boolean);
  return parts.join('&');
}
