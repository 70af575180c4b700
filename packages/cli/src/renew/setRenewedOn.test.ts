import { RenewError, setRenewedOn } from './setRenewedOn';

const edit = (text: string, date = '2026-11-25', index = 0) =>
  setRenewedOn(text, index, date);

describe('setRenewedOn', () => {
  it('replaces the value only, keeping the comment after it', () => {
    const text =
      'spec:\n  lifecycle:\n    stage: active\n    renewedOn: 2026-08-31   # last renewal\n';
    expect(edit(text)).toEqual({
      text: 'spec:\n  lifecycle:\n    stage: active\n    renewedOn: 2026-11-25   # last renewal\n',
      previous: '2026-08-31',
      action: 'replaced',
    });
  });

  it.each([
    ["'2026-08-31'", "'2026-11-25'"],
    ['"2026-08-31"', '"2026-11-25"'],
  ])('keeps the quoting of %s', (before, after) => {
    const text = `spec:\n  lifecycle:\n    renewedOn: ${before}\n    stage: active\n`;
    expect(edit(text).text).toBe(
      `spec:\n  lifecycle:\n    renewedOn: ${after}\n    stage: active\n`,
    );
  });

  it('fills an empty renewedOn: right after its colon', () => {
    const text =
      'spec:\n  lifecycle:\n    stage: active\n    renewedOn:   # todo\n    createdOn: 2026-01-01\n';
    expect(edit(text).text).toBe(
      'spec:\n  lifecycle:\n    stage: active\n    renewedOn: 2026-11-25   # todo\n    createdOn: 2026-01-01\n',
    );
  });

  it('inserts a line after stage: at the lifecycle indentation', () => {
    const text =
      'spec:\n   lifecycle:\n      createdOn: 2026-01-01\n      stage: active # ok\n      supersedes: x\n';
    expect(edit(text).text).toBe(
      'spec:\n   lifecycle:\n      createdOn: 2026-01-01\n      stage: active # ok\n      renewedOn: 2026-11-25\n      supersedes: x\n',
    );
  });

  it('inserts as the last key when there is no stage', () => {
    const text =
      'spec:\n  lifecycle:\n    createdOn: 2026-01-01\n  contract: {}\n';
    expect(edit(text).text).toBe(
      'spec:\n  lifecycle:\n    createdOn: 2026-01-01\n    renewedOn: 2026-11-25\n  contract: {}\n',
    );
  });

  it('inserts after a nested last value', () => {
    const text =
      'spec:\n  lifecycle:\n    createdOn: 2026-01-01\n    extra:\n      a: 1\n  contract: {}\n';
    expect(edit(text).text).toBe(
      'spec:\n  lifecycle:\n    createdOn: 2026-01-01\n    extra:\n      a: 1\n    renewedOn: 2026-11-25\n  contract: {}\n',
    );
  });

  it('handles a file without a final newline, and CRLF line endings', () => {
    expect(edit('spec:\n  lifecycle:\n    stage: active').text).toBe(
      'spec:\n  lifecycle:\n    stage: active\n    renewedOn: 2026-11-25',
    );
    expect(
      edit(
        'spec:\r\n  lifecycle:\r\n    stage: active\r\n    createdOn: 2026-01-01\r\n',
      ).text,
    ).toBe(
      'spec:\r\n  lifecycle:\r\n    stage: active\r\n    renewedOn: 2026-11-25\r\n    createdOn: 2026-01-01\r\n',
    );
  });

  it('edits a flow-style lifecycle in place', () => {
    expect(
      edit('spec:\n  lifecycle: { stage: active, createdOn: 2026-01-01 }\n')
        .text,
    ).toBe(
      'spec:\n  lifecycle: { stage: active, createdOn: 2026-01-01, renewedOn: 2026-11-25 }\n',
    );
    expect(
      edit('spec:\n  lifecycle: { stage: active, renewedOn: 2026-01-01 }\n')
        .text,
    ).toBe('spec:\n  lifecycle: { stage: active, renewedOn: 2026-11-25 }\n');
  });

  it('edits the chosen document of a multi-document file only', () => {
    const text =
      'spec:\n  lifecycle:\n    renewedOn: 2026-01-01\n---\nspec:\n  lifecycle:\n    renewedOn: 2026-01-01\n';
    expect(edit(text, '2026-11-25', 1).text).toBe(
      'spec:\n  lifecycle:\n    renewedOn: 2026-01-01\n---\nspec:\n  lifecycle:\n    renewedOn: 2026-11-25\n',
    );
  });

  it('refuses what it cannot edit safely', () => {
    expect(() => edit('spec:\n  type: view\n')).toThrow(RenewError);
    expect(() =>
      edit('spec:\n  lifecycle:\n    renewedOn: |\n      2026-01-01\n'),
    ).toThrow(/not a plain date/);
    expect(() =>
      edit('spec:\n  lifecycle:\n    renewedOn: { on: 2026-01-01 }\n'),
    ).toThrow(/not a plain date/);
  });
});

/** A file's lines, so the expected text below reads as the file does. */
const lines = (...rows: string[]) => rows.join('\n');

describe('setRenewedOn keeps every other byte', () => {
  describe('comments next to the key', () => {
    it('keeps a comment above, beside and below a replaced value', () => {
      const text = lines(
        'spec:',
        '  lifecycle:',
        '    # renewed by the ops rota',
        '    renewedOn: 2026-08-31 # + 90 days',
        '    # stage last',
        '    stage: active',
        '',
      );
      expect(edit(text)).toEqual({
        text: lines(
          'spec:',
          '  lifecycle:',
          '    # renewed by the ops rota',
          '    renewedOn: 2026-11-25 # + 90 days',
          '    # stage last',
          '    stage: active',
          '',
        ),
        previous: '2026-08-31',
        action: 'replaced',
      });
    });

    it('inserts after the stage line, leaving the comments around it where they were', () => {
      const text = lines(
        'spec:',
        '  lifecycle:',
        '    # where it is in its life',
        '    stage: active # still used',
        '    # set by the pipeline',
        '    createdOn: 2026-01-01',
        '',
      );
      expect(edit(text)).toEqual({
        text: lines(
          'spec:',
          '  lifecycle:',
          '    # where it is in its life',
          '    stage: active # still used',
          '    renewedOn: 2026-11-25',
          '    # set by the pipeline',
          '    createdOn: 2026-01-01',
          '',
        ),
        action: 'inserted',
      });
    });

    it('keeps a comment that was on an empty renewedOn and blank lines after it', () => {
      const text = lines(
        'spec:',
        '  lifecycle:',
        '    renewedOn: # not yet',
        '',
        '    stage: active',
        '',
      );
      expect(edit(text).text).toBe(
        lines(
          'spec:',
          '  lifecycle:',
          '    renewedOn: 2026-11-25 # not yet',
          '',
          '    stage: active',
          '',
        ),
      );
    });
  });

  describe('flow-style maps', () => {
    it('appends to a compact flow map', () => {
      expect(edit('spec:\n  lifecycle: {stage: active}\n').text).toBe(
        'spec:\n  lifecycle: {stage: active, renewedOn: 2026-11-25}\n',
      );
    });

    it('keeps a trailing comma after the new last entry', () => {
      expect(edit('spec:\n  lifecycle: { stage: active, }\n').text).toBe(
        'spec:\n  lifecycle: { stage: active, renewedOn: 2026-11-25, }\n',
      );
    });

    it('fills an empty flow map', () => {
      expect(edit('spec:\n  lifecycle: {}\n').text).toBe(
        'spec:\n  lifecycle: { renewedOn: 2026-11-25 }\n',
      );
    });

    it('appends to a flow map written over several lines', () => {
      const text = lines(
        'spec:',
        '  lifecycle: {',
        '    stage: active,',
        '    createdOn: 2026-01-01',
        '  }',
        '',
      );
      expect(edit(text).text).toBe(
        lines(
          'spec:',
          '  lifecycle: {',
          '    stage: active,',
          '    createdOn: 2026-01-01, renewedOn: 2026-11-25',
          '  }',
          '',
        ),
      );
    });

    it('replaces a quoted value inside a flow map whose parent is flow too', () => {
      expect(
        edit(
          "spec: { lifecycle: { renewedOn: '2026-01-01', stage: active } }\n",
        ).text,
      ).toBe(
        "spec: { lifecycle: { renewedOn: '2026-11-25', stage: active } }\n",
      );
    });
  });

  describe('a document without spec.lifecycle', () => {
    it.each([
      ['no spec at all', 'kind: DataProduct\nmetadata:\n  name: x\n'],
      ['a spec without lifecycle', 'spec:\n  category: convenience-view\n'],
      ['a lifecycle that is a string', 'spec:\n  lifecycle: active\n'],
      ['a lifecycle that is a list', 'spec:\n  lifecycle:\n    - active\n'],
    ])('refuses %s, naming the field', (_, text) => {
      expect(() => edit(text)).toThrow(
        new RenewError(
          'spec.lifecycle is missing or not a mapping: add `lifecycle:` with `stage:` and `createdOn:` first',
        ),
      );
    });

    it('refuses when only another document of the file has a lifecycle', () => {
      const text = 'spec:\n  lifecycle:\n    stage: active\n---\nspec: {}\n';
      expect(() => edit(text, '2026-11-25', 1)).toThrow(RenewError);
    });
  });

  describe('CRLF line endings', () => {
    it('replaces a value, keeping the CRLF and the comment', () => {
      expect(
        edit('spec:\r\n  lifecycle:\r\n    renewedOn: 2026-01-01 # x\r\n').text,
      ).toBe('spec:\r\n  lifecycle:\r\n    renewedOn: 2026-11-25 # x\r\n');
    });

    it('ends an inserted last line with CRLF', () => {
      expect(
        edit(
          'spec:\r\n  lifecycle:\r\n    createdOn: 2026-01-01\r\nkind: x\r\n',
        ).text,
      ).toBe(
        'spec:\r\n  lifecycle:\r\n    createdOn: 2026-01-01\r\n    renewedOn: 2026-11-25\r\nkind: x\r\n',
      );
    });

    it('starts the inserted line with CRLF in a file without a final line break', () => {
      expect(edit('spec:\r\n  lifecycle:\r\n    stage: active').text).toBe(
        'spec:\r\n  lifecycle:\r\n    stage: active\r\n    renewedOn: 2026-11-25',
      );
    });
  });

  describe('multi-document files', () => {
    const file = lines(
      '# products of the growth team',
      'kind: Component',
      'spec:',
      '  lifecycle: production',
      '---',
      'metadata:',
      '  name: first',
      'spec:',
      '  lifecycle:',
      '    stage: active',
      '...',
      '# the second product',
      '---',
      'metadata:',
      '  name: second',
      'spec:',
      '  lifecycle:',
      '    stage: active',
      '',
    );

    it('inserts into the first product only', () => {
      expect(edit(file, '2026-11-25', 1).text).toBe(
        lines(
          '# products of the growth team',
          'kind: Component',
          'spec:',
          '  lifecycle: production',
          '---',
          'metadata:',
          '  name: first',
          'spec:',
          '  lifecycle:',
          '    stage: active',
          '    renewedOn: 2026-11-25',
          '...',
          '# the second product',
          '---',
          'metadata:',
          '  name: second',
          'spec:',
          '  lifecycle:',
          '    stage: active',
          '',
        ),
      );
    });

    it('inserts into the last product only', () => {
      expect(edit(file, '2026-11-25', 2).text).toBe(
        lines(
          '# products of the growth team',
          'kind: Component',
          'spec:',
          '  lifecycle: production',
          '---',
          'metadata:',
          '  name: first',
          'spec:',
          '  lifecycle:',
          '    stage: active',
          '...',
          '# the second product',
          '---',
          'metadata:',
          '  name: second',
          'spec:',
          '  lifecycle:',
          '    stage: active',
          '    renewedOn: 2026-11-25',
          '',
        ),
      );
    });

    it('refuses the document whose lifecycle is a string', () => {
      expect(() => edit(file, '2026-11-25', 0)).toThrow(RenewError);
    });
  });
});
