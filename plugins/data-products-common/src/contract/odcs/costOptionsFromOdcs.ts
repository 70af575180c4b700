import { FRESHNESS_TIERS } from '../../kind/constants';
import { DURATION_PATTERN } from '../../kind/duration';
import type { DataProductCostOption, FreshnessTier } from '../../kind/types';
import type { MappingFindings } from './findings';
import { compact, isObject, numberOf, shown, textOf } from './values';

const DURATION = new RegExp(DURATION_PATTERN);
const TIERS: ReadonlySet<string> = new Set(FRESHNESS_TIERS);
const EXAMPLE = '{ tier: streaming, p95: 1m, monthly: 11000 }';

/**
 * The `stockroomCostOptions` custom property → `cost.options`: what other
 * freshness would cost, which the unit cost of additional freshness reads.
 * Each option is kept only as the entity schema allows it (an optional tier,
 * a P95 duration, a monthly cost ≥ 0), so an imported contract never
 * promises a price Stockroom cannot compare. A malformed option is reported
 * at the field that is wrong and left out; the others are kept.
 */
export function costOptionsFromOdcs(
  value: unknown,
  path: string,
  findings: MappingFindings,
): DataProductCostOption[] | undefined {
  if (!Array.isArray(value)) {
    findings.warning(
      path,
      `is ${shown(
        value,
      )}, not a list of cost options like ${EXAMPLE}: cost.options is ignored`,
    );
    return undefined;
  }
  const options = value.flatMap((item, index) => {
    const option = costOption(item, `${path}[${index}]`, findings);
    return option ? [option] : [];
  });
  // A list that said nothing stays empty; one whose every option was
  // malformed says nothing usable.
  return options.length > 0 || value.length === 0 ? options : undefined;
}

function costOption(
  item: unknown,
  path: string,
  findings: MappingFindings,
): DataProductCostOption | undefined {
  if (!isObject(item)) {
    findings.warning(
      path,
      `is ${shown(item)}, not a cost option like ${EXAMPLE}: it is ignored`,
    );
    return undefined;
  }
  const tier = textOf(item.tier);
  if (item.tier !== undefined && (tier === undefined || !TIERS.has(tier))) {
    findings.warning(
      `${path}.tier`,
      `is ${shown(item.tier)}, not one of ${FRESHNESS_TIERS.join(
        ', ',
      )}: the option is ignored`,
    );
    return undefined;
  }
  const p95 = textOf(item.p95);
  if (p95 === undefined || !DURATION.test(p95)) {
    findings.warning(
      `${path}.p95`,
      `is ${shown(
        item.p95,
      )}, not a duration like 1m, 2h or 1d: the option is ignored`,
    );
    return undefined;
  }
  const monthly = numberOf(item.monthly);
  if (monthly === undefined || monthly < 0) {
    findings.warning(
      `${path}.monthly`,
      `is ${shown(
        item.monthly,
      )}, not a monthly cost ≥ 0: the option is ignored`,
    );
    return undefined;
  }
  return compact<DataProductCostOption>({
    tier: tier as FreshnessTier | undefined,
    p95,
    monthly,
  });
}
