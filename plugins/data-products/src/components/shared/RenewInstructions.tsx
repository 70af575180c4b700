import type { Entity } from '@backstage/catalog-model';
import { CopyTextButton } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { entitySource, renewCommand } from './entitySource';
import { ExternalLink } from './values';

/** A shell command as copyable monospace text. */
export function CommandLine(props: { command: string }) {
  return (
    <Flex align="center" gap="1">
      <code
        data-testid="renew-command"
        style={{
          fontFamily: 'var(--bui-font-monospace, monospace)',
          fontSize: '0.875rem',
          padding: '2px 8px',
          borderRadius: 4,
          background: 'var(--bui-bg-neutral-2, rgba(0, 0, 0, 0.06))',
          wordBreak: 'break-all',
        }}
      >
        {props.command}
      </code>
      <CopyTextButton
        text={props.command}
        aria-label="Copy the renew command"
        tooltipText="Command copied"
        variant="tertiary"
      />
    </Flex>
  );
}

/**
 * How an owner renews a convenience view: the CLI command on the file the
 * catalog read the entity from, and where that file is.
 */
export function RenewInstructions(props: { entity: Entity }) {
  const source = entitySource(props.entity);
  const command = renewCommand(source);

  let sourceLink;
  if (source.editUrl) {
    sourceLink = <ExternalLink href={source.editUrl}>Edit source</ExternalLink>;
  } else if (source.viewUrl) {
    sourceLink = <ExternalLink href={source.viewUrl}>View source</ExternalLink>;
  } else if (source.location) {
    sourceLink = (
      <Text variant="body-small" style={{ wordBreak: 'break-all' }}>
        Source: {source.location}
      </Text>
    );
  }

  return (
    <Flex direction="column" gap="2" data-testid="renew-instructions">
      <Text variant="body-medium">
        To renew it, run this in the repository that holds its YAML, then merge
        the change; the catalog picks it up at its next refresh:
      </Text>
      <CommandLine command={command} />
      {!source.filePath && (
        <Text variant="body-small" color="secondary">
          Replace the placeholder with the YAML file that defines this product.
        </Text>
      )}
      {sourceLink}
    </Flex>
  );
}
