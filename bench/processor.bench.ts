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
import {
  DataProductProcessor,
  dataProductRelations,
} from '@stockroom/plugin-catalog-backend-module-data-products';
import {
  DEFAULT_POLICY,
  evaluateDataProduct,
  judgeDataProduct,
  validateDataProduct,
} from '@stockroom/plugin-data-products-common';
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

/** Microseconds per entity of each stage of our processor, to say where time goes. */
function stageBreakdown(entities: any[]) {
  const now = new Date('2026-11-25T12:00:00Z');
  const stage = (f: (e: any) => unknown) => {
    f(entities[0]);
    const start = process.hrtime.bigint();
    for (const e of entities) f(e);
    return Number(process.hrtime.bigint() - start) / 1e3 / entities.length;
  };
  return {
    validate: stage(e => validateDataProduct(e)),
    rules: stage(e => evaluateDataProduct(e, DEFAULT_POLICY, now)),
    judge: stage(e => judgeDataProduct(e, DEFAULT_POLICY, now)),
    relations: stage(e => dataProductRelations(e)),
  };
}

/** Issue 1/5's definition: schema validation and relations, without the category rules. */
async function validateAndRelate(entities: Entity[]) {
  let relations = 0;
  const start = process.hrtime.bigint();
  for (const entity of entities) {
    if (validateDataProduct(entity).length) throw new Error('invalid');
    relations += dataProductRelations(entity as any).length * 2;
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, relations };
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
  const lean: number[] = [];
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
    global.gc?.();
    const c = await validateAndRelate(products.map(e => structuredClone(e)));
    lean.push(c.seconds);
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
  const leanRate = n / median(lean);
  const leanRatio = median(lean) / median(comp);
  const verdict = ratio <= 1.1 ? 'meets' : 'misses';
  const leanVerdict = leanRatio <= 1.1 ? 'meets' : 'misses';
  const stages = stageBreakdown(products);
  const compUs = (median(comp) / n) * 1e6;
  const lines = [
    '# Benchmark: catalog processor',
    '',
    `N = ${fmt(
      n,
    )} entities of each kind, ${rounds} alternating rounds, median reported.`,
    '',
    '| | entities/s | relations emitted |',
    '|---|---:|---:|',
    `| DataProduct, full processor (validate + category rules + state + relations) | ${fmt(
      dpRate,
    )} | ${fmt(dpRelations)} |`,
    `| DataProduct, validate + relations only (no category rules) | ${fmt(
      leanRate,
    )} | |`,
    `| Component (BuiltinKindsEntityProcessor: validate + relations) | ${fmt(
      compRate,
    )} | ${fmt(compRelations)} |`,
    '',
    `**Cost ratio DataProduct/Component, full processor: ${fmt(
      ratio,
      2,
    )}** (target ≤ 1.10: ${verdict}).`,
    '',
    `Cost ratio for validate + relations only: ${fmt(
      leanRatio,
      2,
    )} (${leanVerdict}).`,
    '',
    '## Where the time goes (µs per entity)',
    '',
    '| stage | µs |',
    '|---|---:|',
    `| DataProduct: JSON-schema validation + semantic checks (ajv) | ${fmt(
      stages.validate,
      2,
    )} |`,
    `| DataProduct: category rules + lifecycle state (evaluateDataProduct) | ${fmt(
      stages.rules,
      2,
    )} |`,
    `| DataProduct: relation derivation (parseEntityRef per ref) | ${fmt(
      stages.relations,
      2,
    )} |`,
    `| DataProduct: the whole verdict (judgeDataProduct: schema + contract + rules) | ${fmt(
      stages.judge,
      2,
    )} |`,
    `| Component: whole built-in processing | ${fmt(compUs, 2)} |`,
    '',
    'A DataProduct carries several times the data of a Component (a described schema, SLA, lineage,',
    'access patterns, escalation, quality, cost) and is checked against ten category rules that',
    'Components do not have; see the stage table for where the extra time goes.',
    '',
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  console.log(
    `\nDataProduct (full processor):          ${fmt(dpRate)} entities/s`,
  );
  console.log(
    `DataProduct (validate+relations only):  ${fmt(leanRate)} entities/s`,
  );
  console.log(
    `Component (built-in):                   ${fmt(compRate)} entities/s`,
  );
  console.log(
    `cost ratio DataProduct/Component: ${fmt(
      ratio,
      2,
    )} full processor (target <= 1.10: ${verdict}); ${fmt(
      leanRatio,
      2,
    )} validate+relations only`,
  );
  console.log(
    `where the time goes (us/entity): validate ${fmt(
      stages.validate,
      2,
    )}, rules ${fmt(stages.rules, 2)}, relations ${fmt(
      stages.relations,
      2,
    )}; Component total ${fmt(compUs, 2)}`,
  );
  writeReport('processor', lines.join('\n'), {
    n,
    rounds,
    dpRate,
    compRate,
    ratio,
    leanRate,
    leanRatio,
    stages,
    dpRelations,
    compRelations,
  });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
