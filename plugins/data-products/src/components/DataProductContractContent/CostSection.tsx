import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  DEFAULT_NAMESPACE,
  getCompoundEntityRef,
  RELATION_DEPENDENCY_OF,
  type Entity,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { Flex } from '@backstage/ui';
import { dataProductsApiRef } from '../../api';
import { FreshnessCost } from './FreshnessCost';
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
 * What the product costs a month, who pays, what that comes to per
 * consuming entity (the catalog's `dependsOn` declarations), and the unit
 * cost of additional freshness with the options it is priced from — the
 * backend prices it (`GET …/contract`); this only shows it.
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
  const api = useApi(dataProductsApiRef);
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const priced = useAsync(
    async () => (await api.getContract(entityRef))?.unitCostOfFreshness,
    [api, entityRef.namespace, entityRef.name],
  );

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
          <FreshnessCost
            unitCost={priced.value}
            loading={priced.loading}
            error={priced.error}
          />
        </Flex>
      )}
    </Section>
  );
}
