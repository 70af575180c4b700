import { LineCounter, parseAllDocuments } from 'yaml';
import { formatPath, parsePath } from './fieldPath';
import { pathToLine } from './pathToLine';

const TEXT = `# leading comment
apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: x
  annotations:
    openlineage.io/dataset: snowflake://a
spec:
  contract:
    schema:
      - name: a
        type: string
      - { name: b, type: int }
      -   name: c
          type: date
    freshness:
      p95: 30m
---
kind: Second
spec:
  owner: group:x
`;

describe('pathToLine', () => {
  const lineCounter = new LineCounter();
  const [first, second] = parseAllDocuments(TEXT, { lineCounter });
  const at = (path: string, document = first) =>
    pathToLine(document, lineCounter, path);

  it.each([
    ['spec.contract.freshness.p95', { line: 17, col: 7 }],
    ['spec.contract.schema[0].type', { line: 12, col: 9 }],
    ['spec.contract.schema[1].type', { line: 13, col: 20 }],
    ['spec.contract.schema[2].name', { line: 14, col: 11 }],
    ['spec.contract.schema[2]', { line: 14, col: 11 }],
    ['metadata.annotations["openlineage.io/dataset"]', { line: 7, col: 5 }],
  ])('finds %s', (path, position) => {
    expect(at(path)).toEqual(position);
  });

  it.each([
    ['spec.contract.freshness.p99', { line: 16, col: 5 }],
    ['spec.contract.schema[1].description', { line: 13, col: 9 }],
    ['spec.contract.schema[7].name', { line: 10, col: 5 }],
    ['spec.contract.escalation.channel', { line: 9, col: 3 }],
    ['spec.version', { line: 8, col: 1 }],
  ])('falls back to the nearest existing parent of %s', (path, position) => {
    expect(at(path)).toEqual(position);
  });

  it('falls back to the document start, in the right document', () => {
    expect(at('')).toEqual({ line: 2, col: 1 });
    expect(at('nothing.here')).toEqual({ line: 2, col: 1 });
    expect(at('', second)).toEqual({ line: 19, col: 1 });
    expect(at('spec.owner', second)).toEqual({ line: 21, col: 3 });
  });

  it('does not descend through scalars', () => {
    expect(at('metadata.name.first')).toEqual({ line: 5, col: 3 });
  });
});

describe('field paths', () => {
  it.each([
    'spec.contract.schema[2].name',
    'metadata.annotations["openlineage.io/dataset"]',
    'spec.contract.odcs.$yaml',
    'spec',
    '',
  ])('round-trips %s', path => {
    expect(formatPath(parsePath(path))).toBe(path);
  });

  it('keeps the readable prefix of a malformed path', () => {
    expect(parsePath('spec.contract[oops')).toEqual(['spec', 'contract']);
  });
});
