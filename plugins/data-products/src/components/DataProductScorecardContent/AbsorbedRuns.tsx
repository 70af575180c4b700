import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { Flex, Text } from '@backstage/ui';
import { PlainList, SubHeading } from '../shared/Section';
import { EntityRefValue } from '../shared/values';
import { formatDateTime, formatLag } from '../shared/format';
import type { RecentRun } from './supplyChainTypes';

function RunId(props: { id: string }) {
  return (
    <Text variant="body-x-small" color="secondary">
      run <code style={{ wordBreak: 'break-all' }}>{props.id}</code>
    </Text>
  );
}

/**
 * The upstream runs the latest run absorbed (product and run id, newest
 * first), the upstreams it absorbed nothing from, and its end-to-end chain
 * up to the origin run: how a reader follows a change to this product.
 */
export function AbsorbedRuns(props: { run: RecentRun }) {
  const { run } = props;
  const { endToEnd } = run;
  const ref = (text: string) => (
    <EntityRefValue
      refText={text}
      defaultKind="DataProduct"
      defaultNamespace={DEFAULT_NAMESPACE}
    />
  );
  return (
    <Flex direction="column" gap="2" data-testid="absorbed-runs">
      <SubHeading>Latest run and what it absorbed</SubHeading>
      <Flex gap="2" align="baseline" style={{ flexWrap: 'wrap' }}>
        <Text variant="body-small">{formatDateTime(run.finishedAt)}</Text>
        <RunId id={run.runId} />
        <Text variant="body-small">
          {run.leadTimeMs === null
            ? `lead time unknown: ${run.reason ?? run.cause ?? 'no reason given'}`
            : `lead time ${formatLag(run.leadTimeMs)}`}
        </Text>
      </Flex>
      {run.absorbed.length === 0 ? (
        <Text variant="body-small" color="secondary">
          No upstream run absorbed.
        </Text>
      ) : (
        <PlainList label="Absorbed upstream runs">
          {run.absorbed.map(up => (
            <li key={`${up.entityRef}:${up.runId}`}>
              <Flex gap="2" align="baseline" style={{ flexWrap: 'wrap' }}>
                {ref(up.entityRef)}
                <RunId id={up.runId} />
                <Text variant="body-x-small" color="secondary">
                  finished {formatDateTime(up.finishedAt)}
                </Text>
              </Flex>
            </li>
          ))}
        </PlainList>
      )}
      {run.notAbsorbed.length > 0 && (
        <Text variant="body-small" color="secondary">
          Nothing absorbed from: {run.notAbsorbed.join(', ')}
        </Text>
      )}
      <Text variant="body-small" data-testid="end-to-end">
        {endToEnd.leadTimeMs === null
          ? `End-to-end lead time unknown: ${
              endToEnd.reason ?? endToEnd.cause ?? 'no reason given'
            }`
          : `End-to-end lead time ${formatLag(endToEnd.leadTimeMs)}${
              endToEnd.origin
                ? ` from ${endToEnd.origin.entityRef} run ${endToEnd.origin.runId}`
                : ''
            } (${endToEnd.chain.length} runs in the chain)`}
      </Text>
    </Flex>
  );
}
