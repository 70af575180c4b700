import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@backstage/ui';
import {
  fromCatalogShape,
  type DataProductSpec,
} from '@stockroom/plugin-data-products-common';
import { AccessPatternsSection } from './AccessPatternsSection';
import { ContractHistorySection } from './ContractHistorySection';
import { CostSection } from './CostSection';
import { LineageSection } from './LineageSection';
import { readContract } from '../shared/readContract';
import { SchemaSection } from './SchemaSection';
import { ServiceLevelsSection } from './ServiceLevelsSection';
import { VersionsSection } from './VersionsSection';
import { WhoToPingSection } from './WhoToPingSection';

/** @public */
export interface DataProductContractContentProps {
  /**
   * "Today" for day counts (sunset in N days); defaults to the current time.
   */
  now?: Date;
}

const FULL = { initial: '1', md: '12' } as const;
const HALF = { initial: '1', md: '6' } as const;

/**
 * The Contract tab of a DataProduct, written for a consumer in a hurry: who
 * to ping first, then the fields, the freshness promise, how to read it,
 * where it comes from and who reads it, its versions and migration, its cost
 * and the contract's change history.
 *
 * @public
 */
export function DataProductContractContent(
  props: DataProductContractContentProps,
) {
  const { entity } = useEntity();
  const { contract } = readContract(entity);
  const spec = (fromCatalogShape(entity).spec ??
    {}) as Partial<DataProductSpec>;

  return (
    <Grid.Root columns={{ initial: '1', md: '12' }} gap="4">
      <Grid.Item colSpan={FULL}>
        <WhoToPingSection entity={entity} contract={contract} />
      </Grid.Item>
      <Grid.Item colSpan={FULL}>
        <SchemaSection contract={contract} />
      </Grid.Item>
      <Grid.Item colSpan={HALF}>
        <ServiceLevelsSection contract={contract} leadTime={spec.leadTime} />
      </Grid.Item>
      <Grid.Item colSpan={HALF}>
        <AccessPatternsSection entity={entity} contract={contract} />
      </Grid.Item>
      <Grid.Item colSpan={FULL}>
        <LineageSection entity={entity} contract={contract} />
      </Grid.Item>
      <Grid.Item colSpan={FULL}>
        <VersionsSection entity={entity} now={props.now} />
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '1', md: '4' }}>
        <CostSection entity={entity} contract={contract} />
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '1', md: '8' }}>
        <ContractHistorySection entity={entity} />
      </Grid.Item>
    </Grid.Root>
  );
}
