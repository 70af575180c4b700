import { DEFAULT_POLICY } from '../policy';
import { NOW, coreEntity } from '../policy/__fixtures__/entities';
import { dataProductJudge, judgeDataProduct } from './judgeDataProduct';

// The "done when": a v2 with a missing mapping is blocked with the
// unmapped field named; a retire with a consumer left is blocked with the
// consumer named. Both need what only the catalog knows, passed as context.
const v1Contract = {
  schema: [
    { name: 'cust_id', type: 'string' },
    { name: 'email', type: 'string' },
  ],
};

const v2 = coreEntity(e => {
  e.spec.migration = {
    from: 'dataproduct:customer-identity-v1',
    fieldMapping: [{ from: 'cust_id', to: 'customer_id' }],
  };
});

const retired = coreEntity(e => {
  e.spec.lifecycle.stage = 'retired';
  e.spec.lifecycle.successor = 'dataproduct:customer-identity-v3';
});

describe('judgeDataProduct with catalog context', () => {
  it('blocks a v2 that does not map a dropped field, naming it', () => {
    const judgement = judgeDataProduct(v2, DEFAULT_POLICY, NOW, {
      supersededContract: v1Contract,
    });
    expect(judgement.blocking).toMatchObject([
      {
        ruleId: 'migration-mapping',
        path: 'spec.migration.fieldMapping',
        message: expect.stringContaining('that this contract drops: email —'),
      },
    ]);
  });

  it('blocks retiring a core entity a consumer still depends on, naming it', () => {
    const judgement = judgeDataProduct(retired, DEFAULT_POLICY, NOW, {
      dependents: ['component:default/checkout'],
    });
    expect(judgement.blocking).toMatchObject([
      {
        ruleId: 'retire-when-consumers-moved',
        message: expect.stringContaining(': component:default/checkout —'),
      },
    ]);
  });

  it('skips both rules, with no finding, for callers without the context', () => {
    expect(judgeDataProduct(v2, DEFAULT_POLICY, NOW).findings).toEqual([]);
    expect(judgeDataProduct(retired, DEFAULT_POLICY, NOW).findings).toEqual([]);
  });
});

describe('dataProductJudge', () => {
  it('judges one document without context and then with it, as judgeDataProduct does', () => {
    const judge = dataProductJudge(v2);
    expect(judge(DEFAULT_POLICY, NOW).findings).toEqual([]);
    expect(
      judge(DEFAULT_POLICY, NOW, { supersededContract: v1Contract }).blocking,
    ).toMatchObject([
      {
        ruleId: 'migration-mapping',
        message: expect.stringContaining('that this contract drops: email —'),
      },
    ]);
  });

  it('keeps a schema-invalid document invalid, each time', () => {
    const judge = dataProductJudge(
      coreEntity(e => {
        delete (e.spec as { owner?: string }).owner;
      }),
    );
    for (const judgement of [
      judge(DEFAULT_POLICY, NOW),
      judge(DEFAULT_POLICY, NOW, { dependents: ['component:default/x'] }),
    ]) {
      expect(judgement).toMatchObject({
        state: null,
        expiresOn: null,
        blocking: [{ ruleId: 'schema', path: 'spec.owner' }],
      });
    }
  });
});
