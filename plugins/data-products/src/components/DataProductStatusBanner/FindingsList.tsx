import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import ReportProblemOutlinedIcon from '@material-ui/icons/ReportProblemOutlined';
import { Flex, Text } from '@backstage/ui';
import type { Severity } from '@stockroom/plugin-data-products-common';
import type { DisplayedFinding, FindingsRead } from '../shared/findings';

const SEVERITY_PRESENTATION: Record<
  Severity,
  { label: string; color: string; Icon: typeof ErrorOutlineIcon }
> = {
  error: {
    label: 'Error',
    color: 'var(--bui-fg-negative, #c62828)',
    Icon: ErrorOutlineIcon,
  },
  warning: {
    label: 'Warning',
    color: 'var(--bui-fg-warning, #b26a00)',
    Icon: ReportProblemOutlinedIcon,
  },
  info: {
    label: 'Info',
    color: 'var(--bui-fg-announcement, #1565c0)',
    Icon: InfoOutlinedIcon,
  },
};

function FindingItem(props: { finding: DisplayedFinding }) {
  const { finding } = props;
  const { label, color, Icon } = SEVERITY_PRESENTATION[finding.severity];
  return (
    <li
      data-testid="finding"
      data-severity={finding.severity}
      style={{ listStyle: 'none' }}
    >
      <Flex gap="2" align="start">
        <span
          role="img"
          aria-label={label}
          title={label}
          style={{ color, display: 'inline-flex', paddingTop: 2 }}
        >
          <Icon fontSize="small" aria-hidden="true" />
        </span>
        <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
          <Text variant="body-medium" style={{ wordBreak: 'break-word' }}>
            {finding.message}
          </Text>
          {finding.hint && (
            <Text
              variant="body-small"
              color="secondary"
              style={{ wordBreak: 'break-word' }}
            >
              {finding.hint}
            </Text>
          )}
          <Text variant="body-x-small" color="secondary">
            {finding.ruleId ? `Rule ${finding.ruleId}` : 'Rule not named'}
            {finding.path ? ` · ${finding.path}` : ''}
          </Text>
        </Flex>
      </Flex>
    </li>
  );
}

/**
 * The rule engine's non-blocking findings, as the processor recorded them.
 * Messages and hints are shown as text: they may quote what an owner wrote.
 */
export function FindingsList(props: { read: FindingsRead }) {
  const { read } = props;
  if (read.status === 'unreadable') {
    return (
      <Text variant="body-medium" color="secondary">
        The findings recorded on this entity could not be read.
      </Text>
    );
  }
  if (read.findings.length === 0) {
    return (
      <Text variant="body-medium" color="secondary">
        No findings
      </Text>
    );
  }
  return (
    <ul
      aria-label="Findings"
      style={{
        margin: 0,
        padding: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 12,
      }}
    >
      {read.findings.map((finding, index) => (
        <FindingItem
          key={`${finding.ruleId}:${finding.path}:${index}`}
          finding={finding}
        />
      ))}
    </ul>
  );
}
