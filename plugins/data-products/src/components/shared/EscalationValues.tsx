import type { EscalationPath } from '@stockroom/plugin-data-products-common';
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
