import {
  SCORE_DIMENSIONS,
  type ScoreDimension,
} from '@stockroom/plugin-data-products-common';

/** The dimensions in the order the spec lists them. */
export const DIMENSIONS: readonly ScoreDimension[] = SCORE_DIMENSIONS;

/** How each dimension reads to a consumer. */
export const DIMENSION_INFO: Record<
  ScoreDimension,
  {
    label: string;
    /** What it measures, in one line. */
    measures: string;
    /** What it takes for the dimension to be known. */
    needs: string;
  }
> = {
  freshness: {
    label: 'Freshness',
    measures: 'How old the data is when a run delivers it, against the SLA',
    needs:
      'It needs a freshness promise (contract.freshness.p95) and successful runs with a measurable lag in the scoring window.',
  },
  reliability: {
    label: 'Reliability',
    measures: 'SLA breaches (failed or late runs) per 1,000 runs',
    needs: 'It needs runs reported in the scoring window.',
  },
  quality: {
    label: 'Quality',
    measures: 'Null and duplicate rates of the key fields against their max',
    needs:
      'It needs contract.quality.keyFields with a maxNullRate (and a maxDuplicateRate for primary keys), and runs that report null and distinct counts for those fields.',
  },
  stability: {
    label: 'Stability',
    measures: 'Schema drift incidents this quarter',
    needs:
      'It needs an observed schema (runs that report their schema) or a recorded contract change.',
  },
  contract: {
    label: 'Contract',
    measures:
      'Completeness: field semantics, SLA, escalation, lineage, access patterns',
    needs:
      'It is always known from the catalog; the backend sent no score for it.',
  },
  ownership: {
    label: 'Ownership',
    measures: 'Owner group with members, escalation channel, on-call',
    needs:
      'It is always known from the catalog; the backend sent no score for it.',
  },
  reuse: {
    label: 'Reuse',
    measures: 'Distinct catalog entities that depend on it',
    needs:
      'It is always known from the catalog; the backend sent no score for it.',
  },
};
