/*
 * DataProduct YAML for tests, written as owners write it (comments, flow
 * lists, unquoted dates). Line numbers matter to the github-format tests:
 * keep CORE_ENTITY's layout stable.
 */

export const CORE_ENTITY = `# A core entity, valid and complete.
apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: orders-core
  description: One row per order.
spec:
  type: table
  category: core-entity
  owner: group:commerce-eng
  version: 1.2.0
  lifecycle:
    stage: active
    createdOn: 2026-01-10
  contract:
    schema:
      - name: order_id
        type: uuid
        description: Order id, unique.
        key: primary
        required: true
      - name: status
        type: string
        description: Current status.
    freshness:
      p95: 15m
      p99: 45m
      tier: micro-batch
    escalation:
      channel: "#commerce-data"
      onCall: pagerduty:commerce-primary
`;

export const CONVENIENCE_VIEW = `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: weekly-cohorts   # the name owners search for
spec:
  type: view
  category: convenience-view
  owner: group:growth-analytics
  lifecycle:
    stage: active   # stays active; expiry is computed
    createdOn: 2026-06-02
    renewedOn: 2026-08-31      # + 90 days = 2026-11-29

    # kept for the record
    supersedes: dataproduct:cohorts-v0
  contract:
    schema: [{ name: week, type: date, description: Monday of the week. }]
`;

export const SHARED_MART = `apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: attribution
spec:
  type: table
  category: shared-mart
  owner: group:marketing-analytics
  version: 2.0.0
  lifecycle:
    stage: active
    createdOn: 2026-01-10
    reviewedOn: 2026-10-15
  contract:
    freshness: { p95: 2h }
    escalation: { channel: "#marketing-data" }
`;

export const COMPONENT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
spec:
  type: service
  lifecycle: production
  owner: group:commerce-eng
`;

/** `CORE_ENTITY` with one text replacement, for variants that break one rule. */
export function coreEntityWith(search: string | RegExp, replace: string) {
  const text = CORE_ENTITY.replace(search, replace);
  if (text === CORE_ENTITY) {
    throw new Error(`fixture edit did not apply: ${search}`);
  }
  return text;
}
