export { DataProductStatusBanner } from './DataProductStatusBanner';
export type { DataProductStatusBannerProps } from './DataProductStatusBanner';
export { LifecycleBanner } from './LifecycleBanner';
export type { LifecycleBannerProps } from './LifecycleBanner';
