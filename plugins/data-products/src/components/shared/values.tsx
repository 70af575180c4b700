import type { ReactNode } from 'react';
import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import { isWebUrl } from './isWebUrl';

/** Shown wherever an optional field is absent, so a gap never reads as "fine". */
export function NotDeclared(props: { text?: string }) {
  return (
    <Text variant="body-medium" color="secondary">
      {props.text ?? 'not declared'}
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

/** Parses an entity ref as written by an owner; undefined when malformed. */
export function resolveRef(
  ref: string | undefined,
  defaultKind: string,
  defaultNamespace: string,
): CompoundEntityRef | undefined {
  if (!ref || typeof ref !== 'string') {
    return undefined;
  }
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace });
  } catch {
    return undefined;
  }
}

/**
 * A link to the entity an owner referenced, what they wrote when the
 * reference is malformed, or "not declared".
 */
export function EntityRefValue(props: {
  refText?: string;
  defaultKind: string;
  defaultNamespace: string;
}) {
  const { refText, defaultKind, defaultNamespace } = props;
  if (!refText) {
    return <NotDeclared />;
  }
  const ref = resolveRef(refText, defaultKind, defaultNamespace);
  if (!ref) {
    // Malformed reference: show what the owner wrote rather than nothing.
    return <TextValue value={String(refText)} />;
  }
  return (
    <EntityRefLink
      entityRef={ref}
      defaultKind={defaultKind}
      defaultNamespace={defaultNamespace}
    />
  );
}

/** An external web link opening in a new tab; only http(s) gets here. */
export function ExternalLink(props: { href: string; children: ReactNode }) {
  return (
    <Link
      href={props.href}
      target="_blank"
      rel="noopener noreferrer"
      variant="body-medium"
      weight="bold"
      style={{ wordBreak: 'break-word' }}
    >
      {props.children}
    </Link>
  );
}

/** A contact that may be a web link (a Slack URL, a runbook) or plain text. */
export function ContactValue(props: { value?: string }) {
  const { value } = props;
  if (value && isWebUrl(value)) {
    return <ExternalLink href={value}>{value}</ExternalLink>;
  }
  return <TextValue value={value} />;
}

/** A short label in front of a value, e.g. "P95  30m". */
export function LabelledValue(props: {
  label: string;
  children: ReactNode;
  labelWidth?: number;
}) {
  return (
    <Flex align="baseline" gap="2">
      <Text
        variant="body-small"
        color="secondary"
        style={{ minWidth: props.labelWidth ?? 64 }}
      >
        {props.label}
      </Text>
      {props.children}
    </Flex>
  );
}
