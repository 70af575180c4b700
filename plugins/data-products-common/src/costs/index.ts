export {
  unitCostOfFreshness,
  type PricedOption,
  type UnitCostOfFreshness,
} from './unitCostOfFreshness';
export {
  DEFAULT_COST_SETTINGS,
  TIERS_FRESHEST_FIRST,
  type CostSettings,
} from './costSettings';
export { costSettingsFromConfig } from './costSettingsFromConfig';
export {
  costsByCurrency,
  type CostsByCurrency,
  type CurrencyTotal,
} from './costsByCurrency';
