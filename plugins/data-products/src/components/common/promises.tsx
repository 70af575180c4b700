import type {
  EscalationPath,
  FreshnessSla,
} from '@stockroom/plugin-data-products-common';
import { sentenceCase } from './presentation';
import { ContactValue, LabelledValue, TextValue } from './values';

/**
 * Channel, on-call and hours of an escalation path, each "not declared" when
 * absent. The overview card and the Contract tab show the same three lines.
 */
export function EscalationValues(props: { escalation?: EscalationPath }) {
  const { escalation } = props;
  return (
    <>
      <LabelledValue label="Channel">
        <ContactValue value={escalation?.channel} />
      </LabelledValue>
      <LabelledValue label="On-call">
        <ContactValue value={escalation?.onCall} />
      </LabelledValue>
      <LabelledValue label="Hours">
        <TextValue value={escalation?.hours} />
      </LabelledValue>
    </>
  );
}

/** P95, P99 and tier of a freshness promise, each "not declared" when absent. */
export function FreshnessValues(props: { freshness?: FreshnessSla }) {
  const { freshness } = props;
  return (
    <>
      <LabelledValue label="P95">
        <TextValue value={freshness?.p95} />
      </LabelledValue>
      <LabelledValue label="P99">
        <TextValue value={freshness?.p99} />
      </LabelledValue>
      <LabelledValue label="Tier">
        <TextValue
          value={
            typeof freshness?.tier === 'string'
              ? sentenceCase(freshness.tier)
              : undefined
          }
        />
      </LabelledValue>
    </>
  );
}
