import { canonicalContract } from './canonicalContract';
import { canonicalJson } from './canonicalJson';
import type { NormalizedContract } from './types';

/**
 * A stable fingerprint of a contract: 16 hex digits of 64-bit FNV-1a over
 * the UTF-8 of its canonical JSON (keys sorted, defaults left out), so it
 * changes exactly when the contract does, whatever the key order or the
 * authoring format. The backend's contract history keys versions by it.
 *
 * @public
 */
export function contractFingerprint(contract: NormalizedContract): string {
  return fnv1a64(
    new TextEncoder().encode(canonicalJson(canonicalContract(contract))),
  );
}

/**
 * FNV-1a, 64 bit, in four 16-bit limbs: plain numbers rather than `crypto`
 * (the package runs in the browser) or BigInt (a hundred times slower, and
 * the backend fingerprints every product on every refresh). It tells
 * contract versions apart; it is not a security hash.
 */
export function fnv1a64(bytes: Uint8Array): string {
  // offset basis 0xcbf29ce484222325, least significant limb first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    // × prime 0x100000001b3 = 2^40 + 0x1b3: the 2^40 part shifts two limbs
    // up and multiplies by 0x100.
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + h0 * 0x100;
    let t3 = h3 * 0x1b3 + h1 * 0x100;
    t1 += t0 >>> 16;
    t2 += t1 >>> 16;
    t3 += t2 >>> 16;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0]
    .map(limb => limb.toString(16).padStart(4, '0'))
    .join('');
}
