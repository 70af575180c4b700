export { DataProductStatusBanner } from './DataProductStatusBanner';
export type { DataProductStatusBannerProps } from './DataProductStatusBanner';
export { LifecycleBanner } from '../shared/LifecycleBanner';
export type { LifecycleBannerProps } from '../shared/LifecycleBanner';
