/**
 * ODCS v3.1 `logicalType` is one of nine names; Stockroom's field `type` is
 * free text (`decimal(18,2)`, `array<string>`, `uuid`). Export needs a
 * logical type for a Stockroom type; import takes the logical type as is.
 */

/** @internal */
export const ODCS_LOGICAL_TYPES = [
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
] as const;

type LogicalType = (typeof ODCS_LOGICAL_TYPES)[number];

// First match wins; patterns look at the type's leading word, so
// `varchar(36)`, `timestamp_ntz` and `array<string>` all classify.
const FAMILIES: ReadonlyArray<[RegExp, LogicalType]> = [
  [/^(array|list)\b|\[\]$/, 'array'],
  [/^(object|struct|map|record|json|jsonb|variant|row)\b/, 'object'],
  [/^(timestamp|datetime)/, 'timestamp'],
  [/^date$/, 'date'],
  [/^time\b/, 'time'],
  [/^(bool|boolean)$/, 'boolean'],
  [/^(u?int\d*|integer|bigint|smallint|tinyint|long|short|byte)\b/, 'integer'],
  [/^(number|numeric|decimal|float\d*|double|real|money)\b/, 'number'],
  [
    /^(string|text|varchar|nvarchar|char|nchar|character|uuid|clob|enum)\b/,
    'string',
  ],
];

/**
 * The ODCS logical type of a Stockroom field type, or undefined when none
 * fits honestly (`geography`): ODCS makes `logicalType` optional, and a wrong
 * one would mislead other tools more than a missing one.
 */
export function logicalTypeOf(type: string): LogicalType | undefined {
  const normalized = type.trim().toLowerCase();
  return FAMILIES.find(([pattern]) => pattern.test(normalized))?.[1];
}
