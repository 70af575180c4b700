export {
  DependsOnDataProductsCard,
  type DependsOnDataProductsCardProps,
} from './DependsOnDataProductsCard';
