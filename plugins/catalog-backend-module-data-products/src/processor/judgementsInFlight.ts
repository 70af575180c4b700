import type { Entity } from '@backstage/catalog-model';

/**
 * Judgements kept from validateEntityKind for postProcessEntity, which the
 * catalog calls next with the same entity object, so an entity is judged
 * (and validated) once per processing. Taken out when used: the catalog
 * processes a few entities at a time (ten at most by default), so only
 * those few are ever held, and one whose postProcessEntity never comes
 * (another processor rejected the entity) is dropped once `capacity` newer
 * ones are held; an entity not found is simply judged again.
 *
 * A short list searched by identity, not a Map or WeakMap: keying either by
 * a fresh entity object makes the engine give that object an identity hash,
 * which cost more than a microsecond an entity, more than the search.
 */
export class JudgementsInFlight<T> {
  private readonly entities: Entity[] = [];
  private readonly judgements: T[] = [];

  constructor(private readonly capacity = 64) {}

  keep(entity: Entity, judgement: T): void {
    if (this.entities.length >= this.capacity) {
      this.entities.shift();
      this.judgements.shift();
    }
    this.entities.push(entity);
    this.judgements.push(judgement);
  }

  /** The kept judgement of `entity`, no longer kept; undefined if none. */
  take(entity: Entity): T | undefined {
    // the most recent first: usually the last one kept
    const index = this.entities.lastIndexOf(entity);
    if (index < 0) return undefined;
    const judgement = this.judgements[index];
    this.entities.splice(index, 1);
    this.judgements.splice(index, 1);
    return judgement;
  }
}
