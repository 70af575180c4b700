import { Flex, Text } from '@backstage/ui';
import type { InventoryItem } from '../../api';
import { PlainList, SubHeading } from '../shared/Section';
import { FreshnessVsCostChart, chartLabel } from './FreshnessVsCostChart';
import { FreshnessVsCostTable } from './FreshnessVsCostTable';
import { freshnessVsCostGroups } from './freshnessVsCostGroups';

/**
 * "Freshness vs cost": each product of the page, its observed P95 lag
 * against its monthly cost by freshness tier, and what a move to another
 * tier would cost — where a platform team sees what a tier change costs.
 * One chart per currency (no exchange rates: amounts in different
 * currencies are never compared), then the table with every figure.
 * Everything is the backend's (`freshnessVsCost` of each item).
 */
export function FreshnessVsCostView(props: {
  items: readonly InventoryItem[];
}) {
  const { items } = props;
  const { groups, unplotted } = freshnessVsCostGroups(items);
  const currencies = groups.map(group => group.currency ?? 'no currency');
  return (
    <Flex direction="column" gap="3" data-testid="freshness-vs-cost">
      {groups.length > 1 && (
        <Text variant="body-small" color="secondary" data-testid="currencies">
          {`Costs are in ${currencies.join(
            ', ',
          )}: each currency has its own chart, since amounts in different currencies cannot be compared without exchange rates.`}
        </Text>
      )}
      {groups.map(group => (
        <Flex direction="column" gap="1" key={group.currency ?? ''}>
          <SubHeading>{chartLabel(group.currency)}</SubHeading>
          <FreshnessVsCostChart group={group} />
        </Flex>
      ))}
      {groups.length === 0 && (
        <Text variant="body-small" color="secondary">
          No product on this page has both an observed lag and a monthly cost to
          draw.
        </Text>
      )}
      {unplotted.length > 0 && (
        <PlainList label="Not on the chart">
          {unplotted.map(product => (
            <li key={product.entityRef}>
              <Text variant="body-small" color="secondary">
                {`${product.label}: ${product.reason}`}
              </Text>
            </li>
          ))}
        </PlainList>
      )}
      <FreshnessVsCostTable items={items} />
    </Flex>
  );
}
