import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { fromCatalogShape } from '@stockroom/plugin-data-products-common';
import { readFindings } from '../shared/findings';
import { displayedState } from '../shared/displayedState';
import { StateBadge } from '../shared/StateBadge';
import { FindingsList } from './FindingsList';
import { LifecycleBanner } from '../shared/LifecycleBanner';

/** @public */
export interface DataProductStatusBannerProps {
  /** Card title; defaults to "Lifecycle and findings". */
  title?: string;
  /**
   * "Today" for the day counts of the banner (expires in N days, sunset in N
   * days); defaults to the current time. The state itself always comes from
   * the catalog.
   */
  now?: Date;
}

/**
 * What needs attention on a DataProduct: its lifecycle state, a banner when
 * it is expiring, expired, deprecated or retired (with what to do about it),
 * and the rule engine's non-blocking findings.
 *
 * @public
 */
export function DataProductStatusBanner(props: DataProductStatusBannerProps) {
  const { entity } = useEntity();
  const stage = (
    fromCatalogShape(entity).spec?.lifecycle as { stage?: string } | undefined
  )?.stage;
  const state = displayedState(entity, stage);
  const findings = readFindings(entity);
  const count = findings.status === 'ok' ? findings.findings.length : 0;

  return (
    <EntityInfoCard
      title={props.title ?? 'Lifecycle and findings'}
      headerActions={<StateBadge state={state} />}
    >
      <Flex direction="column" gap="4">
        <LifecycleBanner entity={entity} now={props.now} />
        <section aria-label="Findings of the rule engine">
          <Flex direction="column" gap="2">
            <Text
              as="h3"
              variant="body-x-small"
              weight="bold"
              color="secondary"
              style={{ textTransform: 'uppercase', letterSpacing: 0.5 }}
            >
              {count > 0 ? `Findings (${count})` : 'Findings'}
            </Text>
            <FindingsList read={findings} />
          </Flex>
        </section>
      </Flex>
    </EntityInfoCard>
  );
}
