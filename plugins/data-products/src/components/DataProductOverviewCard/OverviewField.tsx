import type { ReactNode } from 'react';
import { Flex, Grid, Text } from '@backstage/ui';

/** Shown wherever an optional field is absent, so a gap never reads as "fine". */
export function NotDeclared() {
  return (
    <Text variant="body-medium" color="secondary">
      not declared
    </Text>
  );
}

/** A plain-text value, or {@link NotDeclared} when there is none. */
export function TextValue(props: { value?: string | number | null }) {
  const { value } = props;
  if (value === undefined || value === null || value === '') {
    return <NotDeclared />;
  }
  return (
    <Text
      variant="body-medium"
      weight="bold"
      style={{ wordBreak: 'break-word' }}
    >
      {String(value)}
    </Text>
  );
}

/**
 * One labelled value of the card. Exposed as a named group so assistive tech
 * (and tests) can find a value by its label.
 */
export function OverviewField(props: {
  label: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const { label, children, wide } = props;
  return (
    <Grid.Item colSpan={wide ? { initial: '1', sm: '2' } : undefined}>
      <Flex direction="column" gap="1" role="group" aria-label={label}>
        <Text
          aria-hidden="true"
          variant="body-x-small"
          weight="bold"
          color="secondary"
          style={{ textTransform: 'uppercase', letterSpacing: 0.5 }}
        >
          {label}
        </Text>
        <div>{children}</div>
      </Flex>
    </Grid.Item>
  );
}
