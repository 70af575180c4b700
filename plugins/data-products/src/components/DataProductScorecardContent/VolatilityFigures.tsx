import { Flex, Text } from '@backstage/ui';
import { SubHeading } from '../shared/Section';
import { LabelledValue, TextValue } from '../shared/values';
import type { FragileVerdict, Volatility } from './supplyChainTypes';

type Spread = Volatility['lag'];

/** A coefficient of variation and its grade, or why it is unknown. */
function spreadText(spread: Spread): string {
  if (spread.value === null) return `unknown: ${spread.summary}`;
  const value = spread.value.toFixed(2);
  return spread.level ? `${value} (${spread.level})` : value;
}

/** The flag's words and colour: fragile, not fragile, or unknown. */
function fragileFlag(fragile: boolean | null): {
  flag: string;
  color?: 'danger' | 'secondary';
} {
  if (fragile === true) return { flag: 'Fragile', color: 'danger' };
  if (fragile === false) return { flag: 'Not fragile' };
  return { flag: 'Fragile: unknown', color: 'secondary' };
}

/**
 * Volatility (lag and row-count swings, upstream drift this quarter) and
 * the fragile flag with the backend's reason.
 */
export function VolatilityFigures(props: {
  volatility: Volatility;
  fragile: FragileVerdict;
}) {
  const { volatility, fragile } = props;
  const drift = volatility.upstreamDrift;
  const { flag, color } = fragileFlag(fragile.fragile);
  return (
    <Flex direction="column" gap="1" data-testid="volatility">
      <SubHeading>Volatility</SubHeading>
      <LabelledValue label="Lag" labelWidth={96}>
        <TextValue value={spreadText(volatility.lag)} />
      </LabelledValue>
      <LabelledValue label="Row count" labelWidth={96}>
        <TextValue value={spreadText(volatility.rowCount)} />
      </LabelledValue>
      <LabelledValue label="Upstream drift" labelWidth={96}>
        <TextValue
          value={`${drift.incidents} in ${drift.quarter}${
            drift.byUpstream.length > 0
              ? ` (${drift.byUpstream
                  .map(u => `${u.entityRef}: ${u.incidents}`)
                  .join(', ')})`
              : ''
          }`}
        />
      </LabelledValue>
      <Text variant="body-small" color="secondary">
        {`Low below ${volatility.thresholds.medium}, high from ${volatility.thresholds.high}; at least ${volatility.thresholds.minRuns} runs.`}
      </Text>
      <Flex direction="column" gap="0" data-testid="fragile">
        <Text
          variant="body-medium"
          weight="bold"
          color={color}
        >
          {flag}
        </Text>
        <Text variant="body-small">{fragile.summary}</Text>
      </Flex>
    </Flex>
  );
}
