import { exampleEntity } from './__testUtils__/load';
import { canonicalJson } from './canonicalJson';
import { contractFingerprint, fnv1a64 } from './fingerprint';
import { normalizeContract } from './normalize';
import type { NormalizedContract } from './types';

const contract: NormalizedContract = {
  schema: [{ name: 'id', type: 'string', key: 'primary', required: true }],
  freshness: { p95: '30m', p99: '60m' },
  accessPatterns: [{ type: 'batch', location: 'snowflake://acme/DB.S.T' }],
  lineage: { upstreams: ['resource:orders-db'] },
  version: '1.0.0',
};

describe('contractFingerprint', () => {
  it('is 16 hex digits of 64-bit FNV-1a', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(fnv1a64(bytes(''))).toBe('cbf29ce484222325');
    expect(fnv1a64(bytes('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64(bytes('foobar'))).toBe('85944171f73967e8');
    expect(contractFingerprint(contract)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is the same for the same contract, whatever the key order or spelled-out defaults', () => {
    const reordered: NormalizedContract = {
      version: '1.0.0',
      lineage: { upstreams: ['resource:orders-db'] },
      accessPatterns: [{ location: 'snowflake://acme/DB.S.T', type: 'batch' }],
      freshness: { p99: '60m', p95: '30m' },
      schema: [{ required: true, key: 'primary', type: 'string', name: 'id' }],
      quality: undefined,
    };
    expect(contractFingerprint(reordered)).toBe(contractFingerprint(contract));
    expect(
      contractFingerprint({
        ...contract,
        schema: [
          ...contract.schema,
          { name: 'note', type: 'string', required: false, key: 'none' },
        ],
      }),
    ).toBe(
      contractFingerprint({
        ...contract,
        schema: [...contract.schema, { name: 'note', type: 'string' }],
      }),
    );
  });

  it('changes with any change of the contract', () => {
    const prints = new Set([
      contractFingerprint(contract),
      contractFingerprint({ ...contract, version: '1.0.1' }),
      contractFingerprint({
        ...contract,
        freshness: { p95: '30m', p99: '61m' },
      }),
      contractFingerprint({
        ...contract,
        schema: [{ ...contract.schema[0], description: 'Id.' }],
      }),
      contractFingerprint({ ...contract, lineage: { upstreams: [] } }),
    ]);
    expect(prints.size).toBe(5);
  });

  it('is the same for a contract authored in ODCS and the same contract written out', () => {
    const support = exampleEntity('support-interactions.yaml');
    const normalized = normalizeContract(support).contract;
    expect(contractFingerprint(JSON.parse(JSON.stringify(normalized)))).toBe(
      contractFingerprint(normalized),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves out undefined', () => {
    expect(
      canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }], e: undefined }),
    ).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});
