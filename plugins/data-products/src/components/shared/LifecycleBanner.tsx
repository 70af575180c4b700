import type { ReactNode } from 'react';
import { DEFAULT_NAMESPACE, type Entity } from '@backstage/catalog-model';
import { Alert, Flex, Text } from '@backstage/ui';
import {
  ANNOTATION_EXPIRES_ON,
  fromCatalogShape,
  type DataProductLifecycle,
} from '@stockroom/plugin-data-products-common';
import { daysUntil } from './daysUntil';
import { displayedState } from './displayedState';
import { EntityRefValue } from './values';
import { RenewInstructions } from './RenewInstructions';
import { successorRef } from './successor';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function expiringTitle(expiresOn: string | undefined, now: Date): string {
  const days = daysUntil(expiresOn, now);
  if (expiresOn === undefined || days === undefined) {
    return 'Expiring soon';
  }
  if (days > 0) {
    return `Expires in ${plural(days, 'day', 'days')} (on ${expiresOn})`;
  }
  if (days === 0) {
    return `Expires today (on ${expiresOn})`;
  }
  // The label says expiring but the date has passed: the catalog has not
  // re-processed the entity since. Say what the date says, not a new state.
  return `Expiry date ${expiresOn} has passed`;
}

function sunsetText(sunsetOn: string | undefined, now: Date): string {
  if (!sunsetOn) {
    return 'No sunset date declared';
  }
  const days = daysUntil(sunsetOn, now);
  if (days === undefined) {
    return `Sunset on ${sunsetOn}`;
  }
  if (days > 0) {
    return `Sunset on ${sunsetOn} (in ${plural(days, 'day', 'days')})`;
  }
  if (days === 0) {
    return `Sunset today (${sunsetOn})`;
  }
  return `Sunset on ${sunsetOn} (${plural(-days, 'day', 'days')} ago)`;
}

function Successor(props: { entity: Entity; refText?: string }) {
  const { entity, refText } = props;
  if (!refText) {
    return (
      <Text variant="body-medium">
        No successor declared: ask the owner where to move.
      </Text>
    );
  }
  return (
    <Flex align="baseline" gap="1" data-testid="successor">
      <Text variant="body-medium">Move to</Text>
      <EntityRefValue
        refText={refText}
        defaultKind="dataproduct"
        defaultNamespace={entity.metadata.namespace ?? DEFAULT_NAMESPACE}
      />
    </Flex>
  );
}

/** @public */
export interface LifecycleBannerProps {
  entity: Entity;
  /** "Today" for day counts; defaults to the current time. */
  now?: Date;
}

/**
 * A prominent banner for a product a reader must act on: expiring or expired
 * (how to renew), deprecated (sunset date and successor) or retired. Nothing
 * for draft and active products. The state is the one the catalog computed
 * (label `stockroom.io/state`), never derived here.
 */
export function LifecycleBanner(props: LifecycleBannerProps) {
  const { entity } = props;
  const now = props.now ?? new Date();
  const lifecycle = fromCatalogShape(entity).spec?.lifecycle as
    | Partial<DataProductLifecycle>
    | undefined;
  const state = displayedState(entity, lifecycle?.stage).value;
  const expiresOn = entity.metadata.annotations?.[ANNOTATION_EXPIRES_ON];

  let status: 'warning' | 'danger' | 'info';
  let title: string;
  let body: ReactNode;
  switch (state) {
    case 'expiring':
      status = 'warning';
      title = expiringTitle(expiresOn, now);
      body = <RenewInstructions entity={entity} />;
      break;
    case 'expired':
      status = 'danger';
      title = expiresOn ? `Expired on ${expiresOn}` : 'Expired';
      body = <RenewInstructions entity={entity} />;
      break;
    case 'deprecated':
      status = 'warning';
      title = `Deprecated: ${sunsetText(lifecycle?.sunsetOn, now)}`;
      body = (
        <Flex direction="column" gap="1">
          <Text variant="body-medium">
            Consumers must move off this product before the sunset date.
          </Text>
          <Successor
            entity={entity}
            refText={successorRef(entity, lifecycle)}
          />
        </Flex>
      );
      break;
    case 'retired':
      status = 'danger';
      title = 'Retired: no longer maintained';
      body = (
        <Successor entity={entity} refText={successorRef(entity, lifecycle)} />
      );
      break;
    default:
      return null;
  }

  return (
    <Alert
      status={status}
      icon
      role="status"
      data-testid="lifecycle-banner"
      data-state={state}
      title={
        <Text as="h3" variant="title-x-small" weight="bold">
          {title}
        </Text>
      }
      description={body}
    />
  );
}
