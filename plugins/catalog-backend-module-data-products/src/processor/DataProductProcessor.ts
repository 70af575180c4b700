import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DEFAULT_POLICY,
  Judgement,
  StockroomPolicy,
  isDataProductEntity,
  judgeDataProduct,
  toCatalogShape,
} from '@stockroom/plugin-data-products-common';
import { dataProductRelations } from './relations';
import { InvalidDataProductError } from './InvalidDataProductError';
import { withComputedMetadata } from './computedMetadata';

/** @public */
export interface DataProductProcessorOptions {
  /** Category policy, usually `policyFromConfig(config.getOptional('stockroom'))`. */
  policy?: StockroomPolicy;
  /** Decides "today"; the catalog's reprocessing advances states with it. */
  clock?: () => Date;
}

/**
 * Teaches the catalog the DataProduct kind: validates it with the shared
 * schema, applies the category rules at the processor's clock (rejecting
 * `block` findings), writes the computed state back as a label and
 * annotations, stores the lifecycle in the catalog form every Backstage UI
 * can render, and emits the relations the kind implies. Holds no state and
 * makes no calls: every verdict comes from -common, so the CLI and this
 * processor can never disagree.
 *
 * @public
 */
export class DataProductProcessor implements CatalogProcessor {
  private readonly policy: StockroomPolicy;
  private readonly clock: () => Date;
  // validateEntityKind and postProcessEntity see the same entity object within
  // one processing pass: judge it once for both.
  private readonly judgements = new WeakMap<Entity, Judgement>();

  constructor(options: DataProductProcessorOptions = {}) {
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.clock = options.clock ?? (() => new Date());
  }

  getProcessorName(): string {
    return 'DataProductProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isDataProductEntity(entity)) {
      return false;
    }
    // schema problems, unusable ODCS parts and `block` rule findings
    const { blocking } = this.judge(entity);
    if (blocking.length > 0) {
      throw new InvalidDataProductError(stringifyEntityRef(entity), blocking);
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isDataProductEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    for (const { type, reverseType, target } of dataProductRelations(entity)) {
      emit(processingResult.relation({ source: self, type, target }));
      emit(
        processingResult.relation({
          source: target,
          type: reverseType,
          target: self,
        }),
      );
    }
    // Stored with a string spec.lifecycle so Backstage's own UI can render it;
    // see LIFECYCLE_DETAILS_FIELD in -common.
    return toCatalogShape(withComputedMetadata(entity, this.judge(entity)));
  }

  private judge(entity: Entity): Judgement {
    let judgement = this.judgements.get(entity);
    if (!judgement) {
      judgement = judgeDataProduct(entity, this.policy, this.clock());
      this.judgements.set(entity, judgement);
    }
    return judgement;
  }
}
