import { useCallback, useMemo } from 'react';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  Badge,
  Cell,
  CellText,
  Flex,
  Table,
  Text,
  type ColumnConfig,
  type SortDescriptor,
} from '@backstage/ui';
import type { ScoreDimension } from '@stockroom/plugin-data-products-common';
import type {
  InventoryItem,
  InventorySortKey,
  InventorySortOrder,
} from '../../api';
import { StateBadge } from '../common/StateBadge';
import { categoryLabel } from '../common/presentation';
import { resolveRef } from '../common/values';
import {
  DIMENSION_INFO,
  DIMENSIONS,
} from '../DataProductScorecardContent/dimensions';
import { ScoreBadge } from '../DataProductScorecardContent/ScoreBadge';
import { formatMoney } from './format';
import { FUNDING_HINT_TEXT, fundingHint } from './fundingHint';

type Row = InventoryItem & { id: string };

/** The catalog page of an entity, or undefined when the ref is malformed. */
type EntityPath = (entityRef: string) => string | undefined;

function useEntityPath(): EntityPath {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef: string) => {
      const ref = resolveRef(entityRef, 'dataproduct', 'default');
      return ref ? entityRoute(entityRouteParams(ref)) : undefined;
    },
    [entityRoute],
  );
}

function Dash() {
  return <CellText title="—" color="secondary" />;
}

/** A compact dimension score: the number, or "?" (unknown) in grey. */
function DimensionScore(props: { score: number | null; label: string }) {
  const { score, label } = props;
  if (score === null) {
    return (
      <Cell>
        <span
          aria-label={`${label}: unknown`}
          title="Unknown: no evidence yet"
          style={{ color: 'var(--bui-fg-secondary, #616161)' }}
        >
          ?
        </span>
      </Cell>
    );
  }
  return (
    <Cell>
      <span aria-label={`${label}: ${score} of 5`}>{score}</span>
    </Cell>
  );
}

function NameCell(props: { item: InventoryItem; entityPath: EntityPath }) {
  const { item, entityPath } = props;
  const path = entityPath(item.entityRef);
  const label = item.title || item.name;
  return (
    <Cell>
      {/*
       * The name column's minimum width, in CSS: a width in the column
       * config makes the table measure its container and lay out every
       * row again before the first paint (react-aria's resizable table).
       */}
      <Flex direction="column" gap="1" style={{ minWidth: 200 }}>
        {path ? (
          <Link to={path} style={{ fontWeight: 700 }}>
            {label}
          </Link>
        ) : (
          <Text weight="bold">{label}</Text>
        )}
        <Text variant="body-x-small" color="secondary">
          {item.name}
          {item.version ? ` · v${item.version}` : ''}
        </Text>
        {path && (
          <Flex gap="2">
            <Link
              to={`${path}/contract`}
              aria-label={`Contract of ${label}`}
              style={{ fontSize: '0.75rem' }}
            >
              Contract
            </Link>
            <Link
              to={`${path}/scorecard`}
              aria-label={`Scorecard of ${label}`}
              style={{ fontSize: '0.75rem' }}
            >
              Scorecard
            </Link>
          </Flex>
        )}
      </Flex>
    </Cell>
  );
}

function StateCell(props: { item: InventoryItem }) {
  const { item } = props;
  return (
    <Cell>
      <Flex direction="column" gap="1" align="start">
        <StateBadge
          state={
            item.state
              ? { value: item.state, source: 'computed' }
              : { value: undefined, source: 'none' }
          }
        />
        {item.breaching && (
          <Badge
            size="small"
            data-testid="breaching"
            title="Breaching its SLA now, as the backend judged it"
            style={{
              color: 'var(--bui-fg-negative, #b71c1c)',
              border: '1px solid currentColor',
            }}
          >
            Breaching
          </Badge>
        )}
      </Flex>
    </Cell>
  );
}

function RefCell(props: { refText: string | null; defaultKind: string }) {
  const { refText, defaultKind } = props;
  if (!refText) return <Dash />;
  const ref = resolveRef(refText, defaultKind, 'default');
  if (!ref) return <CellText title={refText} />;
  return (
    <Cell>
      <EntityRefLink entityRef={ref} defaultKind={defaultKind} />
    </Cell>
  );
}

function ExpiryCell(props: { item: InventoryItem }) {
  const { expiresOn, sunsetOn } = props.item;
  if (!expiresOn && !sunsetOn) return <Dash />;
  return (
    <Cell>
      <Flex direction="column" gap="1">
        {expiresOn && (
          <Text variant="body-small">{`Expires ${expiresOn}`}</Text>
        )}
        {sunsetOn && <Text variant="body-small">{`Sunset ${sunsetOn}`}</Text>}
      </Flex>
    </Cell>
  );
}

function perConsumer(item: InventoryItem): number | null {
  if (item.cost?.perConsumer !== undefined) return item.cost.perConsumer;
  const monthly = item.cost?.monthly;
  return typeof monthly === 'number' && item.consumers && item.consumers > 0
    ? Math.round((monthly / item.consumers) * 100) / 100
    : null;
}

function CostCell(props: { item: InventoryItem }) {
  const { item } = props;
  const { cost } = item;
  if (!cost || cost.monthly === null) return <Dash />;
  const unit = perConsumer(item);
  return (
    <Cell>
      <Flex direction="column" gap="1">
        <Text variant="body-medium" weight="bold">
          {`${formatMoney(cost.monthly, cost.currency)} / month`}
        </Text>
        {unit !== null && (
          <Text variant="body-x-small" color="secondary">
            {`${formatMoney(unit, cost.currency)} per consumer`}
          </Text>
        )}
        <Text variant="body-x-small" color="secondary">
          {cost.fundedBy
            ? `Funded by ${cost.fundedBy}`
            : 'Funding not declared'}
        </Text>
      </Flex>
    </Cell>
  );
}

function ConsumersCell(props: { item: InventoryItem; manyConsumers: number }) {
  const { item, manyConsumers } = props;
  if (item.consumers === null) return <Dash />;
  const hint = fundingHint(item.consumers, manyConsumers);
  return (
    <Cell>
      <Flex direction="column" gap="1">
        <Text variant="body-medium">{String(item.consumers)}</Text>
        {hint && (
          <Text
            variant="body-x-small"
            color="secondary"
            data-testid="funding-hint"
            data-hint={hint}
          >
            {FUNDING_HINT_TEXT[hint]}
          </Text>
        )}
      </Flex>
    </Cell>
  );
}

function columns(
  entityPath: EntityPath,
  manyConsumers: number,
): ColumnConfig<Row>[] {
  return [
    {
      id: 'name',
      label: 'Name',
      isRowHeader: true,
      isSortable: true,
      cell: item => <NameCell item={item} entityPath={entityPath} />,
    },
    {
      id: 'category',
      label: 'Category',
      cell: item =>
        item.category ? (
          <CellText title={categoryLabel(item.category)} />
        ) : (
          <Dash />
        ),
    },
    {
      id: 'state',
      label: 'State',
      cell: item => <StateCell item={item} />,
    },
    {
      id: 'owner',
      label: 'Owner',
      cell: item => <RefCell refText={item.owner} defaultKind="group" />,
    },
    {
      id: 'overall',
      label: 'Overall',
      isSortable: true,
      cell: item => (
        <Cell>
          <ScoreBadge score={item.overall} />
        </Cell>
      ),
    },
    ...DIMENSIONS.map(
      (dimension: ScoreDimension): ColumnConfig<Row> => ({
        id: dimension,
        label: DIMENSION_INFO[dimension].label,
        isSortable: true,
        cell: item => (
          <DimensionScore
            score={item.dimensions[dimension]}
            label={DIMENSION_INFO[dimension].label}
          />
        ),
      }),
    ),
    {
      id: 'expiresOn',
      label: 'Expiry',
      isSortable: true,
      cell: item => <ExpiryCell item={item} />,
    },
    {
      id: 'cost',
      label: 'Cost',
      isSortable: true,
      cell: item => <CostCell item={item} />,
    },
    {
      id: 'consumers',
      label: 'Consumers',
      cell: item => <ConsumersCell item={item} manyConsumers={manyConsumers} />,
    },
  ];
}

/**
 * The inventory page's table: one row per product, sorted by the backend.
 * Sorting a column asks the backend for that order (the sort is part of the
 * URL); with no sort the backend's default applies: weakest first.
 */
export function InventoryTable(props: {
  items: InventoryItem[] | undefined;
  loading: boolean;
  stale: boolean;
  sort?: InventorySortKey;
  order?: InventorySortOrder;
  onSortChange: (sort: InventorySortKey, order: InventorySortOrder) => void;
  manyConsumers: number;
}) {
  const { items, loading, stale, sort, order, onSortChange, manyConsumers } =
    props;
  const entityPath = useEntityPath();
  const columnConfig = useMemo(
    () => columns(entityPath, manyConsumers),
    [entityPath, manyConsumers],
  );
  const rows = useMemo<Row[] | undefined>(
    () => items?.map(item => ({ ...item, id: item.entityRef })),
    [items],
  );
  const descriptor: SortDescriptor | null = sort
    ? {
        column: sort,
        direction: order === 'desc' ? 'descending' : 'ascending',
      }
    : null;

  return (
    <Table<Row>
      columnConfig={columnConfig}
      data={rows}
      isPending={loading && !rows}
      isStale={stale}
      pagination={{ type: 'none' }}
      sort={{
        descriptor,
        onSortChange: next =>
          onSortChange(
            String(next.column) as InventorySortKey,
            next.direction === 'descending' ? 'desc' : 'asc',
          ),
      }}
      emptyState={
        <Text variant="body-medium" color="secondary">
          No data product matches these filters.
        </Text>
      }
    />
  );
}
