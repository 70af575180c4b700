/**
 * Static `externalAccess` tokens of the probe backend (probeBackend.ts),
 * each a service principal Backstage's real auth verifies.
 */
export const TOKENS = {
  /** Unrestricted, as a pipeline's token in app-config.yaml. */
  pipeline: 'probe-pipeline-token-0123456789abcdef',
  /** Restricted to stockroom.inventory.read. */
  reader: 'probe-reader-token-0123456789abcdefgh',
  /** Restricted to stockroom.run.report. */
  reporter: 'probe-reporter-token-0123456789abcdef',
} as const;

/**
 * Who a probe calls as: a token above, or a broken credential.
 * `none` sends no Authorization header; `bogus` a bearer token nobody
 * issued; `basic` the wrong scheme; `empty` "Bearer " with nothing after.
 */
export type Caller = keyof typeof TOKENS | 'none' | 'bogus' | 'basic' | 'empty';

/** The Authorization header of a caller, or undefined for none. */
export function authorizationOf(caller: Caller): string | undefined {
  switch (caller) {
    case 'none':
      return undefined;
    case 'bogus':
      return 'Bearer not-a-token-anyone-issued-0123456789';
    case 'basic':
      return `Basic ${Buffer.from('admin:admin').toString('base64')}`;
    case 'empty':
      return 'Bearer ';
    default:
      return `Bearer ${TOKENS[caller]}`;
  }
}
