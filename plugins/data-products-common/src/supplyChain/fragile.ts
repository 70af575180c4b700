/**
 * Fragile (dataproduct-spec.md "Supply chain"): a P95 lead time over
 * `leadTime.target` and high volatility — "long lead time plus high
 * volatility equals fragile roadmaps". Not a scored dimension, a flag.
 */
import type { LeadTimeSummary } from './types';
import type { Volatility } from './volatility';

/** @public */
export interface FragileVerdict {
  /** null when it cannot be told: one condition unknown and the other not false. */
  fragile: boolean | null;
  overTarget: boolean | null;
  volatility: Volatility['lag']['level'];
  summary: string;
}

/**
 * Three-valued: true when both hold, false as soon as one is known not to
 * hold (a product on target is not fragile however spiky), unknown
 * otherwise — never a guess either way.
 *
 * @public
 */
export function judgeFragile(
  leadTime: Pick<LeadTimeSummary, 'overTarget' | 'summary'>,
  volatility: Pick<Volatility, 'lag'>,
): FragileVerdict {
  const overTarget = leadTime.overTarget;
  const level = volatility.lag.level;
  const high = level === null ? null : level === 'high';
  const base = { overTarget, volatility: level };
  if (overTarget === true && high === true) {
    return {
      ...base,
      fragile: true,
      summary: `Fragile: P95 lead time over target and high volatility (${volatility.lag.summary})`,
    };
  }
  if (overTarget === false) {
    return {
      ...base,
      fragile: false,
      summary: 'Not fragile: P95 lead time within target',
    };
  }
  if (high === false) {
    return {
      ...base,
      fragile: false,
      summary: `Not fragile: volatility is ${level}`,
    };
  }
  const unknownParts = [
    overTarget === null ? `lead time: ${leadTime.summary}` : '',
    high === null ? `volatility: ${volatility.lag.summary}` : '',
  ].filter(Boolean);
  return {
    ...base,
    fragile: null,
    summary: `Unknown whether fragile: ${unknownParts.join('; ')}`,
  };
}
