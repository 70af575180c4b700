export { DataProductScorecardContent } from './DataProductScorecardContent';
export type { DataProductScorecardContentProps } from './DataProductScorecardContent';
