import {
  DataProductState,
  StockroomPolicy,
  judgeDataProduct,
} from '@stockroom/plugin-data-products-common';
import type { LintFinding } from '../documents/types';

export interface Verdict {
  state: DataProductState | null;
  expiresOn: string | null;
  findings: LintFinding[];
  /** The catalog would reject the entity. */
  blocked: boolean;
}

/**
 * The catalog processor's verdict on one entity, from the very call the
 * processor makes: `judgeDataProduct` checks the schema (problems reject
 * the entity before any rule runs, state unknown), normalizes the contract
 * (an ODCS document in `spec.contract.odcs` mapped, explicit fields
 * winning, mapping findings included) and evaluates the rules on it. Its
 * `blocking` findings reject the entity. Nothing here judges on its own.
 */
export function verdict(
  entity: unknown,
  policy: StockroomPolicy,
  now: Date,
): Verdict {
  const judgement = judgeDataProduct(entity, policy, now);
  return {
    state: judgement.state,
    expiresOn: judgement.expiresOn,
    findings: judgement.findings,
    blocked: judgement.blocking.length > 0,
  };
}
