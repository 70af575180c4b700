import { Flex, Text } from '@backstage/ui';
import { SubHeading } from '../shared/Section';
import type { ErrorBudget, ErrorBudgets } from './supplyChainTypes';

const BAR_HEIGHT = 8;

/** Remaining budget as a whole percentage (below 0 when overspent). */
function percent(remaining: number): string {
  return `${Math.round(remaining * 100)}%`;
}

/**
 * A bar filled to the remaining share (nothing when spent or overspent);
 * the number is in the text beside it, the bar only draws it.
 */
function Bar(props: { remaining: number; exhausted: boolean }) {
  const filled = Math.min(Math.max(props.remaining, 0), 1) * 100;
  return (
    <div
      aria-hidden
      style={{
        width: '100%',
        height: BAR_HEIGHT,
        borderRadius: BAR_HEIGHT / 2,
        background: 'var(--bui-bg-tint, #e0e0e0)',
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          width: `${filled}%`,
          height: '100%',
          background: props.exhausted ? '#e53935' : '#43a047',
        }}
      />
    </div>
  );
}

function Gauge(props: { budget: ErrorBudget }) {
  const { budget } = props;
  const label = budget.slo.toUpperCase();
  return (
    <Flex
      direction="column"
      gap="1"
      role="group"
      aria-label={`${label} error budget`}
    >
      {budget.remaining === null ? (
        <Text variant="body-medium" color="secondary">
          {`${label}: unknown: ${budget.summary}`}
        </Text>
      ) : (
        <>
          <Text variant="body-medium" weight="bold">
            {`${label}: ${percent(budget.remaining)} remaining${
              budget.exhausted ? ' (exhausted)' : ''
            }`}
          </Text>
          <Bar
            remaining={budget.remaining}
            exhausted={budget.exhausted === true}
          />
          <Text variant="body-small" color="secondary">
            {budget.summary}
          </Text>
        </>
      )}
    </Flex>
  );
}

/** The P95 and P99 error budgets of the window and the 24 h burn rate. */
export function ErrorBudgetGauges(props: { budgets: ErrorBudgets }) {
  const { budgets } = props;
  const { burnRate } = budgets;
  return (
    <Flex direction="column" gap="2" data-testid="error-budgets">
      <SubHeading>Error budgets</SubHeading>
      <Gauge budget={budgets.p95} />
      <Gauge budget={budgets.p99} />
      <Text
        variant="body-small"
        data-testid="burn-rate"
        color={burnRate.alert ? 'danger' : undefined}
        weight={burnRate.alert ? 'bold' : undefined}
      >
        {burnRate.value === null
          ? `Burn rate unknown: ${burnRate.summary}`
          : `Burn rate ${burnRate.value.toFixed(1)} over the last 24 h${
              burnRate.alert ? ' (alarming)' : ''
            }: ${burnRate.summary}`}
      </Text>
    </Flex>
  );
}
