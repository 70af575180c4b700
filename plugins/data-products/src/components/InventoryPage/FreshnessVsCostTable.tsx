import {
  Cell,
  CellText,
  Flex,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import type { InventoryItem, PricedCostOption } from '../../api';
import { formatLag } from '../shared/format';
import { formatMoney } from './format';
import { byTier, tierOf } from './freshnessVsCostGroups';

type Row = InventoryItem & { id: string };

/** "unknown", with the backend's reason on hover and for screen readers. */
function Unknown(props: { reason: string; testId?: string }) {
  return (
    <Cell>
      <span
        title={props.reason}
        aria-label={`unknown: ${props.reason}`}
        data-testid={props.testId}
        style={{
          color: 'var(--bui-fg-secondary, #616161)',
          textDecoration: 'underline dotted',
          cursor: 'help',
        }}
      >
        unknown
      </span>
    </Cell>
  );
}

/** "estimated" in the warning colour, or "declared": whose figure it is. */
function Provenance(props: { estimated: boolean }) {
  return props.estimated ? (
    <Text
      variant="body-x-small"
      weight="bold"
      color="warning"
      style={{ textTransform: 'uppercase' }}
    >
      estimated
    </Text>
  ) : (
    <Text variant="body-x-small" color="secondary">
      declared
    </Text>
  );
}

/** `streaming (P95 1m): $8,000 / month, +$5,000` */
function optionText(option: PricedCostOption, currency: string | null): string {
  const change =
    option.extraMonthly === 0
      ? 'no change'
      : `${option.extraMonthly > 0 ? '+' : '−'}${formatMoney(
          Math.abs(option.extraMonthly),
          currency,
        )}`;
  return `${option.tier ?? 'unnamed option'} (P95 ${formatLag(
    option.p95Ms,
  )}): ${formatMoney(option.monthly, currency)} / month, ${change}`;
}

/** What each other tier would cost, declared or estimated. */
function TierMoves(props: { item: InventoryItem }) {
  const unitCost = props.item.freshnessVsCost?.unitCostOfFreshness;
  if (!unitCost) {
    return <Unknown reason="The backend served no cost of freshness" />;
  }
  if (unitCost.options.length === 0) {
    return <Unknown reason={unitCost.summary} />;
  }
  return (
    <Cell>
      <Flex direction="column" gap="1">
        {unitCost.options.map(option => (
          <Flex
            key={`${option.tier}:${option.p95Ms}`}
            gap="2"
            align="baseline"
            style={{ flexWrap: 'wrap' }}
          >
            <Text variant="body-small">
              {optionText(option, unitCost.currency)}
            </Text>
            <Provenance estimated={option.estimated} />
          </Flex>
        ))}
      </Flex>
    </Cell>
  );
}

/** Currency per month per hour of lag saved, or why it is unknown. */
function UnitCost(props: { item: InventoryItem }) {
  const unitCost = props.item.freshnessVsCost?.unitCostOfFreshness;
  if (!unitCost) {
    return <Unknown reason="The backend served no cost of freshness" />;
  }
  if (unitCost.value === null) return <Unknown reason={unitCost.summary} />;
  return (
    <Cell>
      <Flex direction="column" gap="1">
        <span title={unitCost.summary}>
          {`${formatMoney(
            Math.round(unitCost.value),
            unitCost.currency,
          )} / month per hour of lag saved`}
        </span>
        {unitCost.estimated && <Provenance estimated />}
      </Flex>
    </Cell>
  );
}

/** The accessible name of the table's group. */
export const TABLE_LABEL = 'Freshness vs cost of the products on this page';

const COLUMNS: ColumnConfig<Row>[] = [
  {
    id: 'product',
    label: 'Product',
    isRowHeader: true,
    cell: item => (
      <CellText
        title={item.title || item.name}
        description={item.title && item.title !== item.name ? item.name : ''}
      />
    ),
  },
  {
    id: 'tier',
    label: 'Tier',
    cell: item => <CellText title={tierOf(item)} />,
  },
  {
    id: 'lag',
    label: 'Observed P95 lag',
    cell: item => {
      const lag = item.freshnessVsCost?.observedLag;
      if (typeof lag?.p95Ms !== 'number') {
        return (
          <Unknown
            reason={lag?.reason ?? 'The backend served no observed lag'}
          />
        );
      }
      const promised = lag.evidence?.promisedP95Ms;
      return (
        <CellText
          title={formatLag(lag.p95Ms)}
          description={
            typeof promised === 'number'
              ? `promised ${formatLag(promised)}`
              : ''
          }
        />
      );
    },
  },
  {
    id: 'monthly',
    label: 'Monthly cost',
    cell: item =>
      typeof item.cost?.monthly === 'number' ? (
        <CellText
          title={formatMoney(item.cost.monthly, item.cost.currency)}
          description={item.cost.currency ? '' : 'currency not declared'}
        />
      ) : (
        <Unknown reason="No monthly cost declared (spec.cost.monthly)" />
      ),
  },
  {
    id: 'moves',
    label: 'Other tiers would cost',
    cell: item => <TierMoves item={item} />,
  },
  {
    id: 'unitCost',
    label: 'Unit cost of freshness',
    cell: item => <UnitCost item={item} />,
  },
];

/**
 * The view's figures as a table, grouped by tier (freshest first): what the
 * chart shows, readable without it, and what it cannot place.
 */
export function FreshnessVsCostTable(props: {
  items: readonly InventoryItem[];
}) {
  const rows: Row[] = byTier(props.items).map(item => ({
    ...item,
    id: item.entityRef,
  }));
  return (
    <div role="group" aria-label={TABLE_LABEL}>
      <Table<Row>
        columnConfig={COLUMNS}
        data={rows}
        pagination={{ type: 'none' }}
      />
    </div>
  );
}
