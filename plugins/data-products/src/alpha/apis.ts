import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { DataProductsClient, dataProductsApiRef } from '../api';

/** The client of the Stockroom backend, for the plugin's components. */
export const dataProductsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataProductsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataProductsClient({ discoveryApi, fetchApi }),
    }),
});
