import { InputError } from '@backstage/errors';

export const CONTRACT_FORMATS = ['json', 'odcs'] as const;

/** `json`: Stockroom's normalized contract; `odcs`: an ODCS v3.1.0 YAML document. */
export type ContractFormat = (typeof CONTRACT_FORMATS)[number];

/** The format asked for in `?format=`; json when absent, a 400 listing the allowed values otherwise. */
export function parseContractFormat(query: unknown): ContractFormat {
  if (query === undefined) {
    return 'json';
  }
  if (typeof query !== 'string') {
    throw new InputError(`format must be given once; ${allowed()}`);
  }
  if (!(CONTRACT_FORMATS as readonly string[]).includes(query)) {
    throw new InputError(
      `format ${JSON.stringify(query)} is not supported; ${allowed()}`,
    );
  }
  return query as ContractFormat;
}

function allowed(): string {
  return `allowed values are ${CONTRACT_FORMATS.join(', ')}`;
}
