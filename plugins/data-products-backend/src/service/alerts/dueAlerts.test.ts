import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { DriftIncident } from '../../database/ContractHistoryStore';
import { alertDedupeKey } from './DueAlert';
import {
  AlertProduct,
  AlertRun,
  alertProductOf,
  dueBreachAlerts,
  dueDriftAlerts,
} from './dueAlerts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = new Date('2026-11-25T12:00:00Z');
const SINCE = new Date(NOW.getTime() - 24 * HOUR);
const ORDERS = 'dataproduct:default/orders';

const orders: AlertProduct = {
  entityRef: ORDERS,
  title: 'Orders',
  owner: 'group:default/orders-team',
  freshness: { p95: '30m', p99: '1h' },
};

/**
 * Hourly runs ending an hour before NOW, one letter each: `o` on time
 * (lag 20m), `l` late (lag 90m, beyond the 1h p99), `f` failed.
 */
function runs(pattern: string): AlertRun[] {
  const letters = [...pattern];
  return letters.map((letter, i) => {
    const finishedAt = new Date(NOW.getTime() - (letters.length - i) * HOUR);
    if (letter === 'f') {
      return {
        runId: `run-${i}`,
        status: 'failed',
        finishedAt,
        errorMessage: 'extract timed out',
      };
    }
    const lag = letter === 'l' ? 90 * MINUTE : 20 * MINUTE;
    return {
      runId: `run-${i}`,
      status: 'success',
      finishedAt,
      watermark: new Date(finishedAt.getTime() - lag),
    };
  });
}

function streaks(
  pattern: string,
  options: {
    fromFirstRun?: boolean;
    since?: Date;
    product?: AlertProduct;
  } = {},
) {
  return dueBreachAlerts({
    product: options.product ?? orders,
    runs: runs(pattern),
    fromFirstRun: options.fromFirstRun ?? false,
    since: options.since ?? SINCE,
  }).map(alert => [
    alert.firstRun.runId,
    alert.firstRun.cause,
    alert.breachingRuns,
    alert.ongoing,
  ]);
}

describe('dueBreachAlerts', () => {
  it('alerts once per streak of breaching runs that follows a good run', () => {
    // run-1..2 one streak (late, failed), run-4 another, run-6..7 ongoing.
    expect(streaks('ollofolf')).toEqual([
      ['run-1', 'late', 2, false],
      ['run-4', 'failed', 1, false],
      ['run-6', 'late', 2, true],
    ]);
  });

  it('says it all in the alert', () => {
    const [alert] = dueBreachAlerts({
      product: orders,
      runs: runs('ofo'),
      fromFirstRun: false,
      since: SINCE,
    });
    expect(alert).toEqual({
      kind: 'sla-breach',
      dedupeKey: `sla-breach|${ORDERS}|run-1`,
      recipient: 'group:default/orders-team',
      product: { entityRef: ORDERS, title: 'Orders' },
      firstRun: {
        runId: 'run-1',
        finishedAt: new Date(NOW.getTime() - 2 * HOUR).toISOString(),
        cause: 'failed',
        lagMs: null,
        errorMessage: 'extract timed out',
      },
      breachingRuns: 1,
      ongoing: false,
      sla: { percentile: 'p99', ms: HOUR },
    });
  });

  it('carries the lag of a late first run', () => {
    const [alert] = dueBreachAlerts({
      product: orders,
      runs: runs('ol'),
      fromFirstRun: false,
      since: SINCE,
    });
    expect(alert.firstRun).toEqual(
      expect.objectContaining({ cause: 'late', lagMs: 90 * MINUTE }),
    );
  });

  it('keys a streak by its first run, however long it grows', () => {
    const before = streaks('ol');
    const after = streaks('ollff');
    expect(before[0][0]).toBe('run-1');
    expect(after[0][0]).toBe('run-1');
  });

  it('leaves alone a streak already running when the runs begin', () => {
    expect(streaks('llofo')).toEqual([['run-3', 'failed', 1, false]]);
  });

  it('alerts a streak that starts the product history', () => {
    expect(streaks('lo', { fromFirstRun: true })).toEqual([
      ['run-0', 'late', 1, false],
    ]);
  });

  it('alerts only streaks that began in the lookback', () => {
    // 30 hourly runs: run-1 (29 h ago) is before the 24 h lookback.
    const pattern = `of${'o'.repeat(20)}l${'o'.repeat(7)}`;
    expect(streaks(pattern)).toEqual([['run-22', 'late', 1, false]]);
    // A streak that began before it and still runs is old news too.
    expect(streaks(`of${'f'.repeat(28)}`)).toEqual([]);
  });

  it('breaches at the p95 without a p99, and only failures without an SLA', () => {
    const p95Only = { ...orders, freshness: { p95: '2h' } };
    expect(streaks('olof', { product: p95Only })).toEqual([
      ['run-3', 'failed', 1, true],
    ]);
    const noSla = { ...orders, freshness: undefined };
    expect(streaks('olof', { product: noSla })).toEqual([
      ['run-3', 'failed', 1, true],
    ]);
  });

  it('alerts nobody about a product without an owner', () => {
    expect(streaks('of', { product: { ...orders, owner: undefined } })).toEqual(
      [],
    );
  });
});

describe('dueDriftAlerts', () => {
  const incident = (overrides: Partial<DriftIncident> = {}): DriftIncident => ({
    id: 1,
    entityRef: ORDERS,
    kind: 'observed-schema-drift',
    dedupeKey: `observed-schema-drift|${ORDERS}|abc`,
    openedAt: new Date('2026-11-25T10:00:00Z'),
    details: { runId: 'run-9', drift: [] },
    ...overrides,
  });

  it('alerts the owner once per incident, keyed by the incident', () => {
    expect(
      dueDriftAlerts({
        incidents: [incident()],
        products: new Map([[ORDERS, orders]]),
      }),
    ).toEqual([
      {
        kind: 'drift',
        dedupeKey: `drift|observed-schema-drift|${ORDERS}|abc`,
        recipient: 'group:default/orders-team',
        product: { entityRef: ORDERS, title: 'Orders' },
        incident: {
          kind: 'observed-schema-drift',
          dedupeKey: `observed-schema-drift|${ORDERS}|abc`,
          openedAt: '2026-11-25T10:00:00.000Z',
          details: { runId: 'run-9', drift: [] },
        },
      },
    ]);
  });

  it('skips products the catalog no longer has, or without an owner', () => {
    expect(
      dueDriftAlerts({
        incidents: [
          incident({ entityRef: 'dataproduct:default/gone' }),
          incident(),
        ],
        products: new Map([[ORDERS, { ...orders, owner: undefined }]]),
      }),
    ).toEqual([]);
  });
});

describe('alertDedupeKey', () => {
  it('joins the parts, or hashes them when they would not fit the column', () => {
    expect(alertDedupeKey('sla-breach', ORDERS, 'run-1')).toBe(
      `sla-breach|${ORDERS}|run-1`,
    );
    const long = alertDedupeKey('sla-breach', ORDERS, 'r'.repeat(500));
    expect(long).toMatch(/^sla-breach\|sha256:[0-9a-f]{64}$/);
    expect(alertDedupeKey('sla-breach', ORDERS, 'r'.repeat(501))).not.toBe(
      long,
    );
  });
});

describe('alertProductOf', () => {
  it('reads the owner, title and the normalized freshness SLA', () => {
    expect(
      alertProductOf({
        apiVersion: 'stockroom.io/v1alpha1',
        kind: 'DataProduct',
        metadata: { name: 'orders', namespace: 'default', title: 'Orders' },
        spec: {
          owner: 'orders-team',
          contract: { freshness: { p95: '30m', p99: '1h' } },
        },
        relations: [
          { type: RELATION_OWNED_BY, targetRef: 'group:default/orders-team' },
        ],
      }),
    ).toEqual(orders);
  });
});
