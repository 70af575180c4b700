import StorageIcon from '@material-ui/icons/Storage';
import { createRouteRef, PageBlueprint } from '@backstage/frontend-plugin-api';

/**
 * The inventory page's route (new frontend system). The app's nav lists a
 * page that has a route ref, a title and an icon, so this also gives the
 * sidebar its "Data products" item.
 */
export const inventoryPageRouteRef = createRouteRef();

/** The inventory of data products, at `/data-products`. */
export const dataProductsInventoryPage = PageBlueprint.make({
  params: {
    path: '/data-products',
    title: 'Data products',
    icon: <StorageIcon fontSize="inherit" />,
    routeRef: inventoryPageRouteRef,
    loader: () =>
      import('../components/InventoryPage').then(m => <m.InventoryContent />),
  },
});
