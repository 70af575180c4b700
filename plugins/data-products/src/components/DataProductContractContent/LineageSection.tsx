import {
  DEFAULT_NAMESPACE,
  RELATION_DEPENDENCY_OF,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import { EntityRefValue } from '../shared/values';
import type { ContractView } from '../shared/readContract';
import { relationTargets } from './relations';
import { PlainList, Section, SubHeading } from '../shared/Section';

export function EntityRefList(props: {
  label: string;
  refs: CompoundEntityRef[];
  empty: string;
}) {
  if (props.refs.length === 0) {
    return (
      <Text variant="body-medium" color="secondary">
        {props.empty}
      </Text>
    );
  }
  return (
    <PlainList label={props.label}>
      {props.refs.map(ref => (
        <li key={`${ref.kind}:${ref.namespace}/${ref.name}`}>
          <EntityRefLink entityRef={ref} />
        </li>
      ))}
    </PlainList>
  );
}

function Arrow() {
  return (
    <Text
      aria-hidden="true"
      variant="title-small"
      color="secondary"
      style={{ alignSelf: 'center' }}
    >
      →
    </Text>
  );
}

/**
 * Where the data comes from (the contract's upstreams) and who reads it (the
 * entities that declare `dependsOn` this product), as
 * upstreams → product → consumers.
 */
export function LineageSection(props: {
  entity: Entity;
  contract: ContractView;
}) {
  const { entity, contract } = props;
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const consumers = relationTargets(entity, RELATION_DEPENDENCY_OF);
  const upstreams = contract.lineage.upstreams;

  return (
    <Section title="Lineage" subtitle="Upstreams → this product → consumers">
      <Flex direction={{ initial: 'column', md: 'row' }} gap="4">
        <Flex
          direction="column"
          gap="1"
          style={{ flex: 1 }}
          role="group"
          aria-label="Upstreams"
        >
          <SubHeading>Upstreams</SubHeading>
          {upstreams.length === 0 ? (
            <Text variant="body-medium" color="secondary">
              No upstreams declared.
            </Text>
          ) : (
            <PlainList label="Upstreams">
              {upstreams.map(ref => (
                <li key={ref}>
                  <EntityRefValue
                    refText={ref}
                    defaultKind="dataproduct"
                    defaultNamespace={namespace}
                  />
                </li>
              ))}
            </PlainList>
          )}
        </Flex>
        <Arrow />
        <Flex direction="column" gap="1" style={{ flex: 1 }}>
          <SubHeading>This product</SubHeading>
          <Text variant="body-medium" weight="bold">
            {entity.metadata.title ?? entity.metadata.name}
          </Text>
        </Flex>
        <Arrow />
        <Flex
          direction="column"
          gap="1"
          style={{ flex: 1 }}
          role="group"
          aria-label="Consumers"
        >
          <SubHeading>{`Consumers (${consumers.length})`}</SubHeading>
          <EntityRefList
            label="Consumers"
            refs={consumers}
            empty="No consumer declares it in the catalog yet."
          />
        </Flex>
      </Flex>
    </Section>
  );
}
