import { decodeCursor, encodeCursor } from './cursor';

const byOverall = { sort: 'overall', order: 'asc' as const, numeric: true };
const byName = { sort: 'name', order: 'desc' as const, numeric: false };

describe('inventory cursors', () => {
  it('round-trips positions, unknown values included, as base64url', () => {
    for (const [position, ordering] of [
      [
        { value: 3.7, name: 'orders', entityRef: 'dataproduct:default/orders' },
        byOverall,
      ],
      [{ value: null, name: 'ä/ö', entityRef: 'dataproduct:x/ä/ö' }, byOverall],
      [
        {
          value: 'orders',
          name: 'orders',
          entityRef: 'dataproduct:default/orders',
        },
        byName,
      ],
    ] as const) {
      const cursor = encodeCursor(position, ordering);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, ordering)).toEqual(position);
    }
  });

  it('refuses a cursor of another sort or order', () => {
    const cursor = encodeCursor(
      { value: 2, name: 'a', entityRef: 'dataproduct:default/a' },
      byOverall,
    );
    expect(() => decodeCursor(cursor, { ...byOverall, order: 'desc' })).toThrow(
      'cursor belongs to sort=overall&order=asc, not sort=overall&order=desc',
    );
  });

  const encoded = (json: string) => Buffer.from(json).toString('base64url');

  it.each([
    ['not base64url', '%%%', byOverall],
    ['not JSON', encoded('{'), byOverall],
    ['another shape', encoded('{"v":1}'), byOverall],
    ['another version', encoded('[2,"overall","asc",1,"a","b"]'), byOverall],
    [
      'text for a numeric sort',
      encoded('[1,"overall","asc","1","a","b"]'),
      byOverall,
    ],
    [
      'a number for a text sort',
      encoded('[1,"name","desc",1,"a","b"]'),
      byName,
    ],
    ['a missing ref', encoded('[1,"overall","asc",1,"a",null]'), byOverall],
  ])('refuses %s', (_, text, ordering) => {
    expect(() => decodeCursor(text, ordering)).toThrow(
      'cursor is malformed: pass the nextCursor of the previous page unchanged',
    );
  });
});
