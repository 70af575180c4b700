import type { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import * as common from '@stockroom/plugin-data-products-common';
import type {
  Judgement,
  StockroomPolicy,
} from '@stockroom/plugin-data-products-common';
import { dataProductRelations } from './relations';
import { InvalidDataProductError } from './InvalidDataProductError';
import { withComputedMetadata } from './computedMetadata';
import { JudgementsInFlight } from './judgementsInFlight';
import {
  StoredEntityReader,
  catalogRuleContext,
  needsCatalogContext,
} from './catalogRuleContext';

// Read once: run from source (in development, and by the benchmarks), each
// use of a name imported from -common's index goes through its chain of
// re-export getters, about a microsecond an entity over the processor's
// calls. A built backend reads plain fields; this costs it nothing.
const {
  DEFAULT_POLICY,
  dataProductJudge,
  isDataProductEntity,
  toCatalogShape,
} = common;

/** @public */
export interface DataProductProcessorOptions {
  /** Category policy, usually `policyFromConfig(config.getOptional('stockroom'))`. */
  policy?: StockroomPolicy;
  /** Decides "today"; the catalog's reprocessing advances states with it. */
  clock?: () => Date;
  /**
   * Reads stored entities for the rules that need the rest of the catalog
   * (`migration-mapping`, `retire-when-consumers-moved`). Without it those
   * rules are skipped with no finding, as in the CLI.
   */
  catalog?: StoredEntityReader;
  /** Where a failed catalog read is reported (the rule is then skipped). */
  logger?: LoggerService;
}

/**
 * Teaches the catalog the DataProduct kind: validates it with the shared
 * schema, applies the category rules at the processor's clock (rejecting
 * `block` findings), writes the computed state back as a label and
 * annotations, stores the lifecycle in the catalog form every Backstage UI
 * can render, and emits the relations the kind implies. Every verdict comes
 * from -common, so the CLI and this processor can never disagree; the only
 * thing it adds is what the CLI cannot know, read from the catalog (the
 * superseded product's contract, a retired product's dependents) and only
 * for the entities those rules apply to (see catalogRuleContext).
 *
 * @public
 */
export class DataProductProcessor implements CatalogProcessor {
  private readonly policy: StockroomPolicy;
  private readonly clock: () => Date;
  // validateEntityKind and postProcessEntity see the same entity object within
  // one processing pass: judge it once for both. A promise only while the
  // catalog is read for it; most entities need no read and wait on nothing.
  private readonly judgements = new JudgementsInFlight<
    Judgement | Promise<Judgement>
  >();
  private readonly catalog?: StoredEntityReader;
  private readonly logger?: LoggerService;

  constructor(options: DataProductProcessorOptions = {}) {
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.clock = options.clock ?? (() => new Date());
    this.catalog = options.catalog;
    this.logger = options.logger;
  }

  getProcessorName(): string {
    return 'DataProductProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isDataProductEntity(entity)) {
      return false;
    }
    // schema problems, unusable ODCS parts and `block` rule findings
    const judgement = this.judgeWithCatalog(entity, this.clock());
    // awaited only when the catalog is read: awaiting a plain value still
    // costs a turn of the microtask queue
    const { blocking } =
      judgement instanceof Promise ? await judgement : judgement;
    if (blocking.length > 0) {
      throw new InvalidDataProductError(stringifyEntityRef(entity), blocking);
    }
    this.judgements.keep(entity, judgement);
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
    const judgement =
      this.judgements.take(entity) ??
      this.judgeWithCatalog(entity, this.clock());
    return toCatalogShape(
      withComputedMetadata(
        entity,
        judgement instanceof Promise ? await judgement : judgement,
      ),
    );
  }

  /**
   * Judged without context first: that verdict is final for every entity the
   * context rules cannot apply to, and says for the rest which reads they
   * need. Only then, with what the catalog holds, judged again (the rules
   * only: the document is not validated twice).
   */
  private judgeWithCatalog(
    entity: Entity,
    now: Date,
  ): Judgement | Promise<Judgement> {
    // validated (and an ODCS contract mapped) once, however often judged
    const judge = dataProductJudge(entity);
    const plain = judge(this.policy, now);
    const catalog = this.catalog;
    if (!catalog || !needsCatalogContext(entity, plain, this.policy)) {
      return plain;
    }
    return catalogRuleContext(
      entity,
      plain,
      this.policy,
      catalog,
      this.logger,
    ).then(context =>
      Object.keys(context).length === 0
        ? plain
        : judge(this.policy, now, context),
    );
  }
}
