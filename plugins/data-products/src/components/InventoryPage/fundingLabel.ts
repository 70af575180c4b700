import type { InventoryItem } from '../../api';

type Funding = InventoryItem['funding'];

/**
 * A short line for the table under a product's consumer count, from the
 * backend's verdict of rule funding-follows-reuse (the full message is the
 * tooltip). Nothing is judged here; verdicts without an expectation (no
 * rule, or neither many teams nor one) show nothing.
 */
export function fundingLabel(funding: Funding | undefined): string | undefined {
  if (!funding) return undefined;
  const { verdict, expects, expectedFunders } = funding;
  if (verdict === 'unknown')
    return 'Central funding expected; no central funder configured';
  if (expects === 'central') {
    return verdict === 'follows'
      ? 'Funded centrally, as many teams use it'
      : 'Many teams use it: fund it centrally';
  }
  if (expects === 'consuming-team') {
    return verdict === 'follows'
      ? 'Funded by the one team using it'
      : `One team uses it: ${expectedFunders[0] ?? 'that team'} should fund it`;
  }
  return undefined;
}
