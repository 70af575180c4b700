/**
 * The spec's rule of thumb for who funds a product ("Freshness versus
 * cost"): if many teams consume it, fund it centrally; if one team does, it
 * pays. The inventory surfaces it next to the consumer count; it enforces
 * nothing and judges no funding as wrong.
 */
export type FundingHint = 'fund-centrally' | 'consumer-pays';

/** How many consumers count as "many" unless the page is told otherwise. */
export const DEFAULT_MANY_CONSUMERS = 3;

export function fundingHint(
  consumers: number | null | undefined,
  manyConsumers: number = DEFAULT_MANY_CONSUMERS,
): FundingHint | undefined {
  if (typeof consumers !== 'number') return undefined;
  if (consumers >= manyConsumers) return 'fund-centrally';
  if (consumers === 1) return 'consumer-pays';
  return undefined;
}

export const FUNDING_HINT_TEXT: Record<FundingHint, string> = {
  'fund-centrally': 'Many teams consume it: fund it centrally',
  'consumer-pays': 'One team consumes it: that team pays',
};
