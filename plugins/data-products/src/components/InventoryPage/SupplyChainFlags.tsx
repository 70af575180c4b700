import { Badge, Text } from '@backstage/ui';
import type { InventoryItem } from '../../api';
import { TableCell, TextCell } from './plainTable';

/**
 * The latest snapshot's supply-chain flags, as the backend judged them;
 * flagged products carry a badge in the state column, and each flag has a
 * column of its own.
 */
const SUPPLY_CHAIN_FLAGS = [
  {
    key: 'fragile',
    label: 'Fragile',
    title: 'P95 lead time over its target and high volatility',
  },
  {
    key: 'tierAtRisk',
    label: 'Tier at risk',
    title:
      'Freshness or reliability scored 2 or less in every daily snapshot of the last 14 days',
  },
  {
    key: 'budgetExhausted',
    label: 'Budget exhausted',
    title: 'The p95 or p99 error budget of the window is spent',
  },
] as const;

/** Yes, no, or "unknown" (not judged yet, or cannot be told): never a blank. */
export function FlagCell(props: { raised: boolean | null | undefined }) {
  const value = props.raised;
  if (value === true) {
    return (
      <TableCell>
        <Text variant="body-medium" weight="bold" color="warning">
          Yes
        </Text>
      </TableCell>
    );
  }
  if (value === false) return <TextCell text="No" />;
  return <TextCell text="unknown" color="secondary" />;
}

/** A badge for each flag the backend raised on the product. */
export function SupplyChainBadges(props: { item: InventoryItem }) {
  const { item } = props;
  return (
    <>
      {SUPPLY_CHAIN_FLAGS.filter(flag => item[flag.key] === true).map(flag => (
        <Badge
          key={flag.key}
          size="small"
          data-testid={`flag-${flag.key}`}
          title={flag.title}
          style={{
            color: 'var(--bui-fg-warning, #8a5300)',
            border: '1px solid currentColor',
          }}
        >
          {flag.label}
        </Badge>
      ))}
    </>
  );
}
