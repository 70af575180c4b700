import {
  DEFAULT_COLUMNS,
  columnsParam,
  parseColumns,
} from './inventoryColumns';

describe('the columns URL parameter', () => {
  it('means the defaults when absent or empty', () => {
    expect(parseColumns(null)).toEqual([
      'name',
      'state',
      'owner',
      'overall',
      'expiresOn',
      'cost',
      'consumers',
    ]);
    expect(parseColumns('')).toEqual(parseColumns(null));
    expect(parseColumns(' , ,')).toEqual(parseColumns(null));
  });

  it('reads the named columns in table order, with the name always in', () => {
    expect(parseColumns('freshness,owner,tier')).toEqual([
      'name',
      'owner',
      'tier',
      'freshness',
    ]);
    expect(parseColumns('cost, name ,cost')).toEqual(['name', 'cost']);
  });

  it('ignores unknown names, and falls back to the defaults when none is known', () => {
    expect(parseColumns('owner,Owner,price,reliability')).toEqual([
      'name',
      'owner',
      'reliability',
    ]);
    expect(parseColumns('price,colour')).toEqual([...DEFAULT_COLUMNS]);
  });

  it('is left out of the URL for the defaults', () => {
    expect(columnsParam(DEFAULT_COLUMNS)).toBeUndefined();
    // the same choice in another order is still the default
    expect(
      columnsParam([
        'consumers',
        'cost',
        'expiresOn',
        'overall',
        'owner',
        'state',
      ]),
    ).toBeUndefined();
    expect(columnsParam(['tier', 'owner'])).toBe('name,owner,tier');
  });
});
