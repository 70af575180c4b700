import { parseContractFormat } from './parseContractFormat';

describe('parseContractFormat', () => {
  it('means json when absent', () => {
    expect(parseContractFormat(undefined)).toBe('json');
  });

  it('reads json and odcs', () => {
    expect(parseContractFormat('json')).toBe('json');
    expect(parseContractFormat('odcs')).toBe('odcs');
  });

  it('rejects anything else, listing the allowed values', () => {
    expect(() => parseContractFormat('yaml')).toThrow(
      'format "yaml" is not supported; allowed values are json, odcs',
    );
    expect(() => parseContractFormat('')).toThrow(
      'format "" is not supported; allowed values are json, odcs',
    );
    expect(() => parseContractFormat(['json', 'odcs'])).toThrow(
      'format must be given once; allowed values are json, odcs',
    );
  });
});
