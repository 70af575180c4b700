export { DataProductOverviewCard } from './DataProductOverviewCard';
export type { DataProductOverviewCardProps } from './DataProductOverviewCard';
