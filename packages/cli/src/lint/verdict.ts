import {
  DataProductState,
  RuleContext,
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
 * `context` is what the processor reads from the catalog, here from the
 * loaded files (the superseded product's contract).
 */
export function verdict(
  entity: unknown,
  policy: StockroomPolicy,
  now: Date,
  context: RuleContext = {},
): Verdict {
  const judgement = judgeDataProduct(entity, policy, now, context);
  return {
    state: judgement.state,
    expiresOn: judgement.expiresOn,
    findings: judgement.findings,
    blocked: judgement.blocking.length > 0,
  };
}
