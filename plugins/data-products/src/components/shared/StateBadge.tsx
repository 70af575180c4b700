import { Badge, Flex, Text } from '@backstage/ui';
import { sentenceCase } from './categoryLabel';
import { stateTone, type DisplayedState } from './displayedState';

const TONE_COLORS = {
  success: 'var(--bui-fg-positive)',
  info: 'var(--bui-fg-announcement)',
  warning: 'var(--bui-fg-warning)',
  danger: 'var(--bui-fg-negative)',
  neutral: 'var(--bui-fg-secondary)',
} as const;

/**
 * The lifecycle state as a small badge with a coloured dot. When only the
 * declared stage is known, the badge says so next to it.
 */
export function StateBadge(props: { state: DisplayedState }) {
  const { state } = props;

  if (state.value === undefined) {
    return (
      <Badge size="small" data-testid="data-product-state">
        State unknown
      </Badge>
    );
  }

  const tone = stateTone(state.value);
  const dot = (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 8,
        height: 8,
        borderRadius: '50%',
        backgroundColor: TONE_COLORS[tone],
      }}
    />
  );
  const title =
    state.source === 'computed'
      ? 'Lifecycle state computed by the catalog'
      : 'Declared stage; the catalog has not computed a state yet';

  return (
    <Flex align="center" gap="1">
      <Badge
        size="small"
        icon={dot}
        title={title}
        data-testid="data-product-state"
        data-state={state.value}
        data-state-source={state.source}
      >
        {sentenceCase(state.value)}
      </Badge>
      {state.source === 'declared' && (
        <Text variant="body-x-small" color="secondary">
          declared stage
        </Text>
      )}
    </Flex>
  );
}
