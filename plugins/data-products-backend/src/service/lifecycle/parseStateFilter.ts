import { InputError } from '@backstage/errors';
import {
  DATA_PRODUCT_STATES,
  DataProductState,
} from '@stockroom/plugin-data-products-common';

/**
 * The states asked for in `?state=`: comma-separated, repeatable, or absent
 * (undefined: every state). Anything else is a 400 that lists what is allowed.
 */
export function parseStateFilter(
  query: unknown,
): DataProductState[] | undefined {
  if (query === undefined) {
    return undefined;
  }
  const values = [query].flat();
  if (values.some(value => typeof value !== 'string')) {
    throw new InputError(`state must be a string; ${allowed()}`);
  }
  const states = (values as string[])
    .flatMap(value => value.split(','))
    .map(value => value.trim())
    .filter(value => value !== '');
  if (states.length === 0) {
    throw new InputError(`state is empty; ${allowed()}`);
  }
  const unknown = states.filter(state => !isState(state));
  if (unknown.length > 0) {
    throw new InputError(
      `state ${unknown.map(state => JSON.stringify(state)).join(', ')} ${
        unknown.length === 1 ? 'is' : 'are'
      } not a lifecycle state; ${allowed()}`,
    );
  }
  return [...new Set(states as DataProductState[])];
}

function allowed(): string {
  return `allowed values are ${DATA_PRODUCT_STATES.join(
    ', ',
  )} (comma-separated for several)`;
}

function isState(value: string): value is DataProductState {
  return (DATA_PRODUCT_STATES as readonly string[]).includes(value);
}
