import { Fragment, useCallback, useMemo } from 'react';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  entityRouteParams,
  entityRouteRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { Badge, Flex, Skeleton, Text } from '@backstage/ui';
import {
  INVENTORY_SORT_KEYS,
  type InventoryItem,
  type InventorySortKey,
  type InventorySortOrder,
} from '../../api';
import { StateBadge } from '../shared/StateBadge';
import { categoryLabel, sentenceCase } from '../shared/categoryLabel';
import { resolveRef } from '../shared/values';
import { DIMENSION_INFO } from '../shared/dimensions';
import { ScoreBadge } from '../shared/ScoreBadge';
import { columnLayout, tableMinWidth } from './columnLayout';
import { formatCompactMoney, formatMoney } from './format';
import { fundingLabel } from './fundingLabel';
import { FlagCell, SupplyChainBadges } from './SupplyChainFlags';
import { isDimensionColumn, type InventoryColumn } from './inventoryColumns';
import {
  HeaderCell,
  PlainTable,
  Row,
  TableCell,
  TextCell,
  type SortDirection,
} from './plainTable';

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
  return <TextCell text="—" color="secondary" />;
}

/** A compact dimension score: the number, or "?" (unknown) in grey. */
function DimensionScore(props: { score: number | null; label: string }) {
  const { score, label } = props;
  if (score === null) {
    return (
      <TableCell>
        <span
          aria-label={`${label}: unknown`}
          title="Unknown: no evidence yet"
          style={{ color: 'var(--bui-fg-secondary, #616161)' }}
        >
          ?
        </span>
      </TableCell>
    );
  }
  return (
    <TableCell>
      <span aria-label={`${label}: ${score} of 5`}>{score}</span>
    </TableCell>
  );
}

function NameCell(props: { item: InventoryItem; entityPath: EntityPath }) {
  const { item, entityPath } = props;
  const path = entityPath(item.entityRef);
  const label = item.title || item.name;
  return (
    <TableCell rowHeader>
      {/* lines end between words or after a hyphen, never inside a word */}
      <Flex
        direction="column"
        gap="1"
        style={{ overflowWrap: 'normal', wordBreak: 'normal' }}
      >
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
    </TableCell>
  );
}

function StateCell(props: { item: InventoryItem }) {
  const { item } = props;
  return (
    <TableCell>
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
        <SupplyChainBadges item={item} />
      </Flex>
    </TableCell>
  );
}

function RefCell(props: { refText: string | null; defaultKind: string }) {
  const { refText, defaultKind } = props;
  if (!refText) return <Dash />;
  const ref = resolveRef(refText, defaultKind, 'default');
  if (!ref) return <TextCell text={refText} />;
  return (
    <TableCell>
      {/* titled from the ref: a row never waits on a catalog look-up, nor
          changes width when one answers */}
      <EntityRefLink
        entityRef={ref}
        defaultKind={defaultKind}
        title={humanizeEntityRef(ref, { defaultKind })}
      />
    </TableCell>
  );
}

/** "Expires 2026-06-08": the line may break after the word, never inside the date. */
function DatedEvent(props: { what: string; date: string }) {
  return (
    <Text variant="body-small">
      {`${props.what} `}
      <span style={{ whiteSpace: 'nowrap' }}>{props.date}</span>
    </Text>
  );
}

function ExpiryCell(props: { item: InventoryItem }) {
  const { expiresOn, sunsetOn } = props.item;
  if (!expiresOn && !sunsetOn) return <Dash />;
  return (
    <TableCell>
      <Flex direction="column" gap="1">
        {expiresOn && <DatedEvent what="Expires" date={expiresOn} />}
        {sunsetOn && <DatedEvent what="Sunset" date={sunsetOn} />}
      </Flex>
    </TableCell>
  );
}

function perConsumer(item: InventoryItem): number | null {
  if (item.cost?.perConsumer !== undefined) return item.cost.perConsumer;
  const monthly = item.cost?.monthly;
  return typeof monthly === 'number' && item.consumers && item.consumers > 0
    ? Math.round((monthly / item.consumers) * 100) / 100
    : null;
}

/** The exact figures behind a compact cost: amount, per consumer, funder. */
function costDetails(item: InventoryItem): string {
  const { cost } = item;
  if (!cost) return '';
  const unit = perConsumer(item);
  return [
    `${formatMoney(cost.monthly, cost.currency)} a month`,
    unit !== null && `${formatMoney(unit, cost.currency)} per consumer`,
    cost.fundedBy ? `funded by ${cost.fundedBy}` : 'funding not declared',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * One line, `$1.2K/mo`; the exact amount, the cost per consumer and the
 * funding group in its tooltip (and the "Who funds what" tile).
 */
function CostCell(props: { item: InventoryItem }) {
  const { item } = props;
  const { cost } = item;
  if (!cost || cost.monthly === null) return <Dash />;
  const details = costDetails(item);
  return (
    <TableCell>
      <Text
        variant="body-medium"
        weight="bold"
        data-testid="cost"
        title={details}
        style={{ whiteSpace: 'nowrap' }}
      >
        {`${formatCompactMoney(cost.monthly, cost.currency)}/mo`}
      </Text>
    </TableCell>
  );
}

function TierCell(props: { tier: string | null | undefined }) {
  if (!props.tier) return <Dash />;
  return (
    <TableCell>
      <Text variant="body-medium">{sentenceCase(props.tier)}</Text>
    </TableCell>
  );
}

/** A category on as many lines as it needs, words whole (no ellipsis). */
function CategoryCell(props: { category: string | null }) {
  if (!props.category) return <Dash />;
  return (
    <TableCell>
      <Text variant="body-medium">{categoryLabel(props.category)}</Text>
    </TableCell>
  );
}

/** The consumer count, and the backend's funding verdict in a few words (its message as tooltip). */
function ConsumersCell(props: { item: InventoryItem }) {
  const { item } = props;
  if (item.consumers === null) return <Dash />;
  const label = fundingLabel(item.funding);
  return (
    <TableCell>
      <Flex direction="column" gap="1">
        <Text variant="body-medium">{String(item.consumers)}</Text>
        {label && (
          <Text
            variant="body-x-small"
            color={
              item.funding.verdict === 'breaks' &&
              item.funding.severity !== 'info'
                ? 'warning'
                : 'secondary'
            }
            title={item.funding.message}
            data-testid="funding-verdict"
            data-verdict={item.funding.verdict}
          >
            {label}
          </Text>
        )}
      </Flex>
    </TableCell>
  );
}

const SORTABLE = new Set<string>(INVENTORY_SORT_KEYS);

/**
 * A column header that never truncates: its width is set in CSS (so the
 * fixed table layout keeps it, in one pass), and a long name is abbreviated
 * with the full name as its tooltip and accessible name.
 */
function ColumnHeader(props: {
  column: InventoryColumn;
  sorted?: SortDirection;
  onSort?: (direction: SortDirection) => void;
}) {
  const { label, abbreviation, width } = columnLayout(props.column);
  return (
    <HeaderCell width={width} sorted={props.sorted} onSort={props.onSort}>
      {abbreviation ? (
        <abbr title={label} aria-label={label}>
          {abbreviation}
        </abbr>
      ) : (
        label
      )}
    </HeaderCell>
  );
}

function cellOf(
  column: InventoryColumn,
  entityPath: EntityPath,
): (item: InventoryItem) => JSX.Element {
  if (isDimensionColumn(column)) {
    const label = DIMENSION_INFO[column].label;
    return item => (
      <DimensionScore score={item.dimensions[column]} label={label} />
    );
  }
  switch (column) {
    case 'name':
      return item => <NameCell item={item} entityPath={entityPath} />;
    case 'category':
      return item => <CategoryCell category={item.category} />;
    case 'state':
      return item => <StateCell item={item} />;
    case 'owner':
      return item => <RefCell refText={item.owner} defaultKind="group" />;
    case 'tier':
      return item => <TierCell tier={item.freshnessTier} />;
    case 'overall':
      return item => (
        <TableCell>
          <ScoreBadge score={item.overall} />
        </TableCell>
      );
    case 'expiresOn':
      return item => <ExpiryCell item={item} />;
    case 'cost':
      return item => <CostCell item={item} />;
    case 'fragile':
    case 'tierAtRisk':
    case 'budgetExhausted':
      return item => <FlagCell raised={item[column]} />;
    case 'consumers':
    default:
      return item => <ConsumersCell item={item} />;
  }
}

function directionOf(order: InventorySortOrder | undefined): SortDirection {
  return order === 'desc' ? 'descending' : 'ascending';
}

/** Rows drawn while the first page loads. */
const SKELETON_ROWS = 5;

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
  /** The columns to show, in table order. */
  columns: readonly InventoryColumn[];
}) {
  const { items, loading, stale, sort, order, onSortChange, columns } = props;
  const entityPath = useEntityPath();
  const cells = useMemo(
    () => columns.map(column => cellOf(column, entityPath)),
    [columns, entityPath],
  );

  let body: JSX.Element | JSX.Element[];
  if (!items) {
    body = Array.from({ length: loading ? SKELETON_ROWS : 0 }, (_, k) => (
      <Row key={k}>
        {columns.map(column => (
          <TableCell key={column}>
            <Skeleton width="80%" height={16} />
          </TableCell>
        ))}
      </Row>
    ));
  } else if (items.length === 0) {
    body = (
      <Row>
        <TableCell colSpan={columns.length}>
          <Text variant="body-medium" color="secondary">
            No data product matches these filters.
          </Text>
        </TableCell>
      </Row>
    );
  } else {
    body = items.map(item => (
      <Row key={item.entityRef}>
        {cells.map((cell, k) => (
          <Fragment key={columns[k]}>{cell(item)}</Fragment>
        ))}
      </Row>
    ));
  }

  return (
    // Many columns scroll sideways rather than squeeze: the table never gets
    // narrower than its columns' widths.
    <div style={{ overflowX: 'auto' }}>
      <PlainTable
        style={{ minWidth: tableMinWidth(columns) }}
        stale={stale}
        busy={loading}
      >
        <thead>
          <tr>
            {columns.map(column => (
              <ColumnHeader
                key={column}
                column={column}
                sorted={sort === column ? directionOf(order) : undefined}
                onSort={
                  SORTABLE.has(column)
                    ? direction =>
                        onSortChange(
                          column as InventorySortKey,
                          direction === 'descending' ? 'desc' : 'asc',
                        )
                    : undefined
                }
              />
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </PlainTable>
    </div>
  );
}
