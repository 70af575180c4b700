import { Document, Node as YamlNode, Scalar, isMap, isScalar } from 'yaml';

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

/**
 * Sets `spec.lifecycle.renewedOn` of one document by editing the text, not
 * by re-serialising YAML: every other byte of the file — comments, order,
 * quoting, blank lines, line endings — stays as it was. An existing value is
 * replaced in place (keeping its quotes); a missing one becomes a new line
 * after `stage:` (else after the last key), at the lifecycle's indentation.
 *
 * @param document - parsed from `text` (offsets must refer to it)
 */
export function setRenewedOn(
  text: string,
  document: Document,
  date: string,
): RenewEdit {
  const lifecycle = document.getIn(['spec', 'lifecycle'], true);
  if (!isMap(lifecycle) || !lifecycle.range) {
    throw new RenewError(
      'spec.lifecycle is missing or not a mapping: add `lifecycle:` with `stage:` and `createdOn:` first',
    );
  }
  const pair = lifecycle.items.find(
    item => isScalar(item.key) && item.key.value === 'renewedOn',
  );
  if (pair) {
    return replaceValue(text, pair.key as Scalar, pair.value, date);
  }
  return lifecycle.flow
    ? insertInFlowMap(text, lifecycle.items, lifecycle.range, date)
    : insertInBlockMap(text, lifecycle.items, date);
}

function replaceValue(
  text: string,
  key: Scalar,
  value: unknown,
  date: string,
): RenewEdit {
  if (value === null || (isScalar(value) && value.source === '')) {
    // `renewedOn:` with no value: write it right after the colon, so a
    // trailing comment keeps its place.
    const colon = text.indexOf(':', key.range![1]);
    return {
      text: `${text.slice(0, colon + 1)} ${date}${text.slice(colon + 1)}`,
      action: 'inserted',
    };
  }
  if (
    !isScalar(value) ||
    !value.range ||
    !['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'].includes(String(value.type))
  ) {
    throw new RenewError(
      'spec.lifecycle.renewedOn is not a plain date (a block scalar, alias or mapping): write it as `renewedOn: YYYY-MM-DD` first',
    );
  }
  const [start, end] = value.range;
  const quote =
    { QUOTE_SINGLE: "'", QUOTE_DOUBLE: '"' }[String(value.type)] ?? '';
  return {
    text: `${text.slice(0, start)}${quote}${date}${quote}${text.slice(end)}`,
    previous: String(value.value),
    action: 'replaced',
  };
}

function insertInBlockMap(
  text: string,
  items: Array<{ key: unknown; value: unknown }>,
  date: string,
): RenewEdit {
  const first = items[0]?.key as YamlNode | undefined;
  if (!first?.range) {
    throw new RenewError(
      'spec.lifecycle is empty: add `stage:` and `createdOn:` first',
    );
  }
  const anchor =
    items.find(item => isScalar(item.key) && item.key.value === 'stage') ??
    items[items.length - 1];
  const anchorEnd =
    (anchor.value as YamlNode | null)?.range?.[1] ??
    (anchor.key as YamlNode).range![1];
  const keyStart = first.range[0];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = ' '.repeat(keyStart - lineStart);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  // The end of the anchor's last line (after any comment on it); a block
  // value's range already ends past its newline.
  let at =
    text[anchorEnd - 1] === '\n'
      ? anchorEnd - 1
      : text.indexOf('\n', anchorEnd);
  if (at < 0) {
    at = text.length;
  } else if (text[at - 1] === '\r') {
    at--;
  }
  return {
    text: `${text.slice(
      0,
      at,
    )}${newline}${indent}renewedOn: ${date}${text.slice(at)}`,
    action: 'inserted',
  };
}

function insertInFlowMap(
  text: string,
  items: Array<{ key: unknown; value: unknown }>,
  range: [number, number, number],
  date: string,
): RenewEdit {
  const last = items[items.length - 1];
  if (!last) {
    const open = text.indexOf('{', range[0]);
    return {
      text: `${text.slice(0, open + 1)} renewedOn: ${date} ${text.slice(
        open + 1,
      )}`,
      action: 'inserted',
    };
  }
  const end =
    (last.value as YamlNode | null)?.range?.[1] ??
    (last.key as YamlNode).range![1];
  return {
    text: `${text.slice(0, end)}, renewedOn: ${date}${text.slice(end)}`,
    action: 'inserted',
  };
}
