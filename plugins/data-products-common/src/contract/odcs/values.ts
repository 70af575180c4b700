/**
 * Readers for values of a document nobody validated yet. ODCS files are
 * written by hand and by other tools, so every read tolerates any JSON.
 */

/** @internal */
export type Json = Record<string, unknown>;

/** A plain object (not an array, not null). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Trimmed text, or undefined for anything that is not a non-blank string. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A finite number, also from numeric text (`"4"`, `" 99.5 "`): YAML authors
 * quote numbers as often as not. Undefined for anything else.
 */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  const text = textOf(value);
  if (
    text === undefined ||
    !/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)
  ) {
    return undefined;
  }
  return Number(text);
}

/**
 * Text with something in it, returned as written: descriptions keep their
 * own whitespace so that a contract reads back exactly as it was exported.
 */
export function filledText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** How a value reads in a message: strings quoted, the rest as JSON. */
export function shown(value: unknown): string {
  if (value === undefined) {
    return '(missing)';
  }
  const json = JSON.stringify(value);
  return json && json.length > 60 ? `${json.slice(0, 57)}…` : String(json);
}

/**
 * A ratio without binary noise: 0.07 * 100 is 7.000000000000001 in floating
 * point, and a contract that says 7 % must read back as 7 %, not as a change.
 */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** The object with its undefined members removed, so results deep-equal and serialize the same. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as T;
}
