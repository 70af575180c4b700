import { CodeSnippet } from '@backstage/core-components';
import { DEFAULT_NAMESPACE, type Entity } from '@backstage/catalog-model';
import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Alert, Flex, Skeleton, Text } from '@backstage/ui';
import {
  ANNOTATION_EXPIRES_ON,
  fromCatalogShape,
  type DataProductSpec,
} from '@stockroom/plugin-data-products-common';
import { StateBadge } from '../shared/StateBadge';
import { categoryLabel } from '../shared/categoryLabel';
import { displayedState } from '../shared/displayedState';
import { EntityRefValue, resolveRef } from '../shared/values';
import { readContract } from '../shared/readContract';
import { PlainList } from '../shared/Section';
import { ScoreBadge } from '../shared/ScoreBadge';
import { inDaysText } from '../shared/daysUntil';
import { useDependencies, type Dependency } from './useDependencies';
import { successorRef } from '../shared/successor';

/** @public */
export interface DependsOnDataProductsCardProps {
  /** Card title; default "Data products it depends on". */
  title?: string;
  /** Fixes "today" for the day counts; for tests and screenshots. */
  now?: Date;
}

/**
 * What a consumer must know about a product it depends on, from the state
 * the catalog computed (never re-derived here) and the backend's breach
 * verdict.
 */
function Warnings(props: { entity: Entity; breaching?: boolean; now: Date }) {
  const { entity, breaching, now } = props;
  const spec = (fromCatalogShape(entity).spec ??
    {}) as Partial<DataProductSpec>;
  const lifecycle = spec.lifecycle;
  const state = displayedState(entity, lifecycle?.stage).value;
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const successor = successorRef(entity, lifecycle);
  const expiresOn = entity.metadata.annotations?.[ANNOTATION_EXPIRES_ON];
  const successorLink = successor ? (
    <EntityRefValue
      refText={successor}
      defaultKind="dataproduct"
      defaultNamespace={namespace}
    />
  ) : undefined;

  const warnings = [];
  if (state === 'deprecated') {
    warnings.push(
      <Alert
        key="deprecated"
        status="warning"
        icon
        data-testid="warning-deprecated"
        title={
          lifecycle?.sunsetOn
            ? `Deprecated: sunset on ${lifecycle.sunsetOn}${inDaysText(
                lifecycle.sunsetOn,
                now,
              )}`
            : 'Deprecated: no sunset date declared'
        }
        description={
          successorLink ? (
            <Flex align="center" gap="1">
              <Text variant="body-small">Move to</Text>
              {successorLink}
            </Flex>
          ) : (
            'No successor declared: ask the owner where to move.'
          )
        }
      />,
    );
  }
  if (state === 'retired') {
    warnings.push(
      <Alert
        key="retired"
        status="danger"
        icon
        data-testid="warning-retired"
        title="Retired: this product is no longer maintained"
        description={
          successorLink ? (
            <Flex align="center" gap="1">
              <Text variant="body-small">Move to</Text>
              {successorLink}
            </Flex>
          ) : undefined
        }
      />,
    );
  }
  if (state === 'expiring') {
    warnings.push(
      <Alert
        key="expiring"
        status="warning"
        icon
        data-testid="warning-expiring"
        title={
          expiresOn
            ? `Expiring: expires on ${expiresOn}${inDaysText(expiresOn, now)}`
            : 'Expiring soon'
        }
        description="A convenience view that is not renewed expires; its owner renews it."
      />,
    );
  }
  if (state === 'expired') {
    warnings.push(
      <Alert
        key="expired"
        status="danger"
        icon
        data-testid="warning-expired"
        title={expiresOn ? `Expired on ${expiresOn}` : 'Expired'}
        description="Its owner no longer vouches for it."
      />,
    );
  }
  if (breaching) {
    warnings.push(
      <Alert
        key="breaching"
        status="danger"
        icon
        data-testid="warning-breaching"
        title="Breaching its SLA now"
        description="Its data arrives later than it promises, or too many recent runs failed or were late. Its Scorecard tab has the evidence."
      />,
    );
  }
  return warnings.length ? (
    <Flex direction="column" gap="2">
      {warnings}
    </Flex>
  ) : null;
}

function FreshnessPromise(props: { entity: Entity }) {
  const { freshness } = readContract(fromCatalogShape(props.entity)).contract;
  const parts = [
    freshness?.p95 ? `P95 ${freshness.p95}` : undefined,
    freshness?.p99 ? `P99 ${freshness.p99}` : undefined,
    freshness?.tier ? `${freshness.tier}` : undefined,
  ].filter(Boolean);
  return (
    <Text
      variant="body-small"
      color={parts.length ? 'primary' : 'secondary'}
      data-testid="freshness-promise"
    >
      {parts.length
        ? `Freshness promise: ${parts.join(' · ')}`
        : 'No freshness promise declared'}
    </Text>
  );
}

function OverallScore(props: { dependency: Dependency; loading: boolean }) {
  if (props.loading) return <Skeleton width={56} height={20} />;
  if (props.dependency.scoreFailed) {
    return (
      <Text variant="body-x-small" color="secondary">
        score unavailable
      </Text>
    );
  }
  return <ScoreBadge score={props.dependency.overall} />;
}

function DependencyItem(props: {
  dependency: Dependency;
  scoresLoading: boolean;
  now: Date;
}) {
  const { dependency, scoresLoading, now } = props;
  const { entity } = dependency;
  const ref = resolveRef(dependency.ref, 'dataproduct', DEFAULT_NAMESPACE);

  if (!entity) {
    return (
      <li data-testid="dependency" aria-label={dependency.ref}>
        <Alert
          status="warning"
          icon
          title={`${dependency.ref} is not in the catalog`}
          description="The dependency names a data product the catalog does not know: a typo, or a product that was removed."
        />
      </li>
    );
  }

  const spec = (fromCatalogShape(entity).spec ??
    {}) as Partial<DataProductSpec>;
  const state = displayedState(entity, spec.lifecycle?.stage);
  return (
    <li
      data-testid="dependency"
      aria-label={entity.metadata.title ?? entity.metadata.name}
      style={{
        borderTop: '1px solid var(--bui-border, #e0e0e0)',
        paddingTop: 8,
      }}
    >
      <Flex direction="column" gap="2">
        <Flex
          align="center"
          justify="between"
          gap="2"
          style={{ flexWrap: 'wrap' }}
        >
          <Flex direction="column" gap="1">
            {ref && (
              <EntityRefLink
                entityRef={ref}
                defaultKind="dataproduct"
                title={entity.metadata.title ?? entity.metadata.name}
              />
            )}
            <Text variant="body-x-small" color="secondary">
              {[
                spec.category ? categoryLabel(spec.category) : undefined,
                spec.version ? `v${spec.version}` : undefined,
                dependency.via.length
                  ? `used by ${dependency.via.join(', ')}`
                  : undefined,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Flex>
          <Flex align="center" gap="2">
            <StateBadge state={state} />
            <OverallScore dependency={dependency} loading={scoresLoading} />
          </Flex>
        </Flex>
        <FreshnessPromise entity={entity} />
        <Warnings entity={entity} breaching={dependency.breaching} now={now} />
      </Flex>
    </li>
  );
}

const DEPENDS_ON_EXAMPLE = `spec:
  dependsOn:
    - dataproduct:customer-identity-v2`;

function NoDependencies(props: { system: boolean }) {
  return (
    <Flex direction="column" gap="2" data-testid="no-dependencies">
      <Text variant="body-medium">
        This entity declares no data product dependencies.
      </Text>
      <Text variant="body-small" color="secondary">
        {props.system
          ? 'A system lists the data products its components and resources depend on. Declare them in each component’s catalog-info.yaml:'
          : 'Declare the data products it reads in its catalog-info.yaml, the way it declares other dependencies:'}
      </Text>
      <CodeSnippet text={DEPENDS_ON_EXAMPLE} language="yaml" />
      <Text variant="body-small" color="secondary">
        The product’s owners then see it among their consumers, and this card
        warns when a product is deprecated, expiring or breaching its SLA.
      </Text>
    </Flex>
  );
}

/**
 * The consumer's side: the data products a Component (or a System, through
 * its parts) depends on, each with its state, overall score and freshness
 * promise, and what needs attention — deprecated (sunset date and where to
 * move), expiring, breaching its SLA now. States come from the catalog,
 * scores and breaches from the Stockroom backend.
 *
 * @public
 */
export function DependsOnDataProductsCard(
  props: DependsOnDataProductsCardProps,
) {
  const { entity } = useEntity();
  const now = props.now ?? new Date();
  const {
    dependencies,
    loading,
    error,
    scoresLoading,
    breachingError,
    isSystem,
  } = useDependencies(entity);

  let body;
  if (loading) {
    body = <Skeleton width="100%" height={64} />;
  } else if (error) {
    body = (
      <Alert
        status="danger"
        icon
        title="Could not load the data products"
        description={error.message}
      />
    );
  } else if (!dependencies || dependencies.length === 0) {
    body = <NoDependencies system={isSystem} />;
  } else {
    body = (
      <Flex direction="column" gap="2">
        <PlainList label="Data products">
          {dependencies.map(dependency => (
            <DependencyItem
              key={dependency.ref}
              dependency={dependency}
              scoresLoading={scoresLoading}
              now={now}
            />
          ))}
        </PlainList>
        {breachingError && (
          <Text variant="body-x-small" color="secondary">
            Could not check which products breach their SLA now (
            {breachingError.message}).
          </Text>
        )}
      </Flex>
    );
  }

  return (
    <EntityInfoCard title={props.title ?? 'Data products it depends on'}>
      {body}
    </EntityInfoCard>
  );
}
