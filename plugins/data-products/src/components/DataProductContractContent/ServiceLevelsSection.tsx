import { Flex } from '@backstage/ui';
import type { DataProductSpec } from '@stockroom/plugin-data-products-common';
import { LabelledValue, TextValue } from '../shared/values';
import type { ContractView } from '../shared/readContract';
import { NothingDeclared, Section, SubHeading } from '../shared/Section';
import { FreshnessValues } from '../shared/FreshnessValues';

function percent(fraction: unknown): string | undefined {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) {
    return undefined;
  }
  // 0.001 → "0.1 %"; enough digits for the small rates contracts use
  return `${Number((fraction * 100).toPrecision(6))} %`;
}

/**
 * How fresh and available the data promises to be, and the quality bounds
 * on its key fields. These are the promises; the Scorecard tab shows how the
 * product actually does.
 */
export function ServiceLevelsSection(props: {
  contract: ContractView;
  leadTime?: DataProductSpec['leadTime'];
}) {
  const { freshness, availability, quality } = props.contract;
  const leadTime = props.leadTime?.target;
  const declared =
    freshness?.p95 ||
    freshness?.p99 ||
    freshness?.tier ||
    availability ||
    quality ||
    leadTime;

  return (
    <Section
      title="Freshness and availability"
      subtitle="What the owner promises; lag = run finished − data watermark"
    >
      {!declared ? (
        <NothingDeclared>
          No freshness SLA or availability declared.
        </NothingDeclared>
      ) : (
        <Flex direction="column" gap="3">
          <Flex
            direction="column"
            gap="1"
            role="group"
            aria-label="Freshness SLA"
          >
            <SubHeading>Freshness SLA</SubHeading>
            <FreshnessValues freshness={freshness} />
          </Flex>
          <Flex
            direction="column"
            gap="1"
            role="group"
            aria-label="Availability"
          >
            <SubHeading>Availability</SubHeading>
            <TextValue value={availability} />
          </Flex>
          {quality && (
            <Flex direction="column" gap="1" role="group" aria-label="Quality">
              <SubHeading>Quality</SubHeading>
              <LabelledValue label="Key fields" labelWidth={120}>
                <TextValue
                  value={
                    Array.isArray(quality.keyFields)
                      ? quality.keyFields.join(', ')
                      : undefined
                  }
                />
              </LabelledValue>
              <LabelledValue label="Max null rate" labelWidth={120}>
                <TextValue value={percent(quality.maxNullRate)} />
              </LabelledValue>
              <LabelledValue label="Max duplicates" labelWidth={120}>
                <TextValue value={percent(quality.maxDuplicateRate)} />
              </LabelledValue>
            </Flex>
          )}
          {leadTime && (
            <Flex
              direction="column"
              gap="1"
              role="group"
              aria-label="Lead time"
            >
              <SubHeading>Lead time</SubHeading>
              <LabelledValue label="Target" labelWidth={120}>
                <TextValue value={leadTime} />
              </LabelledValue>
            </Flex>
          )}
        </Flex>
      )}
    </Section>
  );
}
