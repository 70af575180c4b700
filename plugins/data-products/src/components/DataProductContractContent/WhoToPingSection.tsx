import useAsync from 'react-use/esm/useAsync';
import {
  RELATION_HAS_MEMBER,
  parseEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/core-plugin-api';
import { Flex, Skeleton, Text } from '@backstage/ui';
import { LabelledValue, TextValue } from '../shared/values';
import type { ContractView } from '../shared/readContract';
import { relationTargets, ownerRef } from './relations';
import { PlainList, Section, SubHeading } from '../shared/Section';
import { EscalationValues } from '../shared/EscalationValues';

function OwnerMembers(props: { ownerRef: string }) {
  const catalogApi = useApi(catalogApiRef);
  const {
    value: group,
    loading,
    error,
  } = useAsync(
    () => catalogApi.getEntityByRef(props.ownerRef),
    [catalogApi, props.ownerRef],
  );

  if (loading) {
    return <Skeleton width={160} height={16} aria-label="Loading members" />;
  }
  if (error) {
    return (
      <Text variant="body-medium" color="secondary">
        Could not load the owner's members: {error.message}
      </Text>
    );
  }
  if (!group) {
    return (
      <Text variant="body-medium" color="secondary">
        The owner is not in the catalog.
      </Text>
    );
  }
  const members = relationTargets(group, RELATION_HAS_MEMBER);
  const email = (group.spec as { profile?: { email?: unknown } } | undefined)
    ?.profile?.email;
  return (
    <Flex direction="column" gap="1">
      {typeof email === 'string' && email && (
        <LabelledValue label="Email">
          <TextValue value={email} />
        </LabelledValue>
      )}
      {members.length === 0 ? (
        <Text variant="body-medium" color="secondary">
          No members listed in the catalog.
        </Text>
      ) : (
        <PlainList label="Owner group members">
          {members.map(member => (
            <li key={`${member.kind}:${member.namespace}/${member.name}`}>
              <EntityRefLink entityRef={member} defaultKind="user" />
            </li>
          ))}
        </PlainList>
      )}
    </Flex>
  );
}

function OwnerValue(props: { refText?: string }) {
  if (!props.refText) {
    return <TextValue value={undefined} />;
  }
  try {
    return (
      <EntityRefLink
        entityRef={parseEntityRef(props.refText)}
        defaultKind="group"
      />
    );
  } catch {
    return <TextValue value={props.refText} />;
  }
}

/**
 * The first thing a consumer in a hurry needs: where to ask, who answers and
 * when, and the people behind the owning team.
 */
export function WhoToPingSection(props: {
  entity: Entity;
  contract: ContractView;
}) {
  const { entity, contract } = props;
  const escalation = contract.escalation;
  const owner = ownerRef(entity);

  return (
    <Section
      title="Who do I ping"
      subtitle="Where to ask when the data looks wrong or late"
    >
      <Flex direction={{ initial: 'column', md: 'row' }} gap="6">
        <Flex direction="column" gap="1" style={{ flex: 1 }}>
          <SubHeading>Escalation</SubHeading>
          <EscalationValues escalation={escalation} />
        </Flex>
        <Flex direction="column" gap="1" style={{ flex: 1 }}>
          <SubHeading>Owner</SubHeading>
          <OwnerValue refText={owner} />
          {owner && <OwnerMembers ownerRef={owner} />}
        </Flex>
      </Flex>
    </Section>
  );
}
