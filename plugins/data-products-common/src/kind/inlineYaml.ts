/**
 * A value as one line of YAML flow style (`{ name: customer_id, type: string }`),
 * so hints can show an example owners can paste into catalog-info.yaml.
 */
export function inlineYaml(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(inlineYaml).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${scalar(key)}: ${inlineYaml(item)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return scalar(value);
}

// A string stays plain unless YAML would read it as something else: a
// number, boolean or null, a comment, an anchor, or flow punctuation.
const READS_AS_NON_STRING =
  /^(true|false|null|~|yes|no|on|off|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.(inf|nan))$/i;
const SPECIAL = /^$|^[\s#&*!|>'"%@`]|^[-?:](\s|$)|: | #|[,[\]{}]|\s$/;

function scalar(value: unknown): string {
  if (typeof value !== 'string') {
    return String(value);
  }
  return READS_AS_NON_STRING.test(value) || SPECIAL.test(value)
    ? JSON.stringify(value)
    : value;
}
