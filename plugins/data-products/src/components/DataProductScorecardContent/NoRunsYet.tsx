import useAsync from 'react-use/esm/useAsync';
import { discoveryApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { Flex, Text } from '@backstage/ui';

/** The backend plugin's id, also its HTTP base `/api/data-products`. */
const BACKEND_PLUGIN_ID = 'data-products';
const FALLBACK_URL = '/api/data-products/openlineage';

/**
 * Where pipelines send OpenLineage events:
 * `<backend>/api/data-products/openlineage`; the path alone when the app
 * cannot discover the backend (a hint must never break the page).
 */
export function useOpenLineageUrl(): string {
  const apis = useApiHolder();
  const { value } = useAsync(async () => {
    try {
      const discoveryApi = apis.get(discoveryApiRef);
      if (!discoveryApi) return FALLBACK_URL;
      return `${await discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID)}/openlineage`;
    } catch {
      return FALLBACK_URL;
    }
  }, [apis]);
  return value ?? FALLBACK_URL;
}

/**
 * What a product without runs says: nothing has been reported, and where
 * its pipeline should report to.
 */
export function NoRunsYet() {
  const url = useOpenLineageUrl();
  return (
    <Flex direction="column" gap="1" data-testid="no-runs-yet">
      <Text variant="body-medium" color="secondary">
        No runs reported yet — point your OpenLineage transport at{' '}
        <code style={{ wordBreak: 'break-all' }}>{url}</code>
      </Text>
      <Text variant="body-small" color="secondary">
        (HTTP transport, endpoint <code>openlineage</code>, with a Backstage
        static token; the product&apos;s <code>openlineage.io/dataset</code>{' '}
        annotation names the dataset its runs write. Pipelines without
        OpenLineage can POST run reports to{' '}
        <code>…/api/data-products/runs</code>.)
      </Text>
    </Flex>
  );
}
