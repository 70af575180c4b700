/**
 * The one validation of per-column counts, for native runs (`columns`) and
 * OpenLineage `dataQualityMetrics.columnMetrics` alike: a column name that
 * would reach an object's prototype is refused, and so is a count larger
 * than the rows it was counted over (a null rate above 1 would score a
 * product on nonsense).
 */
import type { ColumnCounts } from '../scoring/runs';
import { ProblemList, checkCount, checkObject, child } from './checks';
import { unknownFieldMessage } from './unknownFields';

/**
 * Names that are properties of every JavaScript object: as keys of a plain
 * object they replace its prototype (`__proto__`) or shadow what code
 * reads, so no store or score can hold them safely.
 */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

const COUNT_FIELDS = ['nullCount', 'distinctCount'] as const;

export interface ColumnCountsOptions {
  /** The rows the counts were taken over, when reported. */
  rowCount?: number;
  /**
   * Refuse members other than nullCount and distinctCount (native runs,
   * whose shape is ours). OpenLineage column metrics carry more (sum,
   * quantiles …), which are read past.
   */
  strict?: boolean;
}

/**
 * Checks `columns` (a map of column name → counts) and returns the counts
 * read; every problem is named with its full path.
 */
export function checkColumnCounts(
  columns: Record<string, unknown>,
  path: string,
  problems: ProblemList,
  options: ColumnCountsOptions = {},
): Record<string, ColumnCounts> {
  const { rowCount, strict = false } = options;
  const result: Record<string, ColumnCounts> = {};
  for (const [name, entry] of Object.entries(columns)) {
    const at = child(path, name);
    if (RESERVED_NAMES.has(name)) {
      problems.add(
        at,
        `is not a usable column name: ${[...RESERVED_NAMES].join(
          ', ',
        )} are refused`,
      );
      continue;
    }
    const counts = checkObject(entry, at, problems);
    if (!counts) continue;
    if (strict) {
      for (const key of Object.keys(counts)) {
        if (!(COUNT_FIELDS as readonly string[]).includes(key)) {
          problems.add(
            child(at, key),
            unknownFieldMessage(key, COUNT_FIELDS, 'a column'),
          );
        }
      }
    }
    const parsed: ColumnCounts = {};
    for (const field of COUNT_FIELDS) {
      const value = checkCount(counts[field], child(at, field), problems);
      if (value === undefined) continue;
      if (rowCount !== undefined && value > rowCount) {
        problems.add(
          child(at, field),
          `is ${value}, more than rowCount ${rowCount}`,
        );
        continue;
      }
      parsed[field] = value;
    }
    result[name] = parsed;
  }
  return result;
}
