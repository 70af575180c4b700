import { Document, Node as YamlNode, isPair, isSeq, visit } from 'yaml';
import { PathSegment } from './fieldPath';

/**
 * The field path of the node written at `offset` in a parsed document
 * (`['spec', 'contract', 'schema', 0]`), or undefined when no node starts
 * there. Walks with yaml's `visit`, which keeps its own stack.
 */
export function pathAtOffset(
  document: Document,
  offset: number,
): PathSegment[] | undefined {
  let found: PathSegment[] | undefined;
  visit(document, (_key, node, ancestors) => {
    const start = (node as YamlNode).range?.[0];
    if (isPair(node) || start !== offset) return undefined;
    // the key of a pair is not a field; its value is
    const parent = ancestors[ancestors.length - 1];
    if (isPair(parent) && parent.key === node) return undefined;
    found = segmentsOf([...ancestors, node]);
    return visit.BREAK;
  });
  return found;
}

function segmentsOf(chain: readonly unknown[]): PathSegment[] {
  const segments: PathSegment[] = [];
  chain.forEach((node, i) => {
    const next = chain[i + 1];
    if (isPair(node)) {
      const key = (node.key as { value?: unknown } | null)?.value ?? node.key;
      segments.push(String(key));
    } else if (isSeq(node) && next !== undefined) {
      segments.push(node.items.indexOf(next as never));
    }
  });
  return segments;
}
