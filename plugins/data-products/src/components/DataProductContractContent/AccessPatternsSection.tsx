import { DEFAULT_NAMESPACE, type Entity } from '@backstage/catalog-model';
import { Flex, Text } from '@backstage/ui';
import { sentenceCase } from '../shared/categoryLabel';
import { ContactValue, EntityRefValue } from '../shared/values';
import type { ContractView } from '../shared/readContract';
import { NothingDeclared, PlainList, Section } from '../shared/Section';

/** How to read the data: where it lives, in what format, through which API. */
export function AccessPatternsSection(props: {
  entity: Entity;
  contract: ContractView;
}) {
  const { entity, contract } = props;
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const patterns = contract.accessPatterns;

  return (
    <Section title="Access patterns" subtitle="How to read it">
      {patterns.length === 0 ? (
        <NothingDeclared>No access patterns declared.</NothingDeclared>
      ) : (
        <PlainList label="Access patterns">
          {patterns.map((pattern, index) => (
            <li key={index} data-testid="access-pattern">
              <Flex direction="column" gap="1" style={{ paddingBottom: 8 }}>
                <Flex align="baseline" gap="2">
                  <Text variant="body-medium" weight="bold">
                    {typeof pattern.type === 'string'
                      ? sentenceCase(pattern.type)
                      : 'Access'}
                  </Text>
                  {pattern.format && (
                    <Text variant="body-small" color="secondary">
                      {String(pattern.format)}
                    </Text>
                  )}
                </Flex>
                {pattern.api && (
                  <Flex align="baseline" gap="1">
                    <Text variant="body-small" color="secondary">
                      API
                    </Text>
                    <EntityRefValue
                      refText={pattern.api}
                      defaultKind="api"
                      defaultNamespace={namespace}
                    />
                  </Flex>
                )}
                {pattern.location && (
                  <Flex align="baseline" gap="1">
                    <Text variant="body-small" color="secondary">
                      Location
                    </Text>
                    <ContactValue value={String(pattern.location)} />
                  </Flex>
                )}
              </Flex>
            </li>
          ))}
        </PlainList>
      )}
    </Section>
  );
}
