import { CST, Composer, Parser, Scalar, YAMLMap, isMap, isScalar } from 'yaml';

/** Why a file cannot be edited; the command reports it and exits 1. */
export class RenewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenewError';
  }
}

export interface RenewEdit {
  /** The whole file text after the edit. */
  text: string;
  /** The renewedOn written before, if any. */
  previous?: string;
  action: 'replaced' | 'inserted';
}

type Item = CST.CollectionItem;

/**
 * Sets `spec.lifecycle.renewedOn` of one document of a YAML file by editing
 * the `yaml` package's concrete syntax tree (CST) and printing it back, not
 * by re-serialising the document: every other byte of the file — comments,
 * key order, quoting, blank lines, line endings, the other documents —
 * stays as it was. An existing value is replaced in place (keeping its
 * quotes and the comment after it); a missing one becomes a new key after
 * `stage:` (else after the last key), at the lifecycle's indentation, or a
 * new last entry of a flow-style `{ … }` lifecycle.
 *
 * @param documentIndex - which document of the file, counting from 0 as
 *   `parseAllDocuments(text)` does
 */
export function setRenewedOn(
  text: string,
  documentIndex: number,
  date: string,
): RenewEdit {
  const tokens = Array.from(new Parser().parse(text));
  const print = () => tokens.map(token => CST.stringify(token)).join('');
  if (print() !== text) {
    // The CST is lossless by design; if it ever is not, editing it would
    // change bytes the user did not ask to change.
    throw new Error('the YAML syntax tree does not print back the same file');
  }
  // Composed from the very tokens above, so each node's srcToken is the
  // token to edit.
  const composer = new Composer({ keepSourceTokens: true, merge: false });
  const document = Array.from(composer.compose(tokens, true, text.length))[
    documentIndex
  ];
  const lifecycle = document?.getIn(['spec', 'lifecycle'], true);
  if (!isMap(lifecycle) || !lifecycle.srcToken) {
    throw new RenewError(
      'spec.lifecycle is missing or not a mapping: add `lifecycle:` with `stage:` and `createdOn:` first',
    );
  }
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const result = editLifecycle(lifecycle as YAMLMap, date, newline);
  return { ...result, text: print() };
}

function editLifecycle(
  lifecycle: YAMLMap,
  date: string,
  newline: string,
): Omit<RenewEdit, 'text'> {
  const pair = lifecycle.items.find(
    item => isScalar(item.key) && item.key.value === 'renewedOn',
  );
  if (pair) {
    const item = pair.srcToken as Item;
    if (pair.value === null || item.value === undefined) {
      fillEmptyValue(item, date);
      return { action: 'inserted' };
    }
    const value = pair.value as Scalar;
    if (
      !isScalar(value) ||
      !['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'].includes(String(value.type))
    ) {
      throw new RenewError(
        'spec.lifecycle.renewedOn is not a plain date (a block scalar, alias or mapping): write it as `renewedOn: YYYY-MM-DD` first',
      );
    }
    // keeps the token's quoting and what follows it (spaces, comment)
    CST.setScalarValue(item.value, date);
    return { action: 'replaced', previous: String(value.value) };
  }
  const collection = lifecycle.srcToken as CST.BlockMap | CST.FlowCollection;
  if (collection.type === 'flow-collection') {
    appendToFlowMap(collection, date);
  } else {
    insertIntoBlockMap(collection, date, newline);
  }
  return { action: 'inserted' };
}

/** `renewedOn:   # todo` → `renewedOn: <date>   # todo` */
function fillEmptyValue(item: Item, date: string) {
  const sep = item.sep ?? [];
  const colon = sep.findIndex(token => token.type === 'map-value-ind');
  item.sep = [...sep.slice(0, colon + 1), space(' ')];
  item.value = CST.createScalarToken(date, {
    indent: 0,
    end: sep.slice(colon + 1),
  });
}

function insertIntoBlockMap(map: CST.BlockMap, date: string, newline: string) {
  if (map.items.length === 0) {
    throw new RenewError(
      'spec.lifecycle is empty: add `stage:` and `createdOn:` first',
    );
  }
  const stage = map.items.findIndex(
    item => CST.resolveAsScalar(item.key)?.value === 'stage',
  );
  const after = stage >= 0 ? stage : map.items.length - 1;
  const indent = space(' '.repeat(map.indent));
  // The anchor's line ends with a newline, except at the very end of a file
  // without a final newline: then the new line starts with one instead.
  const anchorEndsLine = /\n$/.test(CST.stringify(map.items[after]));
  map.items.splice(after + 1, 0, {
    start: anchorEndsLine ? [indent] : [lineBreak(newline), indent],
    key: CST.createScalarToken('renewedOn', { indent: map.indent, end: [] }),
    sep: [
      { type: 'map-value-ind', offset: 0, indent: map.indent, source: ':' },
      space(' '),
    ],
    value: CST.createScalarToken(date, {
      indent: map.indent,
      end: anchorEndsLine ? [lineBreak(newline)] : [],
    }),
  });
}

/** `{ stage: active }` → `{ stage: active, renewedOn: <date> }` */
function appendToFlowMap(map: CST.FlowCollection, date: string) {
  // What followed the last entry before `}` (a space, a trailing comma, a
  // comment, a line break and the indentation of `}`) now follows the new
  // one. The parser keeps it at the end of the last value, in an item
  // without key or value, or at the start of the map's end.
  const tail: CST.SourceToken[] = [];
  while (map.items.length > 0 && isBare(map.items[map.items.length - 1])) {
    tail.unshift(...map.items.pop()!.start);
  }
  const close = map.end.findIndex(token => token.type === 'flow-map-end');
  tail.push(...map.end.splice(0, Math.max(close, 0)));
  const last = map.items[map.items.length - 1];
  const trailing = last
    ? [...takeTrailing(last), ...tail]
    : [space(' '), ...tail];
  map.items.push({
    start: last
      ? [
          { type: 'comma', offset: 0, indent: map.indent, source: ',' },
          space(' '),
        ]
      : [space(' ')],
    key: CST.createScalarToken('renewedOn', {
      indent: map.indent,
      end: [],
      inFlow: true,
    }),
    sep: [
      { type: 'map-value-ind', offset: 0, indent: map.indent, source: ':' },
      space(' '),
    ],
    value: CST.createScalarToken(date, {
      indent: map.indent,
      end: trailing,
      inFlow: true,
    }),
  });
}

function isBare(item: Item): boolean {
  return !item.key && !item.value && !item.sep;
}

/** Takes the spaces and comments after an entry's value off it. */
function takeTrailing(item: Item): CST.SourceToken[] {
  const last = item.value ?? item.key;
  // only flow scalars carry trailing tokens; a block scalar ends at its text
  if (CST.isScalar(last) && last.type !== 'block-scalar' && last.end) {
    const trailing = last.end;
    last.end = [];
    return trailing;
  }
  return [];
}

function space(source: string): CST.SourceToken {
  return { type: 'space', offset: 0, indent: 0, source };
}

function lineBreak(source: string): CST.SourceToken {
  return { type: 'newline', offset: 0, indent: 0, source };
}
