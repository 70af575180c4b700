import type { JsonObject } from '@backstage/types';
import type {
  DataProductCost,
  EscalationPath,
  FreshnessTier,
} from '../../kind/types';
import type { NormalizedContract } from '../types';
import { durationParts } from './units';
import { compact } from './values';

// A frequency that reads back as the same tier (under 5 min, up to 1 h, else daily).
const TIER_FREQUENCY: Record<FreshnessTier, { value: number; unit: string }> = {
  streaming: { value: 1, unit: 'm' },
  'micro-batch': { value: 1, unit: 'h' },
  daily: { value: 1, unit: 'd' },
};

/**
 * The service terms as ODCS `slaProperties`: p99 as `latency` (a maximum),
 * p95 as Stockroom's `latencyP95`, the tier as a `frequency`, availability
 * in percent, the sunset as `endOfSupport`.
 */
export function slaToOdcs(
  contract: NormalizedContract,
): JsonObject[] | undefined {
  const sla: JsonObject[] = [];
  const latency = (property: string, text: string | undefined) => {
    const parts = durationParts(text);
    if (parts) sla.push({ property, ...parts });
  };
  latency('latency', contract.freshness?.p99);
  latency('latencyP95', contract.freshness?.p95);
  const tier = contract.freshness?.tier;
  if (tier && TIER_FREQUENCY[tier]) {
    sla.push({ property: 'frequency', ...TIER_FREQUENCY[tier] });
  }
  const percent = Number.parseFloat(contract.availability ?? '');
  if (Number.isFinite(percent)) {
    sla.push({ property: 'availability', value: percent, unit: 'percent' });
  }
  if (contract.sunsetOn) {
    sla.push({ property: 'endOfSupport', value: contract.sunsetOn });
  }
  return sla.length > 0 ? sla : undefined;
}

/**
 * The escalation path as ODCS `support`: the channel for questions
 * (`scope: interactive`) first, then the on-call as a `ticket` tool whose
 * url is the rotation, which is where the importer looks for it.
 */
export function supportToOdcs(
  escalation: EscalationPath | undefined,
): JsonObject[] | undefined {
  const support: JsonObject[] = [];
  if (escalation?.channel) {
    support.push({ channel: escalation.channel, scope: 'interactive' });
  }
  if (escalation?.onCall) {
    support.push({
      channel: escalation.onCall,
      tool: 'ticket',
      scope: 'issues',
      url: escalation.onCall,
    });
  }
  return support.length > 0 ? support : undefined;
}

/** The monthly cost as an ODCS `price` per month. */
export function priceToOdcs(
  cost: DataProductCost | undefined,
): JsonObject | undefined {
  if (cost?.monthly === undefined && cost?.currency === undefined) {
    return undefined;
  }
  return compact({
    priceAmount: cost.monthly,
    priceCurrency: cost.currency,
    priceUnit: 'month',
  }) as JsonObject;
}
