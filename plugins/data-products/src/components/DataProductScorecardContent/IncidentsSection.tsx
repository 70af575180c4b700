import { Alert, Flex, Skeleton, Text } from '@backstage/ui';
import type { DataProductIncident } from '../../api';
import { NothingDeclared, PlainList, Section } from '../shared/Section';
import { formatDateTime, plural } from '../shared/format';

const KIND_TEXT: Record<string, string> = {
  'breaking-change-without-major':
    'Breaking change published without a major version bump',
  'observed-schema-drift': 'Observed schema differs from the contract',
};

const VERDICT_TEXT: Record<string, string> = {
  'needs-major': 'needed a major version bump',
  'needs-new-entity': 'needed a new entity next to this one',
};

/** The calendar quarter the stability score counts, from its evidence. */
export interface Quarter {
  label: string;
  from: string;
  to: string;
}

type Obj = Record<string, unknown>;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

function inQuarter(openedAt: string, quarter: Quarter | undefined): boolean {
  if (!quarter) return false;
  const at = Date.parse(openedAt);
  return at >= Date.parse(quarter.from) && at < Date.parse(quarter.to);
}

/**
 * What an incident is about, from its details: versions, the engine's
 * verdict, each change's message; other plain values as "key: value". All
 * of it text — details come from contracts owners wrote.
 */
function IncidentDetails(props: { details: Obj }) {
  const { details } = props;
  const from = text(details.fromVersion);
  const to = text(details.toVersion);
  const verdict = text(details.verdict);
  const changes = Array.isArray(details.changes) ? details.changes : [];
  const shown = new Set([
    'fromVersion',
    'toVersion',
    'verdict',
    'changes',
    'fromFingerprint',
    'toFingerprint',
  ]);
  const rest = Object.entries(details)
    .filter(([key]) => !shown.has(key))
    .map(([key, value]) => [key, text(value)] as const)
    .filter((entry): entry is readonly [string, string] => !!entry[1]);

  return (
    <Flex direction="column" gap="1">
      {(from || to) && (
        <Text variant="body-small">
          {`Version ${from ? `v${from}` : 'unversioned'} → ${
            to ? `v${to}` : 'unversioned'
          }${
            verdict && VERDICT_TEXT[verdict] ? `: ${VERDICT_TEXT[verdict]}` : ''
          }`}
        </Text>
      )}
      {changes.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {changes.map((change, index) => {
            const c = (typeof change === 'object' && change) as Obj;
            const kind = text(c?.kind);
            const message = text(c?.message) ?? text(c?.change) ?? '';
            return (
              <li key={index}>
                <Text variant="body-small" style={{ wordBreak: 'break-word' }}>
                  {kind ? `${kind}: ${message}` : message}
                </Text>
              </li>
            );
          })}
        </ul>
      )}
      {rest.map(([key, value]) => (
        <Text key={key} variant="body-small" color="secondary">
          {`${key}: ${value}`}
        </Text>
      ))}
    </Flex>
  );
}

function IncidentItem(props: {
  incident: DataProductIncident;
  thisQuarter: boolean;
}) {
  const { incident, thisQuarter } = props;
  return (
    <li data-testid="incident" style={{ paddingBottom: 8 }}>
      <Flex direction="column" gap="1">
        <Flex gap="2" align="baseline" style={{ flexWrap: 'wrap' }}>
          <Text variant="body-medium" weight="bold">
            {KIND_TEXT[incident.kind] ?? (incident.kind || 'Schema drift')}
          </Text>
          <Text variant="body-small" color="secondary">
            {`opened ${formatDateTime(incident.openedAt)}`}
          </Text>
          {thisQuarter && (
            <Text variant="body-x-small" weight="bold" color="warning">
              THIS QUARTER
            </Text>
          )}
        </Flex>
        <IncidentDetails details={incident.details} />
      </Flex>
    </li>
  );
}

/** Schema drift incidents the backend opened, newest first. */
export function IncidentsSection(props: {
  items: DataProductIncident[] | undefined;
  loading: boolean;
  error?: Error;
  quarter?: Quarter;
}) {
  const { items, loading, error, quarter } = props;
  let body;
  if (loading) {
    body = <Skeleton width="60%" height={16} />;
  } else if (error) {
    body = (
      <Alert
        status="danger"
        icon
        title="Could not load the drift incidents"
        description={error.message}
      />
    );
  } else if (!items || items.length === 0) {
    body = <NothingDeclared>No drift incidents recorded.</NothingDeclared>;
  } else {
    const current = items.filter(i => inQuarter(i.openedAt, quarter)).length;
    body = (
      <Flex direction="column" gap="2">
        {quarter && (
          <Text variant="body-medium" data-testid="incidents-this-quarter">
            {`${plural(current, 'incident')} this quarter (${quarter.label}), ${
              items.length
            } in all.`}
          </Text>
        )}
        <PlainList label="Drift incidents">
          {items.map((incident, index) => (
            <IncidentItem
              key={`${incident.id}:${index}`}
              incident={incident}
              thisQuarter={inQuarter(incident.openedAt, quarter)}
            />
          ))}
        </PlainList>
      </Flex>
    );
  }
  return (
    <Section
      title="Drift incidents"
      subtitle="Schema drift against the contract, and breaking changes without a major version"
    >
      {body}
    </Section>
  );
}
