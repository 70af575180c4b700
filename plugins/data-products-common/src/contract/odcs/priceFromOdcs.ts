import type { DataProductCost } from '../../kind/types';
import { CURRENCY_PATTERN } from '../../kind/patterns';
import type { MappingFindings } from './findings';
import { compact, isObject, numberOf, shown, textOf } from './values';

const CURRENCY = new RegExp(CURRENCY_PATTERN);
const MONTHLY = new Set(['month', 'monthly', 'mo', 'per month', '1 month']);

/**
 * `price` → `cost`. Stockroom compares products by what they cost per
 * month, so only a monthly price maps; a price per gigabyte or per query
 * cannot become one without usage numbers, and is reported instead.
 */
export function priceFromOdcs(
  price: unknown,
  path: string,
  findings: MappingFindings,
): DataProductCost | undefined {
  if (price === undefined || price === null) {
    return undefined;
  }
  if (!isObject(price)) {
    findings.warning(
      path,
      `is ${shown(price)}, not a price: the cost is not mapped from it`,
    );
    return undefined;
  }
  const unit = textOf(price.priceUnit);
  if (unit === undefined || !MONTHLY.has(unit.toLowerCase())) {
    findings.warning(
      `${path}.priceUnit`,
      `${
        unit === undefined ? 'is missing' : `\`${unit}\` is not a month`
      }: Stockroom records a monthly cost, so the price is ignored — write \`priceUnit: month\``,
    );
    return undefined;
  }
  const amount = numberOf(price.priceAmount);
  if (price.priceAmount !== undefined && (amount === undefined || amount < 0)) {
    findings.warning(
      `${path}.priceAmount`,
      `is ${shown(
        price.priceAmount,
      )}, not an amount: the monthly cost is ignored`,
    );
  }
  const currency = textOf(price.priceCurrency)?.toUpperCase();
  if (currency !== undefined && !CURRENCY.test(currency)) {
    findings.warning(
      `${path}.priceCurrency`,
      `\`${price.priceCurrency}\` is not an ISO 4217 code like USD: the currency is ignored`,
    );
  }
  const cost = compact<DataProductCost>({
    monthly: amount !== undefined && amount >= 0 ? amount : undefined,
    currency:
      currency !== undefined && CURRENCY.test(currency) ? currency : undefined,
  });
  return Object.keys(cost).length > 0 ? cost : undefined;
}
