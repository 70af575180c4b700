import {
  Alert,
  CellText,
  Flex,
  Skeleton,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import type { PricedCostOption, UnitCostOfFreshness } from '../../api';
import { PlainList, SubHeading } from '../shared/Section';
import { formatLag } from '../shared/format';
import { formatMoney } from '../InventoryPage/format';

type OptionRow = PricedCostOption & { id: string };

/** A whole-unit amount for the unit cost, `$283`: cents would be noise. */
function wholeMoney(amount: number, currency: string | null): string {
  return formatMoney(Math.round(amount), currency);
}

/** `+$6,800.00` / `−$1,000.00`: what the move adds (or saves) a month. */
function signedMoney(amount: number, currency: string | null): string {
  const text = formatMoney(Math.abs(amount), currency);
  if (amount > 0) return `+${text}`;
  if (amount < 0) return `−${text}`;
  return text;
}

/** Hours of lag saved, two decimals; negative adds lag. */
function hours(value: number): string {
  return `${Number(value.toFixed(2))} h`;
}

function columns(currency: string | null): ColumnConfig<OptionRow>[] {
  return [
    {
      id: 'tier',
      label: 'Tier',
      isRowHeader: true,
      cell: option => (
        <CellText
          title={option.tier ?? 'unnamed option'}
          description={option.estimated ? 'estimated' : undefined}
        />
      ),
    },
    {
      id: 'p95',
      label: 'P95',
      cell: option => <CellText title={formatLag(option.p95Ms)} />,
    },
    {
      id: 'monthly',
      label: 'Monthly',
      cell: option => (
        <CellText title={formatMoney(option.monthly, currency)} />
      ),
    },
    {
      id: 'extra',
      label: 'Change / month',
      cell: option => (
        <CellText title={signedMoney(option.extraMonthly, currency)} />
      ),
    },
    {
      id: 'saved',
      label: 'Lag saved',
      cell: option => <CellText title={hours(option.hoursSaved)} />,
    },
  ];
}

/** The unit cost itself: a figure and its label, or why it is unknown. */
function UnitCost(props: { unitCost: UnitCostOfFreshness }) {
  const { unitCost } = props;
  if (unitCost.value === null) {
    return (
      <Text variant="body-medium" color="secondary" data-testid="unit-cost">
        {/* the backend's summary starts "Unknown:" and says why */}
        {unitCost.summary}
      </Text>
    );
  }
  const next = unitCost.next;
  return (
    <Flex direction="column" gap="1">
      <Flex gap="2" align="baseline" style={{ flexWrap: 'wrap' }}>
        <Text variant="body-medium" weight="bold" data-testid="unit-cost">
          {`${wholeMoney(
            unitCost.value,
            unitCost.currency,
          )} / month per hour of lag saved`}
        </Text>
        {unitCost.estimated && (
          <Text
            variant="body-x-small"
            weight="bold"
            color="warning"
            style={{ textTransform: 'uppercase' }}
          >
            estimated
          </Text>
        )}
      </Flex>
      {next && (
        <Text variant="body-small" color="secondary">
          {`Priced on the next fresher option: ${
            next.tier ?? 'unnamed option'
          } at P95 ${formatLag(next.p95Ms)} for ${formatMoney(
            next.monthly,
            unitCost.currency,
          )} a month.`}
        </Text>
      )}
      <Text variant="body-small">{unitCost.summary}</Text>
    </Flex>
  );
}

/**
 * The unit cost of additional freshness the backend priced, the options it
 * priced it from (what each tier move would cost) and its findings.
 */
export function FreshnessCost(props: {
  unitCost?: UnitCostOfFreshness;
  loading: boolean;
  error?: Error;
}) {
  const { unitCost, loading, error } = props;
  if (loading) return <Skeleton width="60%" height={16} />;
  if (error) {
    return (
      <Alert
        status="danger"
        icon
        title="Could not load the unit cost of freshness"
        description={error.message}
      />
    );
  }
  if (!unitCost) {
    return (
      <Text variant="body-small" color="secondary">
        The backend has not priced the cost of freshness for this product.
      </Text>
    );
  }
  const rows: OptionRow[] = unitCost.options.map((option, index) => ({
    ...option,
    id: `${index}:${option.tier}:${option.p95Ms}`,
  }));
  return (
    <Flex direction="column" gap="2">
      <SubHeading>Unit cost of freshness</SubHeading>
      <UnitCost unitCost={unitCost} />
      <SubHeading>Options</SubHeading>
      {rows.length === 0 ? (
        <Text variant="body-small" color="secondary">
          No cost options declared or estimated.
        </Text>
      ) : (
        <Table<OptionRow>
          columnConfig={columns(unitCost.currency)}
          data={rows}
          pagination={{ type: 'none' }}
        />
      )}
      {unitCost.findings.length > 0 && (
        <PlainList label="Cost findings">
          {unitCost.findings.map(finding => (
            <li key={finding}>
              <Text variant="body-small" color="warning">
                {finding}
              </Text>
            </li>
          ))}
        </PlainList>
      )}
    </Flex>
  );
}
