import { DEFAULT_POLICY, policyFromConfig } from '../policy';
import { judgeContractChange } from './judgeContractChange';
import type { NormalizedContract } from './types';

// Two versions of one contract, written by hand: v2 drops `email`, which the
// spec classifies as breaking (a field removed), and adds `phone`.
const v1: NormalizedContract = {
  version: '1.4.2',
  schema: [
    { name: 'id', type: 'string', description: 'customer id' },
    { name: 'email', type: 'string', description: 'contact email' },
  ],
} as NormalizedContract;
const v2 = (version: string): NormalizedContract =>
  ({
    version,
    schema: [
      { name: 'id', type: 'string', description: 'customer id' },
      { name: 'phone', type: 'string', description: 'contact phone' },
    ],
  } as NormalizedContract);

describe('judgeContractChange', () => {
  it('blocks a shared mart dropping a field inside one major', () => {
    const judgement = judgeContractChange(v1, v2('1.5.0'), {
      category: 'shared-mart',
      policy: DEFAULT_POLICY,
    });
    expect(judgement.changes.map(c => c.kind).sort()).toEqual([
      'breaking',
      'non-breaking',
    ]);
    expect(judgement).toMatchObject({
      verdict: 'needs-major',
      enforcement: 'block',
      blocks: true,
    });
  });

  it('accepts the same change with a major bump', () => {
    expect(
      judgeContractChange(v1, v2('2.0.0'), {
        category: 'shared-mart',
        policy: DEFAULT_POLICY,
      }),
    ).toMatchObject({ verdict: 'ok', blocks: false });
  });

  it('asks a core entity for a new entity, unless it supersedes the old one', () => {
    const options = { category: 'core-entity', policy: DEFAULT_POLICY };
    expect(judgeContractChange(v1, v2('2.0.0'), options)).toMatchObject({
      verdict: 'needs-new-entity',
      blocks: true,
    });
    expect(
      judgeContractChange(v1, v2('2.0.0'), {
        ...options,
        supersedesBefore: true,
      }),
    ).toMatchObject({ verdict: 'ok', blocks: false });
  });

  it('follows app-config: a mart published as new entities, a core entity in place', () => {
    const policy = policyFromConfig({
      categories: {
        'shared-mart': { breakingChangeAsNewEntity: true },
        'core-entity': { breakingChangeAsNewEntity: false },
      },
    });
    expect(
      judgeContractChange(v1, v2('2.0.0'), { category: 'shared-mart', policy })
        .verdict,
    ).toBe('needs-new-entity');
    expect(
      judgeContractChange(v1, v2('2.0.0'), { category: 'core-entity', policy })
        .verdict,
    ).toBe('ok');
  });

  it('reports but never blocks where the rule is off or the category unknown', () => {
    expect(
      judgeContractChange(v1, v2('1.5.0'), {
        category: 'convenience-view',
        policy: DEFAULT_POLICY,
      }),
    ).toMatchObject({
      verdict: 'needs-major',
      enforcement: 'off',
      blocks: false,
    });
    for (const category of ['gold', '__proto__', undefined]) {
      expect(
        judgeContractChange(v1, v2('1.5.0'), {
          category,
          policy: DEFAULT_POLICY,
        }),
      ).toMatchObject({
        verdict: 'needs-major',
        enforcement: 'off',
        blocks: false,
      });
    }
  });
});
