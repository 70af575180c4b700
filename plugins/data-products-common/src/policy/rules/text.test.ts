import { isFilled } from './text';

describe('isFilled', () => {
  it.each([
    ['a word', 'table'],
    ['a leading space', ' x'],
    ['a leading no-break space', '\u00a0x'],
    ['a non-ASCII first letter', 'état'],
    ['a control character', '\u0001'],
    ['a tilde', '~'],
  ])('is true for text with %s', (_, value) => {
    expect(isFilled(value)).toBe(true);
  });

  it.each([
    ['empty text', ''],
    ['spaces', '   '],
    ['tabs and line breaks', '\t\r\n'],
    ['a no-break space', '\u00a0'],
    ['an ideographic space', '\u3000'],
    ['a byte-order mark', '\ufeff'],
    ['a number', 5],
    ['null', null],
    ['undefined', undefined],
  ])('is false for %s', (_, value) => {
    expect(isFilled(value)).toBe(false);
  });
});
