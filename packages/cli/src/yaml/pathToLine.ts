import {
  Document,
  LineCounter,
  Node as YamlNode,
  isMap,
  isScalar,
  isSeq,
} from 'yaml';
import { PathSegment, parsePath } from './fieldPath';

/** A 1-based line and column in a file. */
export interface Position {
  line: number;
  col: number;
}

/**
 * Where the field at `path` (engine notation, e.g.
 * `spec.contract.schema[2].name`) is written in the document: the start of
 * its key (or of its item in a sequence). A field that is not in the file —
 * the usual case for "p99 is missing" — maps to its nearest existing parent,
 * and a path that matches nothing to the document start.
 */
export function pathToLine(
  document: Document,
  lineCounter: LineCounter,
  path: string,
): Position {
  return lineCounter.linePos(pathToOffset(document, parsePath(path)));
}

/** The source offset {@link pathToLine} reports, for callers that edit text. */
export function pathToOffset(
  document: Document,
  segments: readonly PathSegment[],
): number {
  let node: unknown = document.contents;
  let offset = documentStart(document);
  for (const segment of segments) {
    const step = child(node, segment);
    if (!step) {
      break;
    }
    node = step.node;
    offset = step.offset;
  }
  return offset;
}

function child(
  node: unknown,
  segment: PathSegment,
): { node: unknown; offset: number } | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      item => isScalar(item.key) && String(item.key.value) === String(segment),
    );
    const start = (pair?.key as YamlNode | undefined)?.range?.[0];
    return pair && start !== undefined
      ? { node: pair.value, offset: start }
      : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as YamlNode | undefined;
    const start = item?.range?.[0];
    return item && start !== undefined
      ? { node: item, offset: start }
      : undefined;
  }
  return undefined;
}

function documentStart(document: Document): number {
  return (
    (document.contents as YamlNode | null)?.range?.[0] ??
    document.range?.[0] ??
    0
  );
}
