import { fundingPolicyFromConfig } from './fundingPolicyFromConfig';
import { PolicyConfigError } from './PolicyConfigError';

function problemsOf(stockroom: unknown): string[] {
  try {
    fundingPolicyFromConfig(stockroom);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyConfigError);
    return (error as PolicyConfigError).issues.map(issue => issue.message);
  }
  throw new Error('expected a PolicyConfigError');
}

describe('fundingPolicyFromConfig', () => {
  it('defaults to three teams and no central funder', () => {
    expect(fundingPolicyFromConfig(undefined)).toEqual({
      manyTeams: 3,
      centralFunders: [],
    });
  });

  it('reads the settings, completing group refs, leaving other cost keys alone', () => {
    expect(
      fundingPolicyFromConfig({
        costs: {
          manyTeams: 4,
          centralFunders: ['data-platform', 'group:finance/cfo-office'],
          tierMultipliers: { streaming: 4 },
        },
      }),
    ).toEqual({
      manyTeams: 4,
      centralFunders: [
        'group:default/data-platform',
        'group:finance/cfo-office',
      ],
    });
  });

  it('refuses malformed settings, naming the key', () => {
    expect(
      problemsOf({
        costs: { manyTeams: 1, centralFunders: ['user:default/jane', 7, ''] },
      }),
    ).toEqual([
      'stockroom.costs.manyTeams is 1; allowed values are whole numbers of teams ≥ 2',
      'stockroom.costs.centralFunders[0] is "user:default/jane"; expected a group ref, e.g. group:default/data-platform or data-platform',
      'stockroom.costs.centralFunders[1] is 7; expected a group ref, e.g. group:default/data-platform or data-platform',
      'stockroom.costs.centralFunders[2] is ""; expected a group ref, e.g. group:default/data-platform or data-platform',
    ]);
    expect(
      problemsOf({
        costs: { manyTeams: '3', centralFunders: 'data-platform' },
      }),
    ).toEqual([
      'stockroom.costs.manyTeams is "3"; allowed values are whole numbers of teams ≥ 2',
      'stockroom.costs.centralFunders is "data-platform"; expected a list of group refs, e.g. [group:default/data-platform]',
    ]);
    expect(problemsOf({ costs: [] })).toEqual([
      'stockroom.costs is a list; expected an object (a YAML mapping)',
    ]);
  });
});
