import { DEFAULT_POLICY } from '../policy';
import {
  NOW,
  convenienceView,
  coreEntity,
  sharedMart,
} from '../policy/__fixtures__/entities';
import { judgeDataProduct } from './judgeDataProduct';

// The spec's rule table: `sla-percentiles` (which includes "p95 ≤ p99") is
// block for core entities, warn for shared marts and not applied to
// convenience views. So p95 > p99 must follow the category's enforcement,
// not be a schema error everywhere (issue #16, "spec deviation").
const p95AboveP99 = { p95: '2h', p99: '90m' };

function findingsAt(entity: unknown) {
  return judgeDataProduct(entity, DEFAULT_POLICY, NOW).findings.filter(
    finding => finding.path?.startsWith('spec.contract.freshness'),
  );
}

describe('p95 above p99 follows the category policy', () => {
  it('blocks a core entity', () => {
    const judgement = judgeDataProduct(
      coreEntity(e => {
        e.spec.contract!.freshness = p95AboveP99;
      }),
      DEFAULT_POLICY,
      NOW,
    );
    expect(judgement.blocking).toMatchObject([
      { ruleId: 'sla-percentiles', path: 'spec.contract.freshness' },
    ]);
  });

  it('warns on a shared mart, which stays valid', () => {
    const entity = sharedMart(e => {
      e.spec.contract!.freshness = p95AboveP99;
    });
    expect(judgeDataProduct(entity, DEFAULT_POLICY, NOW).blocking).toEqual([]);
    expect(findingsAt(entity)).toMatchObject([
      { ruleId: 'sla-percentiles', severity: 'warning' },
    ]);
  });

  it('says nothing on a convenience view, where the rule is off', () => {
    const entity = convenienceView(e => {
      e.spec.contract = { freshness: p95AboveP99 };
    });
    const judgement = judgeDataProduct(entity, DEFAULT_POLICY, NOW);
    expect(judgement.state).not.toBeNull();
    expect(findingsAt(entity)).toEqual([]);
  });
});
