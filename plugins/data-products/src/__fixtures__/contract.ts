import type { ProductContract, UnitCostOfFreshness } from '../api';

/*
 * `GET …/contract` answers written by hand. The figures follow the spec's
 * "Freshness versus cost" definition so a test can check each displayed
 * number against the arithmetic in these comments.
 */

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * The spec's example: USD 4,200 a month for micro-batch at p95 30m; declared
 * options streaming (p95 1m, 11,000) and daily (p95 1d, 2,800). Next fresher
 * option: streaming, +6,800 for 29 min = 29/60 h saved:
 * 6,800 ÷ (29/60) = 14,068.97 → "$14,069 / month per hour of lag saved".
 * Daily saves −23.5 h (30 min − 24 h) and 1,400 a month.
 */
export const declaredUnitCost: UnitCostOfFreshness = {
  value: 6800 / (29 / 60),
  currency: 'USD',
  estimated: false,
  today: { monthly: 4200, p95Ms: 30 * MINUTE, tier: 'micro-batch' },
  next: {
    tier: 'streaming',
    p95Ms: MINUTE,
    monthly: 11000,
    estimated: false,
    extraMonthly: 6800,
    hoursSaved: 29 / 60,
    fresher: true,
  },
  options: [
    {
      tier: 'streaming',
      p95Ms: MINUTE,
      monthly: 11000,
      estimated: false,
      extraMonthly: 6800,
      hoursSaved: 29 / 60,
      fresher: true,
    },
    {
      tier: 'daily',
      p95Ms: 24 * HOUR,
      monthly: 2800,
      estimated: false,
      extraMonthly: -1400,
      hoursSaved: -23.5,
      fresher: false,
    },
  ],
  findings: [
    'spec.cost.options[1] (daily) is not fresher than today’s p95 30m: it prices no additional freshness',
    'spec.cost.options[2].monthly is 0: the option is left out',
  ],
  summary:
    'USD 14,069 a month per hour of P95 lag saved, moving to streaming (p95 1m)',
};

/**
 * No options declared: a daily product at USD 1,000 and p95 1d, priced from
 * the platform's tier multipliers (micro-batch 1.5, streaming 4) at their
 * typical p95 (30m, 1m). Next fresher: micro-batch at 1,500, +500 for
 * 24 h − 0.5 h = 23.5 h saved: 500 ÷ 23.5 = 21.28 → "$21".
 */
export const estimatedUnitCost: UnitCostOfFreshness = {
  value: 500 / 23.5,
  currency: 'USD',
  estimated: true,
  today: { monthly: 1000, p95Ms: 24 * HOUR, tier: 'daily' },
  next: {
    tier: 'micro-batch',
    p95Ms: 30 * MINUTE,
    monthly: 1500,
    estimated: true,
    extraMonthly: 500,
    hoursSaved: 23.5,
    fresher: true,
  },
  options: [
    {
      tier: 'streaming',
      p95Ms: MINUTE,
      monthly: 4000,
      estimated: true,
      extraMonthly: 3000,
      hoursSaved: 24 - 1 / 60,
      fresher: true,
    },
    {
      tier: 'micro-batch',
      p95Ms: 30 * MINUTE,
      monthly: 1500,
      estimated: true,
      extraMonthly: 500,
      hoursSaved: 23.5,
      fresher: true,
    },
  ],
  findings: [],
  summary:
    'Estimated: USD 21 a month per hour of P95 lag saved, moving to micro-batch (p95 30m)',
};

/** No `cost.monthly`: nothing to price from. */
export const unknownUnitCost: UnitCostOfFreshness = {
  value: null,
  currency: null,
  estimated: false,
  today: { monthly: null, p95Ms: 30 * MINUTE, tier: 'micro-batch' },
  next: null,
  options: [],
  findings: [],
  summary:
    'Unknown: no cost declared (spec.cost.monthly), so no price of freshness',
};

/** The contract answer of customer-identity-v2 with the given unit cost. */
export function contractWith(
  unitCostOfFreshness: UnitCostOfFreshness,
): ProductContract {
  return {
    entityRef: 'dataproduct:default/customer-identity-v2',
    version: '2.1.0',
    contract: {},
    findings: [],
    unitCostOfFreshness,
  };
}
