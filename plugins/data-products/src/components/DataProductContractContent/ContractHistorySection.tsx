import useAsync from 'react-use/esm/useAsync';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Flex, Skeleton, Text } from '@backstage/ui';
import {
  dataProductsApiRef,
  type ContractHistoryChange,
  type ContractHistoryEntry,
} from '../../api';
import { NothingDeclared, PlainList, Section } from '../shared/Section';

const KIND_COLORS: Record<string, string> = {
  breaking: 'var(--bui-fg-negative, #c62828)',
  notice: 'var(--bui-fg-warning, #b26a00)',
  'non-breaking': 'var(--bui-fg-secondary, #616161)',
};

const VERDICT_TEXT: Record<string, string> = {
  ok: 'OK',
  'needs-major': 'Breaking change without a major version bump',
  'needs-new-entity': 'Breaking change: needs a new entity next to this one',
};

function formatRecordedAt(value: unknown): string {
  if (typeof value !== 'string') {
    return 'unknown date';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function ChangeItem(props: { change: ContractHistoryChange }) {
  const { change } = props;
  const kind = typeof change.kind === 'string' ? change.kind : 'change';
  return (
    <li>
      <Flex gap="2" align="baseline">
        <Text
          variant="body-x-small"
          weight="bold"
          style={{
            color: KIND_COLORS[kind] ?? KIND_COLORS['non-breaking'],
            textTransform: 'uppercase',
            whiteSpace: 'nowrap',
          }}
        >
          {kind}
        </Text>
        <Text variant="body-small" style={{ wordBreak: 'break-word' }}>
          {String(change.message ?? change.change ?? '')}
        </Text>
      </Flex>
    </li>
  );
}

function HistoryEntry(props: { entry: ContractHistoryEntry }) {
  const { entry } = props;
  const changes = Array.isArray(entry.changes) ? entry.changes : [];
  const verdict =
    typeof entry.verdict === 'string'
      ? VERDICT_TEXT[entry.verdict] ?? entry.verdict
      : undefined;
  return (
    <li data-testid="contract-version" style={{ paddingBottom: 12 }}>
      <Flex direction="column" gap="1">
        <Flex gap="2" align="baseline" style={{ flexWrap: 'wrap' }}>
          <Text variant="body-medium" weight="bold">
            {entry.version ? `v${entry.version}` : 'unversioned'}
          </Text>
          <Text variant="body-small" color="secondary">
            recorded {formatRecordedAt(entry.recordedAt)}
          </Text>
          {verdict && (
            <Text
              variant="body-small"
              weight="bold"
              color={entry.verdict === 'ok' ? 'success' : 'danger'}
            >
              {verdict}
            </Text>
          )}
        </Flex>
        {changes.length === 0 ? (
          <Text variant="body-small" color="secondary">
            First recorded version.
          </Text>
        ) : (
          <PlainList label={`Changes in ${entry.version ?? 'this version'}`}>
            {changes.map((change, index) => (
              <ChangeItem key={index} change={change} />
            ))}
          </PlainList>
        )}
      </Flex>
    </li>
  );
}

/**
 * The contract's recorded versions and what changed between them, as the
 * backend classified the changes. Absent history is normal for a new
 * product (or a backend without the endpoint) and says so quietly.
 */
export function ContractHistorySection(props: { entity: Entity }) {
  const { entity } = props;
  const api = useApi(dataProductsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getContractHistory(getCompoundEntityRef(entity)),
    [api, entity.metadata.namespace, entity.metadata.name],
  );

  let body;
  if (loading) {
    body = <Skeleton width="60%" height={16} />;
  } else if (error) {
    body = (
      <Alert
        status="danger"
        icon
        title="Could not load the contract history"
        description={error.message}
      />
    );
  } else if (!value || value.items.length === 0) {
    body = <NothingDeclared>No history recorded yet.</NothingDeclared>;
  } else {
    body = (
      <PlainList label="Contract versions">
        {value.items.map((entry, index) => (
          <HistoryEntry
            key={`${entry.fingerprint ?? ''}:${index}`}
            entry={entry}
          />
        ))}
      </PlainList>
    );
  }

  return (
    <Section
      title="Change history"
      subtitle="Recorded versions of this contract, newest first"
    >
      {body}
    </Section>
  );
}
