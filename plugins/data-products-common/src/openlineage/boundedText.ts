/**
 * The one rule for the text a run report brings into storage (issue #11
 * items 2 and 8), applied by both intake paths before anything is stored:
 *
 * - Free text (an error message) is kept up to a limit: a longer one keeps
 *   its head and its tail, where stack traces say what failed and where,
 *   joined by a marker that says how many characters were cut. A 4.5 MB
 *   message stored whole made run pages unanswerable and SLA alerts
 *   undeliverable.
 * - Names shown with a run (job namespace and name, a quality assertion)
 *   are bounded alike to the 255-character columns that hold them.
 * - NUL (U+0000) cannot be stored in a PostgreSQL text column: it was a 500
 *   there and stored on SQLite. It is removed from free text, with a
 *   warning, and refused in ids and names, which it would silently change:
 *   the same verdict on every database.
 *
 * "Characters" are Unicode code points, as PostgreSQL and SQLite count them,
 * so a marker written here and one written on read by a store agree.
 */
import { ProblemList, child, isObject, item } from './checks';

/**
 * The longest error message stored, in characters: enough for a message and
 * the useful ends of a stack trace, small enough for a page of runs and an
 * alert.
 *
 * @public
 */
export const MAX_RUN_MESSAGE_LENGTH = 16_384;

/**
 * The longest job namespace, job name or assertion stored, in characters:
 * the width of the columns that hold them.
 *
 * @public
 */
export const MAX_RUN_NAME_LENGTH = 255;

/**
 * Room kept for the marker: its text with a count of up to 13 digits and
 * their separators, more characters than any database holds in one value.
 */
const MARKER_ROOM = cutMarker(9_999_999_999_999).length;

const NUL = '\u0000';

/**
 * What replaces the middle of a bounded text: it says that, and how much,
 * was cut, so nobody mistakes the rest for the whole.
 *
 * @public
 */
export function cutMarker(cut: number): string {
  return ` […${groupDigits(cut)} characters cut…] `;
}

/**
 * How many UTF-16 code units of the head and of the tail a text longer than
 * `max` keeps: fixed for a given `max`, so a store can cut rows written
 * before this rule in SQL, without reading them whole.
 *
 * @public
 */
export function keptEnds(max: number): { head: number; tail: number } {
  if (!Number.isSafeInteger(max) || max < MARKER_ROOM + 2) {
    throw new RangeError(
      `A text bound must be a whole number of at least ${
        MARKER_ROOM + 2
      } characters, not ${max}`,
    );
  }
  const kept = max - MARKER_ROOM;
  return { head: Math.ceil(kept / 2), tail: Math.floor(kept / 2) };
}

/**
 * `text` within `max` characters: unchanged when it fits, else its head and
 * its tail around a {@link cutMarker}. `cut` is how many characters went (0
 * when none did).
 *
 * @public
 */
export function boundText(
  text: string,
  max: number,
): { text: string; cut: number } {
  const ends = keptEnds(max);
  // Code units bound code points from above: a text this short fits.
  if (text.length <= max || countCodePoints(text) <= max) {
    return { text, cut: 0 };
  }
  const head = clipEnd(text.slice(0, ends.head));
  const tail = clipStart(text.slice(text.length - ends.tail));
  const cut =
    countCodePoints(text) - countCodePoints(head) - countCodePoints(tail);
  return { text: joinCut(head, cut, tail), cut };
}

/**
 * The same bound, for a text a store cut in SQL without reading it whole
 * (rows written before this rule): its first and last characters, at least
 * {@link keptEnds} of each, and its full length in characters.
 *
 * @public
 */
export function boundEnds(
  head: string,
  tail: string,
  length: number,
  max: number,
): string {
  const ends = keptEnds(max);
  const first = clipEnd(head.slice(0, ends.head));
  const last = clipStart(tail.slice(Math.max(0, tail.length - ends.tail)));
  const cut = Math.max(
    0,
    length - countCodePoints(first) - countCodePoints(last),
  );
  return joinCut(first, cut, last);
}

function joinCut(head: string, cut: number, tail: string): string {
  return `${head}${cutMarker(cut)}${tail}`;
}

/** Characters (code points) of a text, counting a surrogate pair once. */
function countCodePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) count--;
    }
  }
  return count;
}

/** A head never ends with half of a surrogate pair. */
function clipEnd(head: string): string {
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

/** A tail never starts with half of a surrogate pair. */
function clipStart(tail: string): string {
  const first = tail.charCodeAt(0);
  return first >= 0xdc00 && first <= 0xdfff ? tail.slice(1) : tail;
}

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Free text as stored: NUL removed and the text bounded to `max`, each with
 * a warning naming `path`.
 */
function boundFreeText(
  value: string,
  path: string,
  max: number,
  problems: ProblemList,
): string {
  let text = value;
  if (text.includes(NUL)) {
    const count = text.split(NUL).length - 1;
    text = text.split(NUL).join('');
    problems.warn(
      path,
      `had ${
        count === 1 ? 'a NUL character' : `${count} NUL characters`
      } (\\u0000), removed: Stockroom cannot store them`,
    );
  }
  return boundWithWarning(text, path, max, problems);
}

/** A name as stored: NUL refused, bounded to `max` with a warning. */
function boundName(
  value: string,
  path: string,
  max: number,
  problems: ProblemList,
): string {
  refuseNul(value, path, problems);
  return boundWithWarning(value, path, max, problems);
}

function boundWithWarning(
  text: string,
  path: string,
  max: number,
  problems: ProblemList,
): string {
  const bounded = boundText(text, max);
  if (bounded.cut > 0) {
    problems.warn(
      path,
      `is ${groupDigits(
        countCodePoints(text),
      )} characters long, more than the ${groupDigits(
        max,
      )} Stockroom stores: kept its head and tail around a marker saying ${groupDigits(
        bounded.cut,
      )} characters were cut`,
    );
  }
  return bounded.text;
}

/** Ids and names identify things: a NUL in one is refused, never removed. */
function refuseNul(value: unknown, path: string, problems: ProblemList): void {
  if (typeof value !== 'string') return;
  const at = value.indexOf(NUL);
  if (at >= 0) {
    problems.add(
      path,
      `contains a NUL character (\\u0000) at position ${at}, which Stockroom cannot store: remove it`,
    );
  }
}

/** A key as a path segment, its NUL characters written out. */
function keyPath(path: string, key: string): string {
  return child(path, key.split(NUL).join('\\u0000'));
}

/** Column names (the keys of a columns object) with a NUL are refused. */
function refuseNulKeys(
  value: unknown,
  path: string,
  problems: ProblemList,
): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    if (key.includes(NUL)) {
      problems.add(
        keyPath(path, key),
        'is a column name with a NUL character (\\u0000), which Stockroom cannot store: remove it',
      );
    }
  }
}

/**
 * Schema fields' names and types with a NUL are refused, nested fields
 * included; walked with an explicit stack, so depth costs no recursion.
 */
function refuseNulInFields(
  value: unknown,
  path: string,
  problems: ProblemList,
): void {
  const stack: Array<{ list: unknown; path: string }> = [{ list: value, path }];
  while (stack.length > 0) {
    const { list, path: at } = stack.pop()!;
    if (!Array.isArray(list)) continue;
    list.forEach((field, i) => {
      if (!isObject(field)) return;
      const fieldPath = item(at, i);
      refuseNul(field.name, child(fieldPath, 'name'), problems);
      refuseNul(field.type, child(fieldPath, 'type'), problems);
      stack.push({ list: field.fields, path: child(fieldPath, 'fields') });
    });
  }
}

/** Applies `bound` to `object[key]` when it is a string. */
function boundKey(
  object: unknown,
  key: string,
  path: string,
  bound: (value: string, path: string) => string,
): void {
  if (isObject(object) && typeof object[key] === 'string') {
    object[key] = bound(object[key] as string, child(path, key));
  }
}

/**
 * Applies the rule to one OpenLineage RunEvent, in place, before it is
 * validated and read: `event` must be the caller's own copy (parseRunEvent
 * copies every event while dropping its nulls). `root` is the event's path
 * in a batch (`[3]`) or ''. Values of the wrong type are left to the
 * validator.
 */
export function boundRunEventText(
  event: Record<string, unknown>,
  root: string,
  problems: ProblemList,
): void {
  const name = (value: string, path: string) =>
    boundName(value, path, MAX_RUN_NAME_LENGTH, problems);
  const label = (value: string, path: string) =>
    boundWithWarning(value, path, MAX_RUN_NAME_LENGTH, problems);

  const jobPath = child(root, 'job');
  boundKey(event.job, 'namespace', jobPath, name);
  boundKey(event.job, 'name', jobPath, name);

  const runFacetsPath = child(child(root, 'run'), 'facets');
  const runFacets = isObject(event.run) ? event.run.facets : undefined;
  if (isObject(runFacets)) {
    const error = runFacets.errorMessage;
    boundKey(error, 'message', child(runFacetsPath, 'errorMessage'), (v, p) =>
      boundFreeText(v, p, MAX_RUN_MESSAGE_LENGTH, problems),
    );
    const parent = runFacets.parent;
    const parentJobPath = child(child(runFacetsPath, 'parent'), 'job');
    if (isObject(parent)) {
      boundKey(parent.job, 'namespace', parentJobPath, name);
      boundKey(parent.job, 'name', parentJobPath, name);
    }
  }

  for (const side of ['inputs', 'outputs'] as const) {
    const list = event[side];
    if (!Array.isArray(list)) continue;
    list.forEach((dataset, i) => {
      if (!isObject(dataset)) return;
      const at = item(child(root, side), i);
      // Dataset names are identities: refused with a NUL, never cut.
      refuseNul(dataset.namespace, child(at, 'namespace'), problems);
      refuseNul(dataset.name, child(at, 'name'), problems);
      const facets = dataset.facets;
      const facetsPath = child(at, 'facets');
      const symlinks = isObject(facets) ? facets.symlinks : undefined;
      const identifiers = isObject(symlinks) ? symlinks.identifiers : undefined;
      if (Array.isArray(identifiers)) {
        identifiers.forEach((identifier, j) => {
          if (!isObject(identifier)) return;
          const idPath = item(child(facetsPath, 'symlinks.identifiers'), j);
          refuseNul(identifier.namespace, child(idPath, 'namespace'), problems);
          refuseNul(identifier.name, child(idPath, 'name'), problems);
        });
      }
      if (isObject(facets) && isObject(facets.schema)) {
        refuseNulInFields(
          facets.schema.fields,
          child(facetsPath, 'schema.fields'),
          problems,
        );
      }
      const ioKey = side === 'inputs' ? 'inputFacets' : 'outputFacets';
      for (const [bag, bagPath] of [
        [facets, facetsPath],
        [dataset[ioKey], child(at, ioKey)],
      ] as const) {
        const metrics = isObject(bag) ? bag.dataQualityMetrics : undefined;
        if (isObject(metrics)) {
          refuseNulKeys(
            metrics.columnMetrics,
            child(bagPath, 'dataQualityMetrics.columnMetrics'),
            problems,
          );
        }
        const assertions = isObject(bag)
          ? bag.dataQualityAssertions
          : undefined;
        const entries = isObject(assertions)
          ? assertions.assertions
          : undefined;
        if (!Array.isArray(entries)) continue;
        const listPath = child(bagPath, 'dataQualityAssertions.assertions');
        entries.forEach((entry, j) => {
          boundKey(entry, 'assertion', item(listPath, j), label);
          if (isObject(entry)) {
            refuseNul(
              entry.column,
              child(item(listPath, j), 'column'),
              problems,
            );
          }
        });
      }
    });
  }
}

/**
 * Applies the rule to one native run report (`runs[i]` of `POST /runs`):
 * a NUL in its runId, a schema field or a column name is a problem; its
 * errorMessage comes back as stored
 * (undefined when absent or not a string, which the validator reports).
 */
export function boundNativeRunText(
  run: Record<string, unknown>,
  path: string,
  problems: ProblemList,
): { errorMessage?: string } {
  refuseNul(run.runId, child(path, 'runId'), problems);
  refuseNulInFields(run.schema, child(path, 'schema'), problems);
  refuseNulKeys(run.columns, child(path, 'columns'), problems);
  return typeof run.errorMessage === 'string'
    ? {
        errorMessage: boundFreeText(
          run.errorMessage,
          child(path, 'errorMessage'),
          MAX_RUN_MESSAGE_LENGTH,
          problems,
        ),
      }
    : {};
}
