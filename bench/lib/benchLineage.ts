/**
 * The scoring benches' lineage: product i reads product i − 1 unless i is
 * a multiple of 4 (which reads only a raw source), so chains are 4 products
 * deep and each product follows on average 1.5 upstream products' runs —
 * the shape of a warehouse's staging → core → mart → view layers, rather
 * than the synthetic products' one long chain (product i reads i + 1),
 * whose walk grows with the inventory.
 */
export function benchLineage(i: number): string[] {
  return i % 4 === 0
    ? [`resource:raw-${i % 40}`]
    : [`dataproduct:product-${i - 1}`];
}
