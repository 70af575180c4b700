import type { FreshnessSla } from '../../kind/types';
import { NOW, coreEntity, sharedMart } from '../__fixtures__/entities';
import { CORE, MART, categoryPolicy } from '../__fixtures__/policies';
import { checkSlaPercentiles } from './sla-percentiles';

const core = (freshness?: FreshnessSla) =>
  coreEntity(e => {
    e.spec.contract!.freshness = freshness;
  });
const mart = (freshness?: FreshnessSla) =>
  sharedMart(e => {
    e.spec.contract!.freshness = freshness;
  });

describe('sla-percentiles', () => {
  it('passes a core entity with p95 ≤ p99, equal ones included', () => {
    expect(
      checkSlaPercentiles(core({ p95: '30m', p99: '60m' }), CORE, NOW),
    ).toEqual([]);
    expect(
      checkSlaPercentiles(core({ p95: '1h', p99: '60m' }), CORE, NOW),
    ).toEqual([]);
  });

  it('blocks a core entity without p99, with the spec message', () => {
    expect(checkSlaPercentiles(core({ p95: '30m' }), CORE, NOW)).toEqual([
      {
        ruleId: 'sla-percentiles',
        severity: 'error',
        path: 'spec.contract.freshness.p99',
        message:
          'spec.contract.freshness.p99 is missing: core entities promise P95 and P99 freshness — add e.g. `p99: 60m`',
        hint: 'Consumers schedule their own jobs against the promised lag; the scorecard measures it. See docs/categories-and-lifecycle.md#sla-percentiles.',
      },
    ]);
  });

  it('reports both percentiles of a core entity with no freshness at all', () => {
    expect(
      checkSlaPercentiles(core(undefined), CORE, NOW).map(f => [
        f.severity,
        f.path,
      ]),
    ).toEqual([
      ['error', 'spec.contract.freshness.p95'],
      ['error', 'spec.contract.freshness.p99'],
    ]);
  });

  it('asks a shared mart for p95 only, as a warning', () => {
    expect(checkSlaPercentiles(mart({ p95: '2h' }), MART, NOW)).toEqual([]);
    expect(checkSlaPercentiles(mart({ p99: '2h' }), MART, NOW)).toMatchObject([
      {
        severity: 'warning',
        path: 'spec.contract.freshness.p95',
        message:
          'spec.contract.freshness.p95 is missing: shared marts promise P95 freshness — add e.g. `p95: 30m`',
      },
    ]);
  });

  it('flags p95 above p99, comparing across units', () => {
    expect(
      checkSlaPercentiles(core({ p95: '2h', p99: '90m' }), CORE, NOW),
    ).toMatchObject([
      {
        severity: 'error',
        path: 'spec.contract.freshness',
        message:
          'spec.contract.freshness.p95 (2h) is above p99 (90m): the lag 95% of runs stay under cannot exceed the one 99% stay under — lower p95 or raise p99',
      },
    ]);
    expect(
      checkSlaPercentiles(mart({ p95: '61m', p99: '1h' }), MART, NOW),
    ).toMatchObject([{ severity: 'warning', path: 'spec.contract.freshness' }]);
  });

  it('leaves malformed durations to the schema', () => {
    expect(
      checkSlaPercentiles(core({ p95: 'soon', p99: '60m' }), CORE, NOW),
    ).toEqual([]);
  });

  it('treats an empty string as missing', () => {
    expect(
      checkSlaPercentiles(core({ p95: '30m', p99: ' ' }), CORE, NOW).map(
        f => f.path,
      ),
    ).toEqual(['spec.contract.freshness.p99']);
  });

  it('says nothing when off', () => {
    expect(
      checkSlaPercentiles(
        core(undefined),
        categoryPolicy('core-entity', { 'sla-percentiles': 'off' }),
        NOW,
      ),
    ).toEqual([]);
  });
});

describe('sla-percentiles follows the requireP99 setting, not the category name', () => {
  it('asks a shared mart for p99 when its policy requires it', () => {
    expect(
      checkSlaPercentiles(
        mart({ p95: '2h' }),
        { ...MART, requireP99: true },
        NOW,
      ),
    ).toMatchObject([
      {
        severity: 'warning',
        path: 'spec.contract.freshness.p99',
        message:
          'spec.contract.freshness.p99 is missing: shared marts promise P95 and P99 freshness — add e.g. `p99: 60m`',
      },
    ]);
  });

  it('lets a core entity go without p99 when its policy does not require it', () => {
    expect(
      checkSlaPercentiles(
        core({ p95: '30m' }),
        { ...CORE, requireP99: false },
        NOW,
      ),
    ).toEqual([]);
  });
});
