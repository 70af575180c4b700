import {
  NOW,
  convenienceView,
  coreEntity,
  day,
  sharedMart,
} from './__fixtures__/entities';
import { DEFAULT_POLICY } from './defaults';
import { evaluateDataProduct } from './evaluateDataProduct';
import { policyFromConfig } from './policyFromConfig';

describe('evaluateDataProduct', () => {
  it('finds nothing wrong with a complete core entity', () => {
    expect(evaluateDataProduct(coreEntity(), DEFAULT_POLICY, NOW)).toEqual({
      state: 'active',
      findings: [],
      blocking: [],
    });
  });

  it('finds everything wrong with a sloppy core entity, errors first, in rule order', () => {
    const sloppy = coreEntity(e => {
      e.spec.owner = 'user:jdoe';
      delete e.spec.version;
      e.spec.lifecycle = { stage: 'deprecated', createdOn: '2025-01-01' };
      e.spec.contract!.freshness = { p95: '30m' };
      e.spec.contract!.escalation = { channel: '#identity' };
      delete e.spec.contract!.schema![1].description;
    });

    const evaluation = evaluateDataProduct(sloppy, DEFAULT_POLICY, NOW);

    expect(evaluation.state).toBe('deprecated');
    expect(evaluation.expiresOn).toBeUndefined();
    expect(
      evaluation.findings.map(f => [f.severity, f.ruleId, f.path]),
    ).toEqual([
      ['error', 'owner-is-group', 'spec.owner'],
      ['error', 'sla-percentiles', 'spec.contract.freshness.p99'],
      ['error', 'escalation-path', 'spec.contract.escalation.onCall'],
      ['error', 'field-semantics', 'spec.contract.schema[1].description'],
      ['error', 'semver', 'spec.version'],
      ['warning', 'planned-deprecation', 'spec.lifecycle.sunsetOn'],
      ['warning', 'planned-deprecation', 'spec.lifecycle.successor'],
    ]);
    expect(evaluation.blocking).toEqual(evaluation.findings.slice(0, 5));
  });

  it('puts errors before warnings before info, whatever the rule order', () => {
    // A user-owned view, expiring, whose platform team also asks views for a version (warn).
    const policy = policyFromConfig({
      categories: { 'convenience-view': { rules: { semver: 'warn' } } },
    });
    const view = convenienceView(e => {
      e.spec.owner = 'user:jdoe';
    });
    expect(
      evaluateDataProduct(view, policy, day('2026-05-20')).findings.map(f => [
        f.severity,
        f.ruleId,
      ]),
    ).toEqual([
      ['error', 'owner-is-group'],
      ['warning', 'semver'],
      ['info', 'auto-expiry'],
    ]);
  });

  it('only warns a sloppy shared mart: nothing blocks', () => {
    const mart = sharedMart(e => {
      delete e.spec.version;
      e.spec.contract!.freshness = {};
      e.spec.contract!.escalation = {};
      e.spec.lifecycle = {
        stage: 'active',
        createdOn: '2025-01-01',
        reviewedOn: '2026-01-01',
      };
      delete e.spec.contract!.schema![0].description; // field-semantics is off for marts
    });
    const evaluation = evaluateDataProduct(mart, DEFAULT_POLICY, NOW);
    expect(
      evaluation.findings.map(f => [f.severity, f.ruleId, f.path]),
    ).toEqual([
      ['warning', 'sla-percentiles', 'spec.contract.freshness.p95'],
      ['warning', 'escalation-path', 'spec.contract.escalation.channel'],
      ['warning', 'semver', 'spec.version'],
      ['warning', 'quarterly-review', 'spec.lifecycle.reviewedOn'],
    ]);
    expect(evaluation.blocking).toEqual([]);
  });

  it('expires a convenience view without blocking it', () => {
    expect(
      evaluateDataProduct(convenienceView(), DEFAULT_POLICY, day('2026-06-01')),
    ).toEqual({
      state: 'expired',
      expiresOn: '2026-05-30',
      findings: [
        expect.objectContaining({
          ruleId: 'auto-expiry',
          severity: 'warning',
          path: 'spec.lifecycle.createdOn',
        }),
      ],
      blocking: [],
    });
  });

  it('blocks a convenience view with no date to count expiry from', () => {
    const undated = convenienceView(e => {
      delete e.spec.lifecycle.createdOn;
    });
    const evaluation = evaluateDataProduct(undated, DEFAULT_POLICY, NOW);
    expect(evaluation.state).toBe('active');
    expect(evaluation.blocking).toEqual([
      expect.objectContaining({
        ruleId: 'auto-expiry',
        severity: 'error',
        path: 'spec.lifecycle.createdOn',
      }),
    ]);
    expect(evaluation.findings).toEqual(evaluation.blocking);
  });

  it('does not hold a convenience view to core-entity rules', () => {
    // No version, no SLA, no escalation, no schema: none of it is asked of a view.
    expect(
      evaluateDataProduct(convenienceView(), DEFAULT_POLICY, NOW).findings,
    ).toEqual([]);
  });

  it('follows the configured policy', () => {
    const policy = policyFromConfig({
      categories: {
        'core-entity': { rules: { semver: 'warn', 'owner-is-group': 'off' } },
      },
    });
    const entity = coreEntity(e => {
      e.spec.owner = 'user:jdoe';
      delete e.spec.version;
    });
    const evaluation = evaluateDataProduct(entity, policy, NOW);
    expect(evaluation.findings.map(f => [f.severity, f.ruleId])).toEqual([
      ['warning', 'semver'],
    ]);
    expect(evaluation.blocking).toEqual([]);
  });

  it('judges nothing of an entity whose category is unknown (the schema reports it)', () => {
    const entity = coreEntity(e => {
      (e.spec as any).category = 'gold';
      e.spec.owner = 'user:jdoe';
    });
    expect(evaluateDataProduct(entity, DEFAULT_POLICY, NOW)).toEqual({
      state: 'active',
      findings: [],
      blocking: [],
    });
  });

  it('depends on `now`, never on the clock', () => {
    jest.useFakeTimers().setSystemTime(new Date('2030-01-01T00:00:00Z'));
    try {
      expect(
        evaluateDataProduct(
          convenienceView(),
          DEFAULT_POLICY,
          day('2026-04-01'),
        ),
      ).toEqual({
        state: 'active',
        expiresOn: '2026-05-30',
        findings: [],
        blocking: [],
      });
    } finally {
      jest.useRealTimers();
    }
  });
});
