import { _, type KeywordCxt, type KeywordDefinition } from 'ajv';
import { NON_BLANK_PATTERN } from './patterns';
import type { JsonSchemaObject } from './schema';

/**
 * Keyword `nonBlank: true`: the string holds a character that is not white
 * space, exactly what `pattern: NON_BLANK_PATTERN` (`\S`) says. Every text
 * of a DataProduct carries that pattern, so a product's validation runs the
 * regular expression some forty times, a third of the quick validator's
 * time. Nearly every text starts with a printable ASCII character other than
 * a space, which settles it without the expression; only the rest (a
 * leading space, an empty or non-ASCII start) run it.
 *
 * Only for the quick validator: the exact one keeps `pattern`, so its
 * errors, and the messages explained from them, are unchanged.
 */
export const nonBlankKeyword: KeywordDefinition = {
  keyword: 'nonBlank',
  type: 'string',
  schemaType: 'boolean',
  code(cxt: KeywordCxt) {
    const { gen, data } = cxt;
    const pattern = new RegExp(NON_BLANK_PATTERN, 'u');
    const regExp = gen.scopeValue('pattern', {
      key: pattern.toString(),
      ref: pattern,
      code: _`new RegExp(${NON_BLANK_PATTERN}, "u")`,
    });
    const first = gen.const('first', _`${data}.charCodeAt(0)`);
    // 0x21–0x7e: printable ASCII, not a space; charCodeAt of "" is NaN
    cxt.fail(
      _`!(${first} > 0x20 && ${first} < 0x7f) && !${regExp}.test(${data})`,
    );
  },
};

/**
 * The schema with every `pattern: NON_BLANK_PATTERN` turned into
 * `nonBlank: true`; everything else as it is. Built once, for the quick
 * validator.
 */
export function withNonBlankKeyword(
  schema: JsonSchemaObject,
): JsonSchemaObject {
  return replaceNonBlank(schema) as JsonSchemaObject;
}

function replaceNonBlank(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(replaceNonBlank);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'pattern' && item === NON_BLANK_PATTERN) {
      copy.nonBlank = true;
    } else {
      copy[key] = replaceNonBlank(item);
    }
  }
  return copy;
}
