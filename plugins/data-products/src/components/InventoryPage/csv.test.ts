import { firstPage, secondPage } from '../../__fixtures__/inventory';
import { csvCell, fetchWholeInventory, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['=SUM(1,2)', `"'=SUM(1,2)"`],
    ['a=b', 'a=b'],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers, booleans and nothing as they are', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('joins rows with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('a,b\r\n1,');
  });
});

describe('fetchWholeInventory', () => {
  it('follows cursors and stops on a repeated one', async () => {
    const getInventory = jest
      .fn()
      .mockResolvedValueOnce(firstPage)
      .mockResolvedValueOnce({ ...secondPage, nextCursor: 'cursor-2' });
    const items = await fetchWholeInventory({ getInventory }, { q: 'x' });
    expect(items).toHaveLength(4);
    expect(getInventory).toHaveBeenCalledTimes(2);
  });
});
