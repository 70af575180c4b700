import { isScalar, parseAllDocuments } from 'yaml';
import {
  addCalendarDays,
  formatIsoDate,
  parseIsoDate,
} from '@stockroom/plugin-data-products-common';

/** The dates under `spec.lifecycle` that the lifecycle rules count from. */
export const LIFECYCLE_DATE_FIELDS = [
  'createdOn',
  'renewedOn',
  'reviewedOn',
  'sunsetOn',
] as const;

export interface ShiftedDates {
  /**
   * The YAML with every lifecycle date of every DataProduct moved; when
   * nothing moved, exactly the input (so a file that is not an entity, or a
   * template that is not even YAML, is never re-serialised).
   */
  text: string;
  /** `<name> spec.lifecycle.<field>: <old> → <new>`, one per date moved. */
  moved: string[];
  /**
   * `<name> spec.lifecycle.<field>` of values that are not a `YYYY-MM-DD`
   * date: left as written, for the catalog to report.
   */
  notDates: string[];
}

/**
 * Moves the lifecycle dates of the DataProduct documents in one YAML file by
 * `days` calendar days (negative: back), keeping everything else — comments,
 * other documents, other fields, quoting — through the `yaml` Document API.
 * `header`, when given, becomes a comment at the top of a file that changed.
 */
export function shiftLifecycleDates(
  text: string,
  days: number,
  header?: string,
): ShiftedDates {
  const unchanged = { text, moved: [], notDates: [] };
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.some(d => d.errors.length > 0)) {
    // not (valid) YAML, e.g. a scaffolder skeleton: not ours to rewrite
    return unchanged;
  }
  const moved: string[] = [];
  const notDates: string[] = [];
  for (const document of documents) {
    if (document.get('kind') !== 'DataProduct') continue;
    const name = String(document.getIn(['metadata', 'name']) ?? '(unnamed)');
    for (const field of LIFECYCLE_DATE_FIELDS) {
      const node = document.getIn(['spec', 'lifecycle', field], true);
      if (node === undefined || node === null) continue;
      const where = `${name} spec.lifecycle.${field}`;
      const date = isScalar(node) ? parseIsoDate(node.value) : undefined;
      if (!isScalar(node) || !date) {
        notDates.push(where);
        continue;
      }
      const shifted = formatIsoDate(addCalendarDays(date, days));
      moved.push(`${where}: ${formatIsoDate(date)} → ${shifted}`);
      node.value = shifted;
    }
  }
  if (moved.length === 0) return { ...unchanged, notDates };
  if (header) {
    const first = documents[0];
    first.commentBefore = first.commentBefore
      ? `${header}\n\n${first.commentBefore}`
      : header;
  }
  return {
    // no re-wrapping of long text, `[a, b]` stays as written
    text: documents
      .map(d => d.toString({ lineWidth: 0, flowCollectionPadding: false }))
      .join(''),
    moved,
    notDates,
  };
}
