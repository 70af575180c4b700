import { parseAllDocuments } from 'yaml';
import { RenewError, setRenewedOn } from './setRenewedOn';

const edit = (text: string, date = '2026-11-25', index = 0) =>
  setRenewedOn(text, parseAllDocuments(text)[index], date);

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
