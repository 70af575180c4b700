import * as common from '@stockroom/plugin-data-products-common';
import type {
  DataProductEntityV1alpha1,
  Judgement,
} from '@stockroom/plugin-data-products-common';

// Read once, not through -common's re-export getters on every use (see
// DataProductProcessor.ts).
const {
  ANNOTATION_CATEGORY,
  ANNOTATION_EXPIRES_ON,
  ANNOTATION_FINDINGS,
  LABEL_STATE,
} = common;

/**
 * Writes what the rule engine concluded back onto the entity, so catalog
 * filters, search and the UI read it instead of re-deciding it:
 * label `stockroom.io/state`, annotations `stockroom.io/category`,
 * `stockroom.io/expires-on` (only when the product expires) and
 * `stockroom.io/findings` (only when there are non-blocking findings).
 * Values an owner typed into these keys are overwritten or removed: they are
 * computed, never declared.
 */
export function withComputedMetadata(
  entity: DataProductEntityV1alpha1,
  judgement: Pick<Judgement, 'state' | 'expiresOn' | 'findings'>,
): DataProductEntityV1alpha1 {
  // Only valid entities reach here, so state is set; blocking findings never
  // get this far either (the entity was rejected).
  const evaluation = judgement;
  const annotations: Record<string, string> = {
    ...entity.metadata.annotations,
    [ANNOTATION_CATEGORY]: entity.spec.category,
  };
  delete annotations[ANNOTATION_EXPIRES_ON];
  delete annotations[ANNOTATION_FINDINGS];
  if (evaluation.expiresOn) {
    annotations[ANNOTATION_EXPIRES_ON] = evaluation.expiresOn;
  }
  if (evaluation.findings.length > 0) {
    annotations[ANNOTATION_FINDINGS] = JSON.stringify(evaluation.findings);
  }
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      labels: {
        ...entity.metadata.labels,
        ...(evaluation.state ? { [LABEL_STATE]: evaluation.state } : {}),
      },
      annotations,
    },
  };
}
