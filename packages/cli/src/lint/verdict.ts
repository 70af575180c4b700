import {
  DataProductEntityV1alpha1,
  DataProductState,
  StockroomPolicy,
  ValidationProblem,
  evaluateDataProduct,
  validateDataProduct,
} from '@stockroom/plugin-data-products-common';
import type { LintFinding } from './types';

export interface Verdict {
  state: DataProductState | null;
  expiresOn: string | null;
  findings: LintFinding[];
  /** The catalog would reject the entity. */
  blocked: boolean;
}

/**
 * The catalog processor's verdict on one entity, from the same two engine
 * calls: schema problems reject it before any rule runs (state unknown);
 * otherwise `evaluateDataProduct` decides state, expiry and findings, and
 * its `blocking` findings reject it. Nothing here judges on its own.
 */
export function verdict(
  entity: unknown,
  policy: StockroomPolicy,
  now: Date,
): Verdict {
  const problems = validateDataProduct(entity);
  if (problems.length > 0) {
    return {
      state: null,
      expiresOn: null,
      findings: problems.map(schemaFinding),
      blocked: true,
    };
  }
  const evaluation = evaluateDataProduct(
    entity as DataProductEntityV1alpha1,
    policy,
    now,
  );
  return {
    state: evaluation.state,
    expiresOn: evaluation.expiresOn ?? null,
    findings: evaluation.findings,
    blocked: evaluation.blocking.length > 0,
  };
}

/** A schema problem as a finding: rule `schema`, always an error. */
export function schemaFinding(problem: ValidationProblem): LintFinding {
  return {
    ruleId: 'schema',
    severity: 'error',
    message: problem.message,
    path: problem.path,
    hint: problem.hint,
  };
}
