import type { ReactNode } from 'react';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { Button, Flex, Grid, Text } from '@backstage/ui';
import {
  DATA_PRODUCT_CATEGORIES,
  DATA_PRODUCT_STATES,
} from '@stockroom/plugin-data-products-common';
import type {
  InventoryItem,
  InventoryPage,
  InventoryQuery,
  InventorySummary,
} from '../../api';
import { categoryLabel, sentenceCase } from '../shared/categoryLabel';
import { resolveRef } from '../shared/values';
import { PlainList, Section } from '../shared/Section';
import { formatCount } from '../shared/format';
import { formatMoney } from './format';
import type { InventoryFilters } from './useInventoryUrl';

/** Where the backend sums products without a category or a funder. */
const UNASSIGNED = 'unassigned';

/** Known keys in the spec's order, then any others the backend sent. */
function ordered(known: readonly string[], keys: string[]): string[] {
  return [
    ...known.filter(key => keys.includes(key)),
    ...keys.filter(key => !known.includes(key)).sort(),
  ];
}

function BigNumber(props: { value: number; testId: string }) {
  return (
    <Text variant="title-large" weight="bold" data-testid={props.testId}>
      {formatCount(props.value)}
    </Text>
  );
}

/** A count that narrows the table to what it counts when pressed. */
function FilterButton(props: {
  label: string;
  onPress: () => void;
  isDisabled?: boolean;
}) {
  return (
    <Button
      variant="tertiary"
      size="small"
      onPress={props.onPress}
      isDisabled={props.isDisabled}
    >
      {props.label}
    </Button>
  );
}

function Line(props: { label: ReactNode; value: ReactNode; testId?: string }) {
  return (
    <li data-testid={props.testId}>
      <Flex justify="between" align="center" gap="2">
        <Text variant="body-medium">{props.label}</Text>
        <Text variant="body-medium" weight="bold">
          {props.value}
        </Text>
      </Flex>
    </li>
  );
}

function FunderLabel(props: { funder: string }) {
  const { funder } = props;
  if (funder === UNASSIGNED) return <>No funder declared</>;
  const ref = resolveRef(funder, 'group', 'default');
  return ref ? (
    // titled from the ref: the tiles never wait on a catalog look-up
    <EntityRefLink
      entityRef={ref}
      defaultKind="group"
      title={humanizeEntityRef(ref, { defaultKind: 'group' })}
    />
  ) : (
    <>{funder}</>
  );
}

function categoryName(category: string): string {
  return category === UNASSIGNED ? 'No category' : categoryLabel(category);
}

/** The page's products the rule expects `expects` of, with its verdict on each. */
function FundingList(props: {
  items: InventoryItem[];
  expects: 'central' | 'consuming-team';
  label: string;
}) {
  const group = props.items.filter(
    item => item.funding?.expects === props.expects,
  );
  if (group.length === 0) {
    return (
      <Text variant="body-small" color="secondary">
        None on this page.
      </Text>
    );
  }
  return (
    <PlainList label={props.label}>
      {group.slice(0, 5).map(item => (
        <li
          key={item.entityRef}
          data-testid="funding-item"
          data-verdict={item.funding.verdict}
        >
          <Text variant="body-small">
            {`${item.title || item.name} — ${item.funding.message}`}
          </Text>
        </li>
      ))}
      {group.length > 5 && (
        <li>
          <Text variant="body-small" color="secondary">
            {`and ${group.length - 5} more`}
          </Text>
        </li>
      )}
    </PlainList>
  );
}

/**
 * Rule funding-follows-reuse on the products of this page, as the backend
 * judged it from the owners of their consumers: many teams → fund it
 * centrally, one other team → that team pays.
 */
function WhoPays(props: {
  items: InventoryItem[];
  rule: InventorySummary['fundingRule'] | undefined;
}) {
  const { items, rule } = props;
  const funders = rule?.centralFunders ?? [];
  return (
    <Flex direction="column" gap="2">
      <Text variant="body-small">
        If many teams use a product, fund it centrally; if one team does, it
        pays (rule funding-follows-reuse; core entities and shared marts). Teams
        are the owner groups of the entities that depend on it, other than its
        own.
      </Text>
      <Text variant="body-small" weight="bold" data-testid="funding-central">
        {`${rule?.manyTeams ?? 'Many'} or more teams: funded by ${
          funders.length > 0
            ? funders.join(' or ')
            : 'a central funder (none configured: stockroom.costs.centralFunders)'
        }`}
      </Text>
      <FundingList
        items={items}
        expects="central"
        label="Many consuming teams"
      />
      <Text variant="body-small" weight="bold">
        One team: funded by that team
      </Text>
      <FundingList
        items={items}
        expects="consuming-team"
        label="One consuming team"
      />
    </Flex>
  );
}

const THIRD = { initial: '1', md: '4' } as const;
const HALF = { initial: '1', md: '6' } as const;

/**
 * The tier review at a glance, over every product matching the filters (the
 * backend's totals and summary, not just this page): how many per category
 * and state, average score and cost per category, what expires this month,
 * what breaches now, and who funds what. Counts narrow the table when
 * pressed.
 */
export function SummaryTiles(props: {
  page: InventoryPage;
  query: InventoryQuery;
  onFilter: (patch: Partial<InventoryFilters>) => void;
}) {
  const { page, query, onFilter } = props;
  const { totals, summary } = page;
  const currency = summary.currency;
  const states = ordered(
    DATA_PRODUCT_STATES,
    Object.keys(totals.byState),
  ).filter(state => (totals.byState[state] ?? 0) > 0);
  const categories = ordered(DATA_PRODUCT_CATEGORIES, [
    ...new Set([
      ...Object.keys(summary.byCategory),
      ...Object.keys(totals.byCategory),
    ]),
  ]);
  const funders = Object.entries(summary.monthlyCostByFundingGroup).sort(
    ([, a], [, b]) => b - a,
  );
  const tiers = Object.entries(summary.monthlyCostByFreshnessTier ?? {}).sort(
    ([, a], [, b]) => b - a,
  );
  const otherCurrencies = Object.entries(summary.costsInOtherCurrencies ?? {});

  return (
    <Grid.Root columns={{ initial: '1', md: '12' }} gap="4">
      <Grid.Item colSpan={THIRD}>
        <Section title="Products" subtitle="Matching the filters, by state">
          <Flex direction="column" gap="2">
            <BigNumber value={totals.total} testId="total-products" />
            <PlainList label="Products by state">
              {states.map(state => (
                <Line
                  key={state}
                  testId={`state-${state}`}
                  label={
                    <FilterButton
                      label={sentenceCase(state)}
                      isDisabled={query.state === state}
                      onPress={() => onFilter({ state })}
                    />
                  }
                  value={formatCount(totals.byState[state] ?? 0)}
                />
              ))}
            </PlainList>
          </Flex>
        </Section>
      </Grid.Item>

      <Grid.Item colSpan={THIRD}>
        <Section
          title="Expiring this month"
          subtitle="Convenience views whose expiry date falls before the month ends"
        >
          <Flex direction="column" gap="2" align="start">
            <BigNumber
              value={summary.expiringThisMonth}
              testId="expiring-this-month"
            />
            <FilterButton
              label="Show them"
              isDisabled={summary.expiringThisMonth === 0}
              // the backend's count of days to the month's end
              onPress={() =>
                onFilter({ expiringWithinDays: summary.daysLeftInMonth })
              }
            />
          </Flex>
        </Section>
      </Grid.Item>

      <Grid.Item colSpan={THIRD}>
        <Section
          title="Breaching now"
          subtitle="Products late against their freshness promise or failing too many runs, as the backend judged them"
        >
          <Flex direction="column" gap="2" align="start">
            <BigNumber value={summary.breachingNow} testId="breaching-now" />
            <FilterButton
              label="Show them"
              isDisabled={
                summary.breachingNow === 0 || query.breaching === true
              }
              onPress={() => onFilter({ breaching: true })}
            />
          </Flex>
        </Section>
      </Grid.Item>

      <Grid.Item colSpan={{ initial: '1', md: '12' }}>
        <Section
          title="By category"
          subtitle="How many, how good on average (overall score) and what they cost a month"
        >
          <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
            {categories.map(category => {
              const figures = summary.byCategory[category];
              const count = figures?.count ?? totals.byCategory[category] ?? 0;
              return (
                <Flex
                  key={category}
                  direction="column"
                  gap="1"
                  role="group"
                  aria-label={categoryName(category)}
                >
                  <Flex align="center" justify="between">
                    <Text variant="body-medium" weight="bold">
                      {categoryName(category)}
                    </Text>
                    {category !== UNASSIGNED && (
                      <FilterButton
                        label="Show"
                        isDisabled={query.category === category}
                        onPress={() => onFilter({ category })}
                      />
                    )}
                  </Flex>
                  <PlainList>
                    <Line
                      label="Products"
                      value={formatCount(count)}
                      testId="category-count"
                    />
                    <Line
                      label="Average score"
                      value={
                        typeof figures?.averageScore === 'number'
                          ? `${figures.averageScore} / 5`
                          : 'no score yet'
                      }
                      testId="category-average"
                    />
                    <Line
                      label="Monthly cost"
                      value={formatMoney(figures?.monthlyCost, currency)}
                      testId="category-cost"
                    />
                  </PlainList>
                </Flex>
              );
            })}
          </Grid.Root>
        </Section>
      </Grid.Item>

      <Grid.Item colSpan={HALF}>
        <Section
          title="Who funds what"
          subtitle="Monthly cost by funding group (spec.cost.fundedBy)"
        >
          <Flex direction="column" gap="2">
            {funders.length === 0 ? (
              <Text variant="body-medium" color="secondary">
                No product declares a cost.
              </Text>
            ) : (
              <PlainList label="Monthly cost by funding group">
                {funders.map(([funder, amount]) => (
                  <Line
                    key={funder}
                    testId={`funder-${funder}`}
                    label={<FunderLabel funder={funder} />}
                    value={formatMoney(amount, currency)}
                  />
                ))}
              </PlainList>
            )}
            {tiers.length > 0 && (
              <>
                <Text variant="body-small" weight="bold">
                  By freshness tier
                </Text>
                <PlainList label="Monthly cost by freshness tier">
                  {tiers.map(([tier, amount]) => (
                    <Line
                      key={tier}
                      label={
                        tier === UNASSIGNED
                          ? 'No tier declared'
                          : sentenceCase(tier)
                      }
                      value={formatMoney(amount, currency)}
                    />
                  ))}
                </PlainList>
              </>
            )}
            {otherCurrencies.length > 0 && (
              <Text variant="body-x-small" color="secondary">
                {`Not included above (declared in other currencies): ${otherCurrencies
                  .map(([code, amount]) => formatMoney(amount, code))
                  .join(', ')}.`}
              </Text>
            )}
          </Flex>
        </Section>
      </Grid.Item>

      <Grid.Item colSpan={HALF}>
        <Section
          title="Who should pay?"
          subtitle="Consumers and funding of the products on this page"
        >
          <WhoPays items={page.items} rule={summary.fundingRule} />
        </Section>
      </Grid.Item>
    </Grid.Root>
  );
}
