import { MAX_DOCUMENT_DEPTH } from './limits';
import { firstPathDeeperThan } from './nestingDepth';

/**
 * Why a placeholder's parsed content may not enter an entity, or undefined:
 * it is nested deeper than any entity may be. A 20,000-level JSON file fits
 * under PLACEHOLDER_MAX_BYTES, parses, and then overflows the stack of
 * whatever walks the entity next (the catalog's own processors first), so
 * it is refused where it is read, for every kind, naming the file and
 * where in it. The catalog module and the CLI both ask this.
 *
 * @public
 */
export function placeholderTooDeepMessage(
  value: string,
  content: unknown,
): string | undefined {
  const at = firstPathDeeperThan(content, MAX_DOCUMENT_DEPTH);
  if (at === undefined) return undefined;
  return `${value}: it nests objects and lists more than ${MAX_DOCUMENT_DEPTH} levels deep (at ${
    at || 'its top'
  }), and an entity may nest at most ${MAX_DOCUMENT_DEPTH} — flatten the document`;
}
