export {
  InventoryContent,
  LegacyInventoryPage,
  type DataProductsInventoryPageProps,
} from './InventoryPage';
