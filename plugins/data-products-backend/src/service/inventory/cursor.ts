import { InputError } from '@backstage/errors';

/**
 * Where a page ended: the sort key of its last item. The next page starts
 * right after it in the same order, so pages neither repeat nor skip items
 * while products come and go between requests.
 */
export interface CursorPosition {
  /** The sort value of the last item; null for an unknown (sorted last). */
  value: number | string | null;
  name: string;
  entityRef: string;
}

/** Which ordering a cursor belongs to. */
export interface CursorOrdering {
  sort: string;
  order: 'asc' | 'desc';
  /** Whether the sort's values are numbers (scores, cost) or text. */
  numeric: boolean;
}

const VERSION = 1;

/** The opaque `nextCursor`: base64url of the position and its ordering. */
export function encodeCursor(
  position: CursorPosition,
  ordering: CursorOrdering,
): string {
  return Buffer.from(
    JSON.stringify([
      VERSION,
      ordering.sort,
      ordering.order,
      position.value,
      position.name,
      position.entityRef,
    ]),
    'utf8',
  ).toString('base64url');
}

/**
 * The position a `cursor` names, for a request sorted by `ordering`. A
 * cursor that does not decode, or was made for another sort or order, is a
 * 400: it could only skip or repeat items.
 */
export function decodeCursor(
  text: string,
  ordering: CursorOrdering,
): CursorPosition {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 6 ||
    decoded[0] !== VERSION ||
    typeof decoded[1] !== 'string' ||
    typeof decoded[2] !== 'string' ||
    typeof decoded[4] !== 'string' ||
    typeof decoded[5] !== 'string'
  ) {
    throw malformed();
  }
  const [, sort, order, value, name, entityRef] = decoded;
  if (sort !== ordering.sort || order !== ordering.order) {
    throw new InputError(
      `cursor belongs to sort=${sort}&order=${order}, not sort=${ordering.sort}&order=${ordering.order}: start again without a cursor when changing the sort`,
    );
  }
  const valueOk =
    value === null ||
    (ordering.numeric
      ? typeof value === 'number' && Number.isFinite(value)
      : typeof value === 'string');
  if (!valueOk) {
    throw malformed();
  }
  return { value, name, entityRef };
}

function malformed(): InputError {
  return new InputError(
    'cursor is malformed: pass the nextCursor of the previous page unchanged, or leave it out for the first page',
  );
}
