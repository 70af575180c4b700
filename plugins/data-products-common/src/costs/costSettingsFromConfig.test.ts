import { PolicyConfigError } from '../policy/PolicyConfigError';
import { costSettingsFromConfig } from './costSettingsFromConfig';

function problemsOf(stockroom: unknown): string[] {
  try {
    costSettingsFromConfig(stockroom);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyConfigError);
    return (error as PolicyConfigError).issues.map(issue => issue.message);
  }
  throw new Error('expected a PolicyConfigError');
}

describe('costSettingsFromConfig', () => {
  it('defaults to the spec’s example multipliers and typical p95s', () => {
    expect(costSettingsFromConfig(undefined)).toEqual({
      tierMultipliers: { streaming: 4, 'micro-batch': 1.5, daily: 1 },
      tierTypicalP95: { streaming: '1m', 'micro-batch': '30m', daily: '1d' },
    });
  });

  it('merges configured tiers, leaving the funding keys alone', () => {
    expect(
      costSettingsFromConfig({
        costs: {
          manyTeams: 4,
          centralFunders: ['data-platform'],
          tierMultipliers: { streaming: 6 },
          tierTypicalP95: { 'micro-batch': '15m' },
        },
      }),
    ).toEqual({
      tierMultipliers: { streaming: 6, 'micro-batch': 1.5, daily: 1 },
      tierTypicalP95: { streaming: '1m', 'micro-batch': '15m', daily: '1d' },
    });
  });

  it('refuses malformed settings, naming each key', () => {
    expect(
      problemsOf({
        costs: {
          tierMultipliers: { streaming: 0, hourly: 2, daily: 'one' },
          tierTypicalP95: { daily: '24 hours' },
        },
      }),
    ).toEqual([
      'stockroom.costs.tierMultipliers.streaming is 0; allowed are numbers > 0, e.g. 1.5 for 1.5× the daily cost',
      'stockroom.costs.tierMultipliers.hourly is not a freshness tier; allowed are streaming, micro-batch, daily',
      'stockroom.costs.tierMultipliers.daily is "one"; allowed are numbers > 0, e.g. 1.5 for 1.5× the daily cost',
      'stockroom.costs.tierTypicalP95.daily is "24 hours"; allowed are durations: 45s, 30m, 2h, 1d',
    ]);
    expect(problemsOf({ costs: { tierMultipliers: [4] } })).toEqual([
      'stockroom.costs.tierMultipliers is a list; expected an object (a YAML mapping)',
    ]);
  });
});
