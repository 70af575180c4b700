import { alertPayload, scorecardPath } from './alertPayload';
import { DriftAlert, SlaBreachAlert } from './DueAlert';

const ORDERS = 'dataproduct:default/orders';

const breach: SlaBreachAlert = {
  kind: 'sla-breach',
  dedupeKey: `sla-breach|${ORDERS}|run-1`,
  recipient: 'group:default/orders-team',
  product: { entityRef: ORDERS, title: 'Orders' },
  firstRun: {
    runId: 'run-1',
    finishedAt: '2026-11-25T10:00:00.000Z',
    cause: 'late',
    lagMs: 90 * 60_000,
    errorMessage: null,
  },
  breachingRuns: 2,
  ongoing: true,
  sla: { percentile: 'p99', ms: 60 * 60_000 },
};

const drift: DriftAlert = {
  kind: 'drift',
  dedupeKey: `drift|observed-schema-drift|${ORDERS}|abc`,
  recipient: 'group:default/orders-team',
  product: { entityRef: ORDERS, title: 'Orders' },
  incident: {
    kind: 'observed-schema-drift',
    dedupeKey: `observed-schema-drift|${ORDERS}|abc`,
    openedAt: '2026-11-25T10:05:00.000Z',
    details: {
      runId: 'run-9',
      observedAt: '2026-11-25T10:00:00.000Z',
      drift: [
        {
          change: 'field-renamed',
          message: 'field csat_score appears renamed to csat',
        },
        {
          change: 'field-missing',
          message: 'field total (decimal) is missing',
        },
      ],
    },
  },
};

describe('alertPayload', () => {
  it('links to the scorecard tab of the product', () => {
    expect(scorecardPath('dataproduct:my-ns/orders')).toBe(
      '/catalog/my-ns/dataproduct/orders/scorecard',
    );
  });

  it('tells the owner about a late streak, with high severity', () => {
    expect(alertPayload(breach)).toEqual({
      title: 'Orders is breaching its freshness SLA',
      description:
        'Run run-1 finished at 2026-11-25T10:00:00.000Z with a freshness lag of 1h 30m, beyond the 1h P99 SLA. 2 breaching runs in a row so far. Breaches count against the reliability score of dataproduct:default/orders.',
      link: '/catalog/default/dataproduct/orders/scorecard',
      severity: 'high',
      topic: 'stockroom-sla',
      scope: `stockroom-sla:${ORDERS}`,
      metadata: { entityRef: ORDERS, alert: 'sla-breach', runId: 'run-1' },
    });
  });

  it('tells the owner about a failed run that ended its streak', () => {
    const payload = alertPayload({
      ...breach,
      firstRun: {
        ...breach.firstRun,
        cause: 'failed',
        lagMs: null,
        errorMessage: 'extract timed out',
      },
      breachingRuns: 1,
      ongoing: false,
    });
    expect(payload.title).toBe('Orders: a pipeline run failed (SLA breach)');
    expect(payload.description).toBe(
      'Run run-1 failed at 2026-11-25T10:00:00.000Z: extract timed out. The streak ended after 1 breaching run. Breaches count against the reliability score of dataproduct:default/orders.',
    );
    expect(payload.severity).toBe('high');
  });

  it('lists the observed drift', () => {
    expect(alertPayload(drift)).toEqual({
      title: 'Orders: the observed schema drifts from the contract',
      description:
        'The schema run run-9 reported (2026-11-25T10:00:00.000Z) differs from the contract of dataproduct:default/orders: field csat_score appears renamed to csat; field total (decimal) is missing. Fix the pipeline, or publish the change as a new contract version.',
      link: '/catalog/default/dataproduct/orders/scorecard',
      severity: 'normal',
      topic: 'stockroom-drift',
      metadata: {
        entityRef: ORDERS,
        alert: 'drift',
        incident: 'observed-schema-drift',
      },
    });
  });

  it('lists the breaking changes of a contract published without its major version', () => {
    const payload = alertPayload({
      ...drift,
      incident: {
        ...drift.incident,
        kind: 'breaking-change-without-major',
        details: {
          verdict: 'needs-major',
          fromVersion: '1.0.0',
          toVersion: '1.1.0',
          changes: [
            { kind: 'breaking', message: 'field amount removed (was decimal)' },
            { kind: 'non-breaking', message: 'field note added (string)' },
          ],
        },
      },
    });
    expect(payload.title).toBe(
      'Orders: a breaking contract change without a major version',
    );
    expect(payload.description).toBe(
      'The contract of dataproduct:default/orders changed from version 1.0.0 to 1.1.0 with breaking changes: field amount removed (was decimal). It needs a new major version.',
    );
    expect(payload.topic).toBe('stockroom-drift');
  });

  it('shortens a long drift list', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      message: `field f${i} is missing`,
    }));
    const payload = alertPayload({
      ...drift,
      incident: {
        ...drift.incident,
        details: { ...drift.incident.details, drift: many },
      },
    });
    expect(payload.description).toContain('field f4 is missing; and 3 more.');
  });

  it('quotes the head and tail of a long error message, keeping the payload small', () => {
    const message = `${'H'.repeat(1_000_000)}${'m'.repeat(
      2_500_000,
    )}${'T'.repeat(1_000_000)}`;
    const payload = alertPayload({
      ...breach,
      firstRun: { ...breach.firstRun, cause: 'failed', errorMessage: message },
    });
    // 1,000 characters of the message: 38 kept for the marker, 481 of
    // head and of tail.
    expect(payload.description).toBe(
      `Run run-1 failed at 2026-11-25T10:00:00.000Z: ${'H'.repeat(
        481,
      )} […4,499,038 characters cut…] ${'T'.repeat(
        481,
      )}. 2 breaching runs in a row so far. Breaches count against the reliability score of dataproduct:default/orders.`,
    );
    // The notifications backend refuses a body over 100 kB.
    expect(
      Buffer.byteLength(JSON.stringify({ recipients: {}, payload })),
    ).toBeLessThan(10_000);
  });

  it('bounds the description and the title whatever they quote', () => {
    const long = (i: number) => ({ message: `${i}${'x'.repeat(50_000)}` });
    const payload = alertPayload({
      ...drift,
      product: { ...drift.product, title: 'O'.repeat(1_000) },
      incident: {
        ...drift.incident,
        details: { ...drift.incident.details, drift: [long(1), long(2)] },
      },
    });
    expect(payload.title.length).toBeLessThanOrEqual(255);
    expect(payload.description!.length).toBeLessThanOrEqual(4_000);
    expect(payload.description).toMatch(
      /^The schema run run-9 reported .* \[…[\d,]+ characters cut…\] .*Fix the pipeline, or publish the change as a new contract version\.$/,
    );
  });
});
