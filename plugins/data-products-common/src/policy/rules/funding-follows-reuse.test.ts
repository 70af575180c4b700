import { CORE, MART, VIEW, categoryPolicy } from '../__fixtures__/policies';
import {
  DEFAULT_FUNDING_POLICY,
  judgeFunding,
  type FundingFacts,
} from './funding-follows-reuse';

const PLATFORM = 'group:default/data-platform';
const FUNDING = { manyTeams: 3, centralFunders: [PLATFORM] };

function facts(overrides: Partial<FundingFacts> = {}): FundingFacts {
  return {
    category: 'core-entity',
    owner: 'group:default/identity',
    fundedBy: 'group:default/identity',
    consumerOwners: [],
    ...overrides,
  };
}

describe('funding-follows-reuse', () => {
  it('expects a central funder from three consuming teams other than the owner', () => {
    // Four consumers: two owned by marketing, one by finance, one by sales;
    // plus one owned by the product's own team, which does not count.
    const consumerOwners = [
      'group:default/marketing',
      'group:default/finance',
      'group:default/marketing',
      'group:default/sales',
      'group:default/identity',
    ];
    const verdict = judgeFunding(facts({ consumerOwners }), CORE, FUNDING);
    expect(verdict).toEqual({
      verdict: 'breaks',
      expects: 'central',
      expectedFunders: [PLATFORM],
      consumingGroups: [
        'group:default/finance',
        'group:default/marketing',
        'group:default/sales',
      ],
      severity: 'warning',
      message:
        'spec.cost.fundedBy is group:default/identity, but 3 teams other than its owner (group:default/finance, group:default/marketing, group:default/sales) consume it: fund it centrally — set fundedBy to group:default/data-platform',
      finding: {
        ruleId: 'funding-follows-reuse',
        severity: 'warning',
        path: 'spec.cost.fundedBy',
        message: verdict.message,
        hint: 'If many teams benefit from a product, finance it centrally; if one team benefits, it pays (dataproduct-spec.md "Freshness versus cost"). See docs/categories-and-lifecycle.md#funding-follows-reuse.',
      },
    });
  });

  it('is satisfied by any central funder, refs compared case-insensitively', () => {
    const consumerOwners = [
      'group:default/a',
      'group:default/b',
      'group:default/c',
    ];
    const verdict = judgeFunding(
      facts({ consumerOwners, fundedBy: 'Group:default/Finance-Central' }),
      MART,
      {
        manyTeams: 3,
        centralFunders: [PLATFORM, 'group:default/finance-central'],
      },
    );
    expect(verdict.verdict).toBe('follows');
    expect(verdict.expects).toBe('central');
    expect(verdict.severity).toBeNull();
    expect(verdict.finding).toBeNull();
    expect(verdict.message).toBe(
      '3 teams other than its owner (group:default/a, group:default/b, group:default/c) consume it, and Group:default/Finance-Central funds it centrally',
    );
  });

  it('asks for a funder when none is declared', () => {
    const verdict = judgeFunding(
      facts({
        fundedBy: null,
        consumerOwners: [
          'group:default/a',
          'group:default/b',
          'group:default/c',
        ],
      }),
      CORE,
      { manyTeams: 3, centralFunders: [PLATFORM, 'group:default/cfo'] },
    );
    expect(verdict.verdict).toBe('breaks');
    expect(verdict.message).toBe(
      'spec.cost.fundedBy is missing, but 3 teams other than its owner (group:default/a, group:default/b, group:default/c) consume it: fund it centrally — set fundedBy to one of group:default/data-platform, group:default/cfo',
    );
  });

  it('cannot judge central funding when no central funder is configured', () => {
    const verdict = judgeFunding(
      facts({
        consumerOwners: [
          'group:default/a',
          'group:default/b',
          'group:default/c',
        ],
      }),
      CORE,
      DEFAULT_FUNDING_POLICY,
    );
    expect(verdict).toMatchObject({
      verdict: 'unknown',
      expects: 'central',
      expectedFunders: [],
      severity: null,
      finding: null,
    });
    expect(verdict.message).toContain('stockroom.costs.centralFunders');
  });

  it('suggests (info) that the one consuming team pays', () => {
    const verdict = judgeFunding(
      facts({
        fundedBy: PLATFORM,
        consumerOwners: ['group:default/marketing', 'group:default/marketing'],
      }),
      CORE,
      FUNDING,
    );
    expect(verdict).toMatchObject({
      verdict: 'breaks',
      expects: 'consuming-team',
      expectedFunders: ['group:default/marketing'],
      consumingGroups: ['group:default/marketing'],
      severity: 'info',
      message:
        'spec.cost.fundedBy is group:default/data-platform, but only group:default/marketing consumes it: that team should fund it — set fundedBy to group:default/marketing',
    });
    expect(verdict.finding?.severity).toBe('info');

    const paid = judgeFunding(
      facts({
        fundedBy: 'group:default/marketing',
        consumerOwners: ['group:default/marketing'],
      }),
      CORE,
      FUNDING,
    );
    expect(paid.verdict).toBe('follows');
    expect(paid.message).toBe(
      'Only group:default/marketing consumes it, and funds it',
    );
  });

  it('expects nothing from two teams, or none besides the owner', () => {
    const two = judgeFunding(
      facts({ consumerOwners: ['group:default/a', 'group:default/b'] }),
      CORE,
      FUNDING,
    );
    expect(two).toMatchObject({
      verdict: 'no-expectation',
      expects: null,
      expectedFunders: [],
      severity: null,
    });
    const own = judgeFunding(
      facts({ consumerOwners: ['group:default/identity'] }),
      CORE,
      FUNDING,
    );
    expect(own.verdict).toBe('no-expectation');
    expect(own.consumingGroups).toEqual([]);
  });

  it('counts only Group owners as teams', () => {
    const verdict = judgeFunding(
      facts({
        consumerOwners: [
          'user:default/jane',
          'user:default/joe',
          'group:default/a',
          'not a ref:::',
        ],
      }),
      CORE,
      FUNDING,
    );
    expect(verdict.consumingGroups).toEqual(['group:default/a']);
    expect(verdict.expects).toBe('consuming-team');
  });

  it('follows the configured number of many teams', () => {
    const consumerOwners = ['group:default/a', 'group:default/b'];
    expect(
      judgeFunding(facts({ consumerOwners }), CORE, {
        manyTeams: 2,
        centralFunders: [PLATFORM],
      }).expects,
    ).toBe('central');
  });

  it('is off for convenience views, and by configuration', () => {
    const consumerOwners = [
      'group:default/a',
      'group:default/b',
      'group:default/c',
    ];
    const view = judgeFunding(
      facts({ category: 'convenience-view', consumerOwners }),
      VIEW,
      FUNDING,
    );
    expect(view).toMatchObject({
      verdict: 'off',
      expects: null,
      severity: null,
    });
    expect(view.message).toBe(
      'funding-follows-reuse is off for convenience views',
    );
    // Three teams would otherwise expect central funding.
    expect(view.consumingGroups).toHaveLength(3);

    const none = judgeFunding(
      facts({ category: null, consumerOwners }),
      undefined,
      FUNDING,
    );
    expect(none.verdict).toBe('off');

    const blocked = judgeFunding(
      facts({ consumerOwners }),
      categoryPolicy('core-entity', { 'funding-follows-reuse': 'block' }),
      FUNDING,
    );
    expect(blocked.severity).toBe('error');
  });
});
