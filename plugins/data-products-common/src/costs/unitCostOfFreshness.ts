/**
 * The unit cost of additional freshness (dataproduct-spec.md "Freshness
 * versus cost") = (monthly cost of the next fresher option − cost.monthly)
 * ÷ hours of P95 lag it saves against today's promised p95. "Next fresher"
 * is the fresher option closest to today (the largest p95 still below
 * today's): the price of the next step, not of the biggest leap. Without
 * declared options, the platform's tier multipliers give an estimate,
 * always labelled so. No cost declared: unknown, never a number.
 */
import { parseDuration, formatDuration } from '../kind/duration';
import type {
  DataProductCost,
  FreshnessSla,
  FreshnessTier,
} from '../kind/types';
import {
  DEFAULT_COST_SETTINGS,
  TIERS_FRESHEST_FIRST,
  type CostSettings,
} from './costSettings';
import { formatMoney } from './money';

const HOUR_MS = 60 * 60 * 1000;

/** One option, priced against today. @public */
export interface PricedOption {
  tier: FreshnessTier | null;
  p95Ms: number;
  monthly: number;
  /** From the platform's tier multipliers, not the owner. */
  estimated: boolean;
  /** monthly − cost.monthly: what the move adds per month (negative: saves). */
  extraMonthly: number;
  /** Today's p95 − this p95, in hours (negative: lag added). */
  hoursSaved: number;
  fresher: boolean;
}

/** @public */
export interface UnitCostOfFreshness {
  /** Currency per month per hour of P95 lag saved; null when unknown. */
  value: number | null;
  currency: string | null;
  estimated: boolean;
  /** Today: cost.monthly and the promised p95 and tier. */
  today: {
    monthly: number | null;
    p95Ms: number | null;
    tier: FreshnessTier | null;
  };
  /** The option the unit cost is priced on. */
  next: PricedOption | null;
  /** Every usable option (declared, else estimated), freshest first. */
  options: PricedOption[];
  /** Options left out or doubtful, each naming the field. */
  findings: string[];
  summary: string;
}

/** @public */
export function unitCostOfFreshness(
  cost: DataProductCost | undefined,
  freshness: FreshnessSla | undefined,
  settings: CostSettings = DEFAULT_COST_SETTINGS,
): UnitCostOfFreshness {
  const monthly = cost?.monthly;
  const currency = typeof cost?.currency === 'string' ? cost.currency : null;
  const todayP95 =
    typeof freshness?.p95 === 'string'
      ? parseDuration(freshness.p95)
      : undefined;
  const tier = isTier(freshness?.tier) ? freshness!.tier! : null;
  const findings: string[] = [];
  const result = (
    value: number | null,
    rest: Partial<UnitCostOfFreshness> & { summary: string },
  ): UnitCostOfFreshness => ({
    value,
    currency,
    estimated: false,
    today: {
      monthly:
        typeof monthly === 'number' && Number.isFinite(monthly)
          ? monthly
          : null,
      p95Ms: todayP95 ?? null,
      tier,
    },
    next: null,
    options: [],
    findings,
    ...rest,
  });

  if (typeof monthly !== 'number' || !Number.isFinite(monthly)) {
    return result(null, {
      summary:
        'Unknown: no cost declared (spec.cost.monthly), so no price of freshness',
    });
  }
  if (monthly <= 0) {
    return result(null, {
      summary: `Unknown: spec.cost.monthly is ${monthly}; a cost of freshness needs today's real monthly cost, above 0`,
    });
  }
  if (todayP95 === undefined) {
    return result(null, {
      summary:
        'Unknown: no promised p95 (spec.contract.freshness.p95) to count hours of lag saved against',
    });
  }

  const price = (
    option: { tier: FreshnessTier | null; p95Ms: number; monthly: number },
    estimated: boolean,
  ): PricedOption => {
    const hoursSaved = (todayP95 - option.p95Ms) / HOUR_MS;
    return {
      ...option,
      estimated,
      extraMonthly: option.monthly - monthly,
      hoursSaved,
      fresher: option.p95Ms < todayP95,
    };
  };

  const declared = Array.isArray(cost?.options) ? cost!.options! : [];
  let options: PricedOption[];
  let estimated: boolean;
  if (declared.length > 0) {
    estimated = false;
    options = [];
    declared.forEach((option, i) => {
      const path = `spec.cost.options[${i}]`;
      const p95Ms =
        typeof option?.p95 === 'string' ? parseDuration(option.p95) : undefined;
      const optionTier = isTier(option?.tier) ? option.tier! : null;
      if (p95Ms === undefined) {
        findings.push(
          `${path}.p95 is not a duration (45s, 30m, 2h, 1d): option left out`,
        );
      } else if (
        typeof option.monthly !== 'number' ||
        !Number.isFinite(option.monthly) ||
        option.monthly <= 0
      ) {
        findings.push(
          `${path}.monthly is ${String(
            option?.monthly,
          )}: an option must cost more than 0 per month; option left out`,
        );
      } else {
        const priced = price(
          { tier: optionTier, p95Ms, monthly: option.monthly },
          false,
        );
        if (!priced.fresher) {
          findings.push(
            `${path} (${label(
              priced,
            )}) is not fresher than today's p95 ${formatDuration(
              todayP95,
            )}: it saves no lag, so it prices no additional freshness`,
          );
        }
        options.push(priced);
      }
    });
  } else {
    estimated = true;
    // Only a fresher tier is a step up, whatever its typical p95 says.
    options = estimatedOptions(tier, monthly, settings).map(o => {
      const priced = price(o, true);
      priced.fresher &&= tierRank(o.tier) < tierRank(tier);
      return priced;
    });
    if (tier === null) {
      return result(null, {
        estimated,
        summary:
          'Unknown: no options declared (spec.cost.options) and no tier (spec.contract.freshness.tier) to estimate from',
      });
    }
  }
  options.sort((a, b) => a.p95Ms - b.p95Ms || a.monthly - b.monthly);

  // The next step: the fresher option with the largest p95, cheapest on a tie.
  let next: PricedOption | null = null;
  for (const option of options) {
    if (option.fresher && (next === null || option.p95Ms > next.p95Ms))
      next = option;
  }
  const common = { estimated, options, next };
  if (next === null) {
    return result(null, {
      ...common,
      summary: estimated
        ? `Unknown: no tier fresher than today's p95 ${formatDuration(
            todayP95,
          )} to estimate (${tier})`
        : `Unknown: no option fresher than today's p95 ${formatDuration(
            todayP95,
          )} is declared (spec.cost.options)`,
    });
  }
  if (next.extraMonthly <= 0) {
    findings.push(
      `${label(next)} is fresher but costs ${formatMoney(
        next.monthly,
        currency,
      )}, not more than today's ${formatMoney(monthly, currency)}: check the ${
        estimated ? 'tier multipliers' : 'estimate'
      }`,
    );
    return result(null, {
      ...common,
      summary:
        'Unknown: the next fresher option costs no more than today, so there is no cost of additional freshness to state',
    });
  }
  const value = next.extraMonthly / next.hoursSaved;
  if (!Number.isFinite(value)) {
    // Costs near the largest number a double holds: their difference, or a
    // multiplier's estimate, overflows. Not a price anyone can act on.
    findings.push(
      `${label(next)} and today's ${formatMoney(
        monthly,
        currency,
      )} are too large to compare: the cost of additional freshness is not a finite number`,
    );
    return result(null, {
      ...common,
      summary:
        'Unknown: the costs are too large for a finite cost of additional freshness',
    });
  }
  return result(value, {
    ...common,
    summary: `${estimated ? 'Estimated: ' : ''}${formatMoney(
      value,
      currency,
    )} / month per hour of lag saved (${label(next)} for ${formatMoney(
      next.monthly,
      currency,
    )} vs ${formatMoney(monthly, currency)} today at p95 ${formatDuration(
      todayP95,
    )})`,
  });
}

/**
 * Every other tier priced by the multipliers: monthly × m(tier) ÷ m(today),
 * at the tier's typical p95. Empty without today's tier.
 */
function estimatedOptions(
  tier: FreshnessTier | null,
  monthly: number,
  settings: CostSettings,
): Array<{ tier: FreshnessTier; p95Ms: number; monthly: number }> {
  if (tier === null) return [];
  const base = settings.tierMultipliers[tier];
  return TIERS_FRESHEST_FIRST.filter(other => other !== tier).flatMap(other => {
    const p95Ms = parseDuration(settings.tierTypicalP95[other]);
    return p95Ms === undefined
      ? []
      : [
          {
            tier: other,
            p95Ms,
            monthly: (monthly * settings.tierMultipliers[other]) / base,
          },
        ];
  });
}

function label(option: { tier: FreshnessTier | null; p95Ms: number }): string {
  return `${option.tier ?? 'option'} at p95 ${formatDuration(option.p95Ms)}`;
}

function tierRank(tier: FreshnessTier | null): number {
  return tier === null ? -1 : TIERS_FRESHEST_FIRST.indexOf(tier);
}

function isTier(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    (TIERS_FRESHEST_FIRST as readonly string[]).includes(value)
  );
}
