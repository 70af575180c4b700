import {
  DEFAULT_NAMESPACE,
  RELATION_DEPENDENCY_OF,
  type Entity,
} from '@backstage/catalog-model';
import { Flex } from '@backstage/ui';
import { EntityRefValue, LabelledValue, TextValue } from '../shared/values';
import type { ContractView } from '../shared/readContract';
import { relationTargets } from './relations';
import { NothingDeclared, Section } from '../shared/Section';

/** `4200` + `USD` → "$4,200.00"; an unknown currency code is shown as written. */
export function formatMoney(amount: number, currency: string | undefined) {
  if (currency) {
    try {
      return new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        maximumFractionDigits: 2,
      }).format(amount);
    } catch {
      // not an ISO 4217 code
    }
  }
  const number = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: 2,
  }).format(amount);
  return currency ? `${number} ${currency}` : number;
}

function costPerConsumer(
  monthly: number | undefined,
  consumers: number,
  currency: string | undefined,
): string | undefined {
  if (monthly === undefined) {
    return undefined;
  }
  if (consumers === 0) {
    return 'n/a: no consumers yet';
  }
  return `${formatMoney(monthly / consumers, currency)} / month`;
}

/**
 * What the product costs a month, who pays, and what that comes to per
 * consuming entity (the catalog's `dependsOn` declarations).
 */
export function CostSection(props: { entity: Entity; contract: ContractView }) {
  const { entity, contract } = props;
  const cost = contract.cost;
  const monthly =
    typeof cost?.monthly === 'number' && Number.isFinite(cost.monthly)
      ? cost.monthly
      : undefined;
  const currency =
    typeof cost?.currency === 'string' ? cost.currency : undefined;
  const consumers = relationTargets(entity, RELATION_DEPENDENCY_OF).length;

  return (
    <Section title="Cost and funding" subtitle="Who pays for this freshness">
      {!cost ? (
        <NothingDeclared>No cost declared.</NothingDeclared>
      ) : (
        <Flex direction="column" gap="1">
          <LabelledValue label="Monthly" labelWidth={132}>
            <TextValue
              value={
                monthly === undefined
                  ? undefined
                  : formatMoney(monthly, currency)
              }
            />
          </LabelledValue>
          <LabelledValue label="Funded by" labelWidth={132}>
            <EntityRefValue
              refText={
                typeof cost.fundedBy === 'string' ? cost.fundedBy : undefined
              }
              defaultKind="group"
              defaultNamespace={entity.metadata.namespace ?? DEFAULT_NAMESPACE}
            />
          </LabelledValue>
          <LabelledValue label="Consumers" labelWidth={132}>
            <TextValue value={consumers} />
          </LabelledValue>
          <LabelledValue label="Cost per consumer" labelWidth={132}>
            <TextValue value={costPerConsumer(monthly, consumers, currency)} />
          </LabelledValue>
        </Flex>
      )}
    </Section>
  );
}
