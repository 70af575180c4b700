/*
 * `yarn bench processor [--n 20000] [--rounds 5]`
 *
 * Throughput of our catalog processor (validate + relations) on N synthetic
 * DataProducts, against Backstage's BuiltinKindsEntityProcessor on N
 * comparable Components, in the same process and run. Rounds alternate the
 * two so neither gets a warmer JIT or a quieter machine; the median counts.
 */
import { Entity } from '@backstage/catalog-model';
import { BuiltinKindsEntityProcessor } from '@backstage/plugin-catalog-backend';
import {
  CatalogProcessor,
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { DataProductProcessor } from '@stockroom/plugin-catalog-backend-module-data-products';
import { fmt, machineFacts, median, option, writeReport } from './lib/report';
import { syntheticComponent, syntheticDataProduct } from './lib/synthetic';

const n = Number(option('n', '20000'));
const rounds = Number(option('rounds', '5'));
const location: LocationSpec = {
  type: 'file',
  target: '/bench/catalog-info.yaml',
};

async function processAll(processor: CatalogProcessor, entities: Entity[]) {
  let relations = 0;
  const emit = (r: CatalogProcessorResult) => {
    if (r.type === 'relation') relations++;
  };
  const start = process.hrtime.bigint();
  for (const entity of entities) {
    if (!(await processor.validateEntityKind!(entity))) {
      throw new Error(
        `${processor.getProcessorName()} did not recognise ${
          entity.metadata.name
        }`,
      );
    }
    await processor.postProcessEntity!(
      entity,
      location,
      emit,
      undefined as any,
    );
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, relations };
}

async function main() {
  // structuredClone: each processor gets entities it may mutate (the built-in
  // one sorts arrays in place), freshly built so no run reuses another's.
  const products = Array.from({ length: n }, (_, i) => syntheticDataProduct(i));
  const components = Array.from({ length: n }, (_, i) => syntheticComponent(i));
  const ours = new DataProductProcessor();
  const builtin = new BuiltinKindsEntityProcessor();

  // warm-up: compile schemas, let the JIT settle
  await processAll(
    ours,
    products.slice(0, 2000).map(e => structuredClone(e)),
  );
  await processAll(
    builtin,
    components.slice(0, 2000).map(e => structuredClone(e)),
  );

  const dp: number[] = [];
  const comp: number[] = [];
  let dpRelations = 0;
  let compRelations = 0;
  for (let r = 0; r < rounds; r++) {
    global.gc?.();
    const a = await processAll(
      ours,
      products.map(e => structuredClone(e)),
    );
    global.gc?.();
    const b = await processAll(
      builtin,
      components.map(e => structuredClone(e)),
    );
    dp.push(a.seconds);
    comp.push(b.seconds);
    dpRelations = a.relations;
    compRelations = b.relations;
    console.log(
      `round ${r + 1}: DataProduct ${fmt(n / a.seconds)}/s, Component ${fmt(
        n / b.seconds,
      )}/s`,
    );
  }
  const dpRate = n / median(dp);
  const compRate = n / median(comp);
  const ratio = median(dp) / median(comp);
  const verdict = ratio <= 1.1 ? 'meets' : 'misses';
  const lines = [
    `# Benchmark: catalog processor`,
    '',
    `N = ${fmt(
      n,
    )} entities of each kind, ${rounds} alternating rounds, median reported.`,
    '',
    '| | entities/s | relations emitted |',
    '|---|---:|---:|',
    `| DataProduct (DataProductProcessor: validate + relations) | ${fmt(
      dpRate,
    )} | ${fmt(dpRelations)} |`,
    `| Component (BuiltinKindsEntityProcessor: validate + relations) | ${fmt(
      compRate,
    )} | ${fmt(compRelations)} |`,
    '',
    `**Cost ratio DataProduct/Component: ${fmt(
      ratio,
      2,
    )}** (target ≤ 1.10: ${verdict}).`,
    '',
    'Machine: ' +
      Object.entries(machineFacts())
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    '',
  ];
  console.log(`\nDataProduct: ${fmt(dpRate)} entities/s`);
  console.log(`Component:   ${fmt(compRate)} entities/s`);
  console.log(
    `cost ratio DataProduct/Component: ${fmt(
      ratio,
      2,
    )} (target <= 1.10: ${verdict})`,
  );
  writeReport('processor', lines.join('\n'), {
    n,
    rounds,
    dpRate,
    compRate,
    ratio,
    dpRelations,
    compRelations,
  });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
