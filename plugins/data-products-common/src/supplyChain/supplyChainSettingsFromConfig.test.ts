import { PolicyConfigError } from '../policy/PolicyConfigError';
import { DEFAULT_SUPPLY_CHAIN_SETTINGS } from './settings';
import { supplyChainSettingsFromConfig } from './supplyChainSettingsFromConfig';

function problemsOf(stockroom: unknown): string[] {
  try {
    supplyChainSettingsFromConfig(stockroom);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyConfigError);
    return (error as PolicyConfigError).issues.map(issue => issue.message);
  }
  throw new Error('expected a PolicyConfigError');
}

describe('supplyChainSettingsFromConfig', () => {
  it('defaults to the spec’s thresholds', () => {
    expect(supplyChainSettingsFromConfig(undefined)).toEqual({
      volatility: { minRuns: 10, medium: 0.25, high: 0.5 },
      errorBudget: { burnRateAlert: 10, burnRateMinRuns: 5 },
      tierAtRisk: { days: 14 },
    });
    expect(supplyChainSettingsFromConfig({ costs: {} })).toEqual(
      DEFAULT_SUPPLY_CHAIN_SETTINGS,
    );
  });

  it('merges the settings given over the defaults', () => {
    expect(
      supplyChainSettingsFromConfig({
        supplyChain: { tierAtRisk: { days: 7 }, volatility: { high: 0.8 } },
      }),
    ).toEqual({
      volatility: { minRuns: 10, medium: 0.25, high: 0.8 },
      errorBudget: { burnRateAlert: 10, burnRateMinRuns: 5 },
      tierAtRisk: { days: 7 },
    });
  });

  it('refuses malformed settings, naming each key', () => {
    expect(
      problemsOf({
        supplyChain: {
          tierAtRisk: { days: 1.5 },
          errorBudget: { burnRateAlert: 0, burnRate: 3 },
          volatility: { medium: 0.6 },
          fragility: {},
        },
      }),
    ).toEqual([
      'stockroom.supplyChain.tierAtRisk.days is 1.5; allowed are whole numbers of days ≥ 1',
      'stockroom.supplyChain.errorBudget.burnRateAlert is 0; allowed are burn rates > 0 (1 spends the budget exactly over the window)',
      'stockroom.supplyChain.errorBudget.burnRate is not a setting; allowed are burnRateAlert, burnRateMinRuns',
      'stockroom.supplyChain.fragility is not a supply-chain setting; allowed are volatility, errorBudget, tierAtRisk',
      'stockroom.supplyChain.volatility.high is 0.5; it must be above volatility.medium (0.6)',
    ]);
    expect(problemsOf({ supplyChain: 'yes' })).toEqual([
      'stockroom.supplyChain is "yes"; expected an object (a YAML mapping)',
    ]);
  });
});
