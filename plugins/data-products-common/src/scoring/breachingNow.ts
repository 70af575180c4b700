/**
 * Whether a product breaches its SLA now, judged from its latest scores:
 *
 * - freshness 3 or lower: the scoring window's measured P95 lag is beyond
 *   the promised p95 (a 5 and a 4 both need P95 ≤ p95), or
 * - reliability 2 or lower: more SLA breaches (failed runs, and runs later
 *   than the p99 SLA, p95 when no p99) than the reliability ladder allows a
 *   3 (50 per 1,000 runs by default).
 *
 * Unknown scores never breach. The inventory's "breaching now" filter and
 * tile ask this, so the rule lives with the scores it reads.
 *
 * @public
 */
export function isBreachingNow(scores: {
  freshness: number | null;
  reliability: number | null;
}): boolean {
  return (
    (scores.freshness !== null && scores.freshness <= 3) ||
    (scores.reliability !== null && scores.reliability <= 2)
  );
}
