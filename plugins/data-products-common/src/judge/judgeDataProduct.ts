import { normalizeContract, withContract } from '../contract/normalize';
import type {
  DataProductEntityV1alpha1,
  DataProductState,
} from '../kind/types';
import { fromCatalogShape } from '../kind/catalogShape';
import type { ValidationProblem } from '../kind/problem';
import { validateDataProduct } from '../kind/validate';
import { evaluateDataProduct } from '../policy/evaluateDataProduct';
import { bySeverity } from '../policy/severity';
import type { Finding, RuleContext, StockroomPolicy } from '../policy/types';

/**
 * Everything Stockroom decides about one DataProduct document on one day.
 *
 * @public
 */
export interface Judgement {
  /** null when the document is schema-invalid: no rule ran. */
  state: DataProductState | null;
  expiresOn: string | null;
  /** Schema problems (rule `schema`), ODCS mapping findings and rule findings; errors first. */
  findings: Finding[];
  /** The findings that make the catalog reject the entity (every `error`). */
  blocking: Finding[];
}

/**
 * The single verdict every surface gives: the schema check first (a
 * schema-invalid document gets no state), then the contract normalized (an
 * ODCS document mapped, explicit fields winning) and the category rules
 * applied at `now`. The catalog processor rejects what `blocking` holds and
 * shows the rest; the CLI prints the same list and exits 1 on `blocking`.
 * `context` carries what only the catalog knows (the contract of the
 * superseded product, the entities depending on this one): callers that
 * know it pass it, and `migration-mapping` / `retire-when-consumers-moved`
 * are skipped, with no finding, for callers that do not.
 *
 * @public
 */
export function judgeDataProduct(
  entity: unknown,
  policy: StockroomPolicy,
  now: Date,
  context: RuleContext = {},
): Judgement {
  return dataProductJudge(entity)(policy, now, context);
}

/**
 * Judges one document as {@link judgeDataProduct} does, as often as asked.
 *
 * @public
 */
export type DataProductJudge = (
  policy: StockroomPolicy,
  now: Date,
  context?: RuleContext,
) => Judgement;

/**
 * The document validated and its contract mapped now, once; judged by the
 * returned function under any policy, day and context without doing either
 * again. For a caller that judges the same document twice, as the catalog
 * processor does (without context, then with what the first verdict says
 * the catalog must be asked). The document must not change in between.
 *
 * @public
 */
export function dataProductJudge(entity: unknown): DataProductJudge {
  const problems = validateDataProduct(entity);
  if (problems.length > 0) {
    return () => {
      const findings = problems.map(schemaFinding);
      return { state: null, expiresOn: null, findings, blocking: findings };
    };
  }
  const authored = fromCatalogShape(entity as DataProductEntityV1alpha1);
  // Only an ODCS document needs mapping; explicit fields are judged as
  // written (the normalized form differs only in canonical spelling), which
  // keeps the catalog's hot path free of a full contract rewrite. An ODCS
  // document is mapped once, for its findings and the contract both.
  let judged = authored;
  let contractFindings: Finding[] = [];
  if (authored.spec.contract?.odcs !== undefined) {
    const normalized = normalizeContract(authored);
    judged = withContract(authored, normalized.contract);
    contractFindings = normalized.findings;
  }
  return (policy, now, context = {}) => {
    const evaluation = evaluateDataProduct(judged, policy, now, context);
    if (contractFindings.length === 0) {
      // nearly every product: the rule findings come sorted, and their
      // errors listed, exactly as below
      return {
        state: evaluation.state,
        expiresOn: evaluation.expiresOn ?? null,
        findings: evaluation.findings,
        blocking: evaluation.blocking,
      };
    }
    // stable sort: within a severity, mapping findings precede rule findings
    const findings = [...contractFindings, ...evaluation.findings].sort(
      bySeverity,
    );
    return {
      state: evaluation.state,
      expiresOn: evaluation.expiresOn ?? null,
      findings,
      blocking: findings.filter(finding => finding.severity === 'error'),
    };
  };
}

/** A schema problem as a finding: rule `schema`, always an error. @public */
export function schemaFinding(problem: ValidationProblem): Finding {
  return {
    ruleId: 'schema',
    severity: 'error',
    message: problem.message,
    path: problem.path,
    hint: problem.hint,
  };
}
