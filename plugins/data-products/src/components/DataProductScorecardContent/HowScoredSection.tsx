import { Flex, Text } from '@backstage/ui';
import type { DataProductScorecard } from '../../api';
import { Section } from '../shared/Section';
import { thresholdRows, zeroMaxRule } from './thresholdRows';

const CELL = {
  padding: '6px 8px',
  borderBottom: '1px solid var(--bui-border, #e0e0e0)',
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
};

const PRECISELY: Array<[string, string]> = [
  [
    'Freshness',
    'The P95 and P99 lag (nearest rank) of the successful runs in the window against the promised p95 and p99. Lag is finishedAt − the data watermark, or − the previous successful run where a run has no watermark. Without a promised p99 a 5 needs P95 ≤ p95 only.',
  ],
  [
    'Reliability',
    'SLA breaches over all runs in the window, per 1,000 runs. A breach is a failed run, or a run lagging beyond the p99 SLA (p95 when no p99 is promised).',
  ],
  [
    'Quality',
    'For each key field (quality.keyFields) its mean null rate over the runs that report it, against maxNullRate; for primary keys also the mean duplicate rate (1 − distinct ÷ rows) against maxDuplicateRate. The worst ratio decides.',
  ],
  [
    'Stability',
    'Schema drift incidents opened in the calendar quarter that contains today: an observed schema that differs from the contract, or a breaking change published without a major version bump.',
  ],
  [
    'Contract',
    'Completeness is the mean of five parts: share of fields with a description; SLA (p95 and p99 = 1, one of them = ½); escalation (channel and on-call = 1, one = ½); lineage upstreams declared; access patterns declared.',
  ],
  [
    'Ownership',
    'Four checks: the owner is a Group in the catalog; the group has at least one member; an escalation channel is set; an on-call is set.',
  ],
  [
    'Reuse',
    'Distinct catalog entities with a dependsOn relation to the product.',
  ],
];

/**
 * How the scores are made, for a reader checking one: the spec's threshold
 * table with the thresholds the backend scores with (its scorecard answer's
 * `thresholds`: the defaults or the platform's configuration) and what each
 * dimension measures precisely.
 */
export function HowScoredSection(props: {
  scorecard: DataProductScorecard | undefined;
}) {
  const rows = thresholdRows(props.scorecard);
  return (
    <Section
      title="How is this scored?"
      subtitle="Each dimension scores 1–5 from evidence, or unknown when there is none"
    >
      <Flex direction="column" gap="3">
        <Text variant="body-medium">
          The Stockroom backend scores every product from its pipeline runs and
          its catalog entry, and snapshots the scores (daily by default) for the
          trends. A dimension without evidence is unknown — never a made-up
          number — and the overall score is the mean of the known dimensions, to
          one decimal. Freshness and reliability are unknown with no runs in the
          window; stability until a schema has been observed or a contract
          change recorded; contract, ownership and reuse are always known.
        </Text>
        <div style={{ overflowX: 'auto' }}>
          <table
            aria-label="Score thresholds"
            style={{ borderCollapse: 'collapse', width: '100%' }}
          >
            <thead>
              <tr>
                <th scope="col" style={CELL}>
                  <Text variant="body-small" weight="bold">
                    Dimension
                  </Text>
                </th>
                {[5, 4, 3, 2, 1].map(score => (
                  <th key={score} scope="col" style={CELL}>
                    <Text variant="body-small" weight="bold">
                      {String(score)}
                    </Text>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(row => (
                <tr
                  key={row.dimension}
                  data-testid={`threshold-${row.dimension}`}
                >
                  <th scope="row" style={CELL}>
                    <Text variant="body-small">{row.label}</Text>
                  </th>
                  {row.bounds.map((bound, index) => (
                    <td key={index} style={CELL}>
                      <Text variant="body-small">{bound}</Text>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Text variant="body-small" color="secondary">
          {zeroMaxRule(props.scorecard)} Percentiles are nearest-rank: P95 is
          the value at rank ⌈0.95·n⌉ of the n lags sorted ascending.
        </Text>
        <dl style={{ margin: 0 }}>
          {PRECISELY.map(([label, text]) => (
            <div key={label} style={{ marginBottom: 6 }}>
              <dt>
                <Text variant="body-small" weight="bold">
                  {label}
                </Text>
              </dt>
              <dd style={{ margin: 0 }}>
                <Text variant="body-small">{text}</Text>
              </dd>
            </div>
          ))}
        </dl>
      </Flex>
    </Section>
  );
}
