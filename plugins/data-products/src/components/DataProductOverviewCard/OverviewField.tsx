import type { ReactNode } from 'react';
import { Flex, Grid, Text } from '@backstage/ui';

export { NotDeclared, TextValue } from '../shared/values';

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
