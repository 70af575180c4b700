import { useId, type ReactNode } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';

/**
 * One section of a tab or page: a card whose heading names it, exposed as
 * a labelled region so readers (and tests) can jump to it by name.
 */
export function Section(props: {
  title: string;
  /** One line under the heading: what the section answers. */
  subtitle?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Card role="region" aria-labelledby={headingId} style={{ height: '100%' }}>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-x-small" weight="bold" id={headingId}>
            {props.title}
          </Text>
          {props.subtitle && (
            <Text variant="body-small" color="secondary">
              {props.subtitle}
            </Text>
          )}
        </Flex>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}

/** A small uppercase label heading a group of values inside a section. */
export function SubHeading(props: { children: ReactNode }) {
  return (
    <Text
      as="h3"
      variant="body-x-small"
      weight="bold"
      color="secondary"
      style={{ textTransform: 'uppercase', letterSpacing: 0.5 }}
    >
      {props.children}
    </Text>
  );
}

/** What a section says when the contract declares nothing for it. */
export function NothingDeclared(props: { children: ReactNode }) {
  return (
    <Text variant="body-medium" color="secondary">
      {props.children}
    </Text>
  );
}

/** A plain vertical list without bullets. */
export function PlainList(props: { label?: string; children: ReactNode }) {
  return (
    <ul
      aria-label={props.label}
      style={{
        margin: 0,
        padding: 0,
        listStyle: 'none',
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
      }}
    >
      {props.children}
    </ul>
  );
}
