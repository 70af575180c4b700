import type { Entity } from '@backstage/catalog-model';
import {
  DATA_PRODUCT_STATES,
  LABEL_STATE,
  type DataProductState,
} from '@stockroom/plugin-data-products-common';

export type StateTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

const STATE_TONES: Record<DataProductState, StateTone> = {
  active: 'success',
  draft: 'info',
  expiring: 'warning',
  deprecated: 'warning',
  expired: 'danger',
  retired: 'neutral',
};

export function stateTone(state: string): StateTone {
  return (DATA_PRODUCT_STATES as readonly string[]).includes(state)
    ? STATE_TONES[state as DataProductState]
    : 'neutral';
}

/** What the state badge shows, and where that value came from. */
export type DisplayedState =
  | { value: string; source: 'computed' }
  | { value: string; source: 'declared' }
  | { value: undefined; source: 'none' };

/**
 * Reads the state the catalog processor wrote to the entity. The frontend
 * never derives it itself (expiry depends on config and `now`, which only the
 * processor applies); until the processor has labelled the entity, the
 * declared stage is the honest fallback, marked as such.
 */
export function displayedState(
  entity: Entity,
  declaredStage: string | undefined,
): DisplayedState {
  const computed = entity.metadata.labels?.[LABEL_STATE];
  if (computed) {
    return { value: computed, source: 'computed' };
  }
  if (declaredStage) {
    return { value: declaredStage, source: 'declared' };
  }
  return { value: undefined, source: 'none' };
}
