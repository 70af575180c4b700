/** Where a flow collection (`[…]`, `{…}`) that nests too deep is written. */
export interface DeepFlowCollection {
  /** Offset of its opening bracket. */
  start: number;
  /** Offset just past its closing bracket (the end of the text if none). */
  end: number;
}

/** Characters after which a `[`, `{` or quote begins a value. */
const VALUE_START = new Set(['\n', ':', '-', '?', '[', '{', ',']);

/**
 * The outermost flow collections of a YAML text that nest more than
 * `maxDepth` levels, found by a scan of the text (no recursion) before the
 * YAML parser sees it: the parser recurses once per level, so 20,000
 * levels on one line (`[[[[…`, or JSON pasted in) overflow its stack and
 * all an owner learns is "Maximum call stack size exceeded". Flow
 * collections are the only way to nest that deep in a file of sane size
 * (block nesting costs indentation on every line).
 *
 * Quoted text and comments are skipped; a bracket counts only where a
 * value can begin (after `: `, `- `, `[`, `,` …), so `note: a[b` in plain
 * text opens nothing. Counting only flow levels can miss a document whose
 * block and flow levels together pass the limit: the parser copes with
 * those, and the entity's own depth check reports them.
 */
export function deepFlowCollections(
  text: string,
  maxDepth: number,
): DeepFlowCollection[] {
  const found: DeepFlowCollection[] = [];
  const opened: number[] = [];
  let tooDeep = false;
  let last = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      last = opened.length > 0 ? ',' : '\n';
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '#' && /\s/.test(text[i - 1] ?? '\n')) {
      i = lineEnd(text, i) - 1;
      continue;
    }
    if ((c === '"' || c === "'") && VALUE_START.has(last)) {
      i = quoteEnd(text, i);
      last = c;
      continue;
    }
    const opens =
      (c === '[' || c === '{') && (opened.length > 0 || VALUE_START.has(last));
    if (opens) {
      opened.push(i);
      if (opened.length > maxDepth) tooDeep = true;
    } else if ((c === ']' || c === '}') && opened.length > 0) {
      const start = opened.pop()!;
      if (opened.length === 0 && tooDeep) {
        found.push({ start, end: i + 1 });
        tooDeep = false;
      }
    }
    // a bracket inside plain text is text: what follows it is no value
    last = opens || !'[{'.includes(c) ? c : 'x';
  }
  if (tooDeep) found.push({ start: opened[0], end: text.length });
  return found;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The offset of the quote closing the one at `from` (or the text's end). */
function quoteEnd(text: string, from: number): number {
  const quote = text[from];
  for (let i = from + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
    } else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
      } else {
        return i;
      }
    }
  }
  return text.length;
}
