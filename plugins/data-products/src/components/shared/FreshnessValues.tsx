import type { FreshnessSla } from '@stockroom/plugin-data-products-common';
import { sentenceCase } from './categoryLabel';
import { LabelledValue, TextValue } from './values';

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
