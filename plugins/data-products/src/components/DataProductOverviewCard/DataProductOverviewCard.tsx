import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Grid, Text } from '@backstage/ui';
import {
  ANNOTATION_EXPIRES_ON,
  fromCatalogShape,
  type DataProductSpec,
} from '@stockroom/plugin-data-products-common';
import { StateBadge } from '../shared/StateBadge';
import { categoryLabel, sentenceCase } from '../shared/categoryLabel';
import { displayedState } from '../shared/displayedState';
import { EntityRefValue } from '../shared/values';
import { NotDeclared, OverviewField, TextValue } from './OverviewField';
import { EscalationValues } from '../shared/EscalationValues';
import { FreshnessValues } from '../shared/FreshnessValues';

/** @public */
export interface DataProductOverviewCardProps {
  /** Card title; defaults to the entity's title (or name). */
  title?: string;
}

/**
 * The entity is validated by the catalog processor, but a card must never
 * crash the entity page on a half-written one, so every nested field is
 * treated as possibly absent.
 */
type LooseSpec = Partial<DataProductSpec>;

/**
 * Overview of a DataProduct entity for its entity page: what it is, who owns
 * it, how fresh it promises to be and who to ping when it is not.
 *
 * @public
 */
export function DataProductOverviewCard(props: DataProductOverviewCardProps) {
  const { entity } = useEntity();
  // the catalog stores spec.lifecycle as the stage string; restore the authored form
  const spec = (fromCatalogShape(entity).spec ?? {}) as LooseSpec;
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const lifecycle = spec.lifecycle;
  const escalation = spec.contract?.escalation;
  const freshness = spec.contract?.freshness;
  const expiresOn = entity.metadata.annotations?.[ANNOTATION_EXPIRES_ON];
  const state = displayedState(entity, lifecycle?.stage);

  return (
    <EntityInfoCard
      title={props.title ?? entity.metadata.title ?? entity.metadata.name}
      headerActions={<StateBadge state={state} />}
    >
      <Grid.Root columns={{ initial: '1', sm: '2' }} gap="4">
        <OverviewField label="Description" wide>
          {entity.metadata.description ? (
            <Text
              as="p"
              variant="body-medium"
              style={{ whiteSpace: 'pre-line' }}
            >
              {entity.metadata.description}
            </Text>
          ) : (
            <NotDeclared />
          )}
        </OverviewField>

        <OverviewField label="Owner">
          <EntityRefValue
            refText={spec.owner}
            defaultKind="group"
            defaultNamespace={namespace}
          />
        </OverviewField>

        <OverviewField label="Category">
          <TextValue
            value={spec.category ? categoryLabel(spec.category) : undefined}
          />
        </OverviewField>

        <OverviewField label="Type">
          <TextValue value={spec.type} />
        </OverviewField>

        <OverviewField label="Version">
          <TextValue value={spec.version} />
        </OverviewField>

        <OverviewField label="Lifecycle stage">
          <Flex direction="column" gap="1">
            <TextValue
              value={
                lifecycle?.stage ? sentenceCase(lifecycle.stage) : undefined
              }
            />
            {lifecycle?.sunsetOn && (
              <Text variant="body-small" color="secondary">
                Sunset on {lifecycle.sunsetOn}
              </Text>
            )}
            {expiresOn && (
              <Text variant="body-small" color="secondary">
                Expires on {expiresOn}
              </Text>
            )}
          </Flex>
        </OverviewField>

        <OverviewField label="Freshness promise">
          <Flex direction="column" gap="1">
            <FreshnessValues freshness={freshness} />
          </Flex>
        </OverviewField>

        <OverviewField label="Who do I ping" wide>
          <Flex direction="column" gap="1">
            <EscalationValues escalation={escalation} />
          </Flex>
        </OverviewField>

        <OverviewField label="Domain">
          <EntityRefValue
            refText={spec.domain}
            defaultKind="domain"
            defaultNamespace={namespace}
          />
        </OverviewField>

        <OverviewField label="System">
          <EntityRefValue
            refText={spec.system}
            defaultKind="system"
            defaultNamespace={namespace}
          />
        </OverviewField>
      </Grid.Root>
    </EntityInfoCard>
  );
}
