/*
 * `yarn bench processor [--n 20000] [--rounds 5] [--ingest-n 10000] [--ingest-rounds 3]`
 *
 * Two measurements of what the DataProduct kind costs the catalog.
 *
 * 1. In isolation: our catalog processor (validate + rules + relations) on
 *    N synthetic DataProducts, against Backstage's BuiltinKindsEntityProcessor
 *    on N comparable Components, in the same process and run. Rounds
 *    alternate the two so neither gets a warmer JIT or a quieter machine;
 *    the median counts.
 * 2. Catalog ingestion (lib/catalogIngestion.ts): the real catalog backend on
 *    PostgreSQL ingests 10,000 DataProducts, 10,000 Components and 10,000
 *    Components carrying a DataProduct's data, each in a fresh process and
 *    a fresh database, timed until all are processed, stitched and served.
 *    `--ingest-n 0` skips it.
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
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IngestedKind, IngestionResult } from './lib/catalogIngestion';
import { fmt, machineFacts, median, option, writeReport } from './lib/report';
import { syntheticComponent, syntheticDataProduct } from './lib/synthetic';

const n = Number(option('n', '20000'));
const rounds = Number(option('rounds', '5'));
const ingestN = Number(option('ingest-n', '10000'));
const ingestRounds = Number(option('ingest-rounds', '3'));
const location: LocationSpec = {
  type: 'file',
  target: '/bench/catalog-info.yaml',
};
// The synthetic products' dates are current on this day; the processor's
// verdict depends on the day, so it is pinned (the catalog run uses dates
// relative to its own clock instead).
const NOW = new Date('2026-11-25T12:00:00Z');

// Entities are cloned 50 at a time, just before they are processed, as the
// catalog reads them from its database in small batches: cloning all N up
// front would keep N fresh objects alive through every garbage collection,
// which taxes whichever kind is bigger for the benchmark's own copies.
const BATCH = 50;

async function processAll(processor: CatalogProcessor, entities: Entity[]) {
  let relations = 0;
  const emit = (r: CatalogProcessorResult) => {
    if (r.type === 'relation') relations++;
  };
  let nanoseconds = 0n;
  for (let from = 0; from < entities.length; from += BATCH) {
    const batch = entities
      .slice(from, from + BATCH)
      .map(e => structuredClone(e));
    const start = process.hrtime.bigint();
    for (const entity of batch) {
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
    nanoseconds += process.hrtime.bigint() - start;
  }
  return { seconds: Number(nanoseconds) / 1e9, relations };
}

/** Microseconds per entity of each stage of our processor, to say where time goes. */
function stageBreakdown(entities: any[]) {
  const pass = (f: (e: any) => unknown) => {
    let nanoseconds = 0n;
    // fresh copies 50 at a time, as processAll: timed over the 20,000
    // originals, each stage read memory the processor finds in cache, and
    // a single stage came out slower than the whole processor
    for (let from = 0; from < entities.length; from += BATCH) {
      const batch = entities
        .slice(from, from + BATCH)
        .map(e => structuredClone(e));
      const start = process.hrtime.bigint();
      for (const e of batch) f(e);
      nanoseconds += process.hrtime.bigint() - start;
    }
    return Number(nanoseconds) / 1e3 / entities.length;
  };
  const stage = (f: (e: any) => unknown) => {
    // a whole pass first, so the figure is the JIT-compiled cost; then the
    // median of three, as one pass may take a collection or a busy moment
    // of the machine that doubles it
    pass(f);
    const passes = [0, 1, 2].map(() => {
      global.gc?.();
      return pass(f);
    });
    return median(passes);
  };
  return {
    validate: stage(e => validateDataProduct(e)),
    rules: stage(e => evaluateDataProduct(e, DEFAULT_POLICY, NOW)),
    judge: stage(e => judgeDataProduct(e, DEFAULT_POLICY, NOW)),
    relations: stage(e => dataProductRelations(e)),
  };
}

/** Issue 1/5's definition: schema validation and relations, without the category rules. */
async function validateAndRelate(entities: Entity[]) {
  let relations = 0;
  let nanoseconds = 0n;
  for (let from = 0; from < entities.length; from += BATCH) {
    const batch = entities
      .slice(from, from + BATCH)
      .map(e => structuredClone(e));
    const start = process.hrtime.bigint();
    for (const entity of batch) {
      if (validateDataProduct(entity).length) throw new Error('invalid');
      relations += dataProductRelations(entity as any).length * 2;
    }
    nanoseconds += process.hrtime.bigint() - start;
  }
  return { seconds: Number(nanoseconds) / 1e9, relations };
}

async function isolation() {
  const products = Array.from({ length: n }, (_, i) => syntheticDataProduct(i));
  const components = Array.from({ length: n }, (_, i) => syntheticComponent(i));
  const ours = new DataProductProcessor({ clock: () => NOW });
  const builtin = new BuiltinKindsEntityProcessor();

  // warm-up: compile schemas, let the JIT settle
  await processAll(ours, products.slice(0, 2000));
  await processAll(builtin, components.slice(0, 2000));

  const dp: number[] = [];
  const comp: number[] = [];
  // each round's DataProduct/Component ratio: the two ran a moment apart, so
  // the machine's load changed less between them than across the rounds
  const roundRatios: number[] = [];
  const lean: number[] = [];
  let dpRelations = 0;
  let compRelations = 0;
  for (let r = 0; r < rounds; r++) {
    global.gc?.();
    const a = await processAll(ours, products);
    global.gc?.();
    const b = await processAll(builtin, components);
    global.gc?.();
    const c = await validateAndRelate(products);
    lean.push(c.seconds);
    dp.push(a.seconds);
    comp.push(b.seconds);
    roundRatios.push(a.seconds / b.seconds);
    dpRelations = a.relations;
    compRelations = b.relations;
    console.log(
      `round ${r + 1}: DataProduct ${fmt(n / a.seconds)}/s, Component ${fmt(
        n / b.seconds,
      )}/s, ${fmt(a.seconds / b.seconds, 2)}× (load ${fmt(
        os.loadavg()[0],
        1,
      )})`,
    );
  }
  return {
    dpRate: n / median(dp),
    compRate: n / median(comp),
    ratio: median(dp) / median(comp),
    roundRatio: median(roundRatios),
    roundRatioRange: [Math.min(...roundRatios), Math.max(...roundRatios)],
    load: os.loadavg()[0],
    leanRate: n / median(lean),
    leanRatio: median(lean) / median(comp),
    stages: stageBreakdown(products),
    compUs: (median(comp) / n) * 1e6,
    dpUs: (median(dp) / n) * 1e6,
    dpRelations,
    compRelations,
  };
}

/** One ingestion in a fresh process (lib/catalogIngestionChild.ts). */
function ingest(kind: IngestedKind): IngestionResult {
  console.log(`catalog ingestion: ${fmt(ingestN)} × ${kind} …`);
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      path.join(__dirname, 'lib', 'catalogIngestionChild.ts'),
      kind,
      String(ingestN),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: process.env,
    },
  );
  if (child.status !== 0) {
    throw new Error(`the ${kind} ingestion failed (exit ${child.status})`);
  }
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as IngestionResult;
}

function ingestion() {
  // Components first and last when there are several rounds, so drift in
  // the machine's load falls on both sides.
  const order: IngestedKind[] = [
    'Component',
    'DataProduct',
    'ComponentSameData',
  ];
  const runs: IngestionResult[] = [];
  for (let r = 0; r < ingestRounds; r++) {
    for (const kind of r % 2 ? [...order].reverse() : order) {
      runs.push(ingest(kind));
    }
  }
  const of = (kind: IngestedKind) => runs.filter(run => run.kind === kind);
  const mid = (kind: IngestedKind, figure: keyof IngestionResult) =>
    median(of(kind).map(run => Number(run[figure])));
  const summary = (kind: IngestedKind) => ({
    processedSeconds: mid(kind, 'processedSeconds'),
    stitchedSeconds: mid(kind, 'stitchedSeconds'),
    servedSeconds: mid(kind, 'servedSeconds'),
    backendCpuSeconds: mid(kind, 'backendCpuSeconds'),
    searchRows: mid(kind, 'searchRows'),
    finalEntityBytes: mid(kind, 'finalEntityBytes'),
    relations: mid(kind, 'relations'),
  });
  const dataProduct = summary('DataProduct');
  const component = summary('Component');
  const sameData = summary('ComponentSameData');
  return {
    n: ingestN,
    rounds: ingestRounds,
    carriedFrom: undefined as string | undefined,
    runs,
    dataProduct,
    component,
    sameData,
    ratio: dataProduct.servedSeconds / component.servedSeconds,
    sameDataRatio: dataProduct.servedSeconds / sameData.servedSeconds,
    cpuRatio: dataProduct.backendCpuSeconds / component.backendCpuSeconds,
  };
}

type Ingestion = ReturnType<typeof ingestion>;

/**
 * The last report's ingestion figures, for a run that does not measure them
 * (`--ingest-n 0`): they take 25 minutes, and a change to the processor
 * alone moves them by its own cost, a fraction of a second in minutes. The
 * report says when they were measured.
 */
function lastIngestion(): Ingestion | undefined {
  const file = path.resolve(__dirname, 'reports', 'processor.json');
  if (!fs.existsSync(file)) return undefined;
  const { machine, figures } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const last = figures?.ingestion;
  if (!last) return undefined;
  return {
    n: last.n,
    rounds: last.rounds,
    // a report carried over already says when it was measured
    carriedFrom: last.measuredOn ?? machine.date,
    runs: last.runs,
    dataProduct: last.dataProduct,
    component: last.component,
    sameData: last.componentSameData,
    ratio: last.ratio,
    sameDataRatio: last.sameDataRatio,
    cpuRatio: last.cpuRatio,
  };
}

const verdict = (ratio: number, goal: number) =>
  `${ratio <= goal ? 'meets' : 'misses'} the goal of ≤ ${fmt(goal, 1)}×`;

async function main() {
  const iso = await isolation();
  const ing = ingestN > 0 ? ingestion() : lastIngestion();
  const { stages } = iso;
  const ingestionLines = ing
    ? [
        '## Catalog ingestion (real catalog backend, PostgreSQL)',
        '',
        ...(ing.carriedFrom
          ? [
              `Not re-run this time (\`--ingest-n 0\`): the figures of the run of ${ing.carriedFrom
                .slice(0, 16)
                .replace('T', ' ')} UTC.`,
              '',
            ]
          : []),
        `${fmt(
          ing.n,
        )} entities of one kind handed to Backstage's catalog by an entity provider`,
        `(one full mutation), with the groups, domains, systems, APIs and resources they refer to`,
        `(${ing.runs[0].supporting}, the same for every run); timed from the mutation until every entity`,
        `was processed, stitched (a final entity, nothing left in the stitch queue) and served by the`,
        `catalog's API. ${ing.rounds} run${
          ing.rounds === 1 ? '' : 's'
        } of each, each in a fresh Node process and a fresh database${
          ing.rounds > 1 ? ', median reported' : ''
        }.`,
        '',
        '| | processed (s) | stitched (s) | served (s) | backend CPU (s) | stored entity (bytes) | search rows | relations |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        ...(
          [
            ['DataProduct', ing.dataProduct],
            [
              'Component (synthetic.ts: same owners and systems)',
              ing.component,
            ],
            ['Component carrying a DataProduct’s data', ing.sameData],
          ] as const
        ).map(
          ([label, s]) =>
            `| ${label} | ${fmt(s.processedSeconds, 1)} | ${fmt(
              s.stitchedSeconds,
              1,
            )} | ${fmt(s.servedSeconds, 1)} | ${fmt(
              s.backendCpuSeconds,
              1,
            )} | ${fmt(s.finalEntityBytes)} | ${fmt(s.searchRows)} | ${fmt(
              s.relations,
            )} |`,
        ),
        '',
        `**DataProduct / Component, served: ${fmt(ing.ratio, 2)}×** (${verdict(
          ing.ratio,
          1.1,
        )}).`,
        '',
        `DataProduct / Component carrying the same data: ${fmt(
          ing.sameDataRatio,
          2,
        )}×. CPU of the backend process (the catalog and our module, not PostgreSQL), DataProduct /`,
        `Component: ${fmt(ing.cpuRatio, 2)}×.`,
        '',
        'Every run, in the order run (wall times on a shared machine vary with its load):',
        '',
        '| run | kind | load at start | processed (s) | stitched (s) | served (s) | backend CPU (s) |',
        '|---:|---|---:|---:|---:|---:|---:|',
        ...ing.runs.map(
          (run, i) =>
            `| ${i + 1} | ${run.kind} | ${fmt(run.loadAtStart, 1)} | ${fmt(
              run.processedSeconds,
              1,
            )} | ${fmt(run.stitchedSeconds, 1)} | ${fmt(
              run.servedSeconds,
              1,
            )} | ${fmt(run.backendCpuSeconds, 1)} |`,
        ),
        '',
        'The catalog stores each entity whole and indexes every field value (the `search` table,',
        'one row per value): its work grows with the document, not with the kind. A synthetic',
        `DataProduct is stored in ${fmt(
          ing.dataProduct.finalEntityBytes / ing.component.finalEntityBytes,
          1,
        )}× the bytes of the synthetic Component and indexed in ${fmt(
          ing.dataProduct.searchRows / ing.component.searchRows,
          1,
        )}× the rows;`,
        'the Component carrying the same data says what the kind itself adds. Our processor',
        `costs ${fmt(iso.dpUs, 1)} µs an entity (section below): ${fmt(
          (iso.dpUs * ing.n) / 1e6,
          2,
        )} s of CPU for ${fmt(ing.n)} DataProducts, against ${fmt(
          (iso.compUs * ing.n) / 1e6,
          2,
        )} s for the built-in processor on Components.`,
        '',
        '**What is real**: Backstage’s catalog backend (`@backstage/plugin-catalog-backend`) in a',
        'backend built with `createBackend` from `@backstage/backend-defaults` (real database manager,',
        'scheduler, auth, HTTP server), Stockroom’s DataProduct module installed as its README says,',
        'PostgreSQL (a throwaway database per run, dropped after), the catalog’s processing engine,',
        'stitcher and entity API. **What is not**: the entities come from an entity provider in the',
        'same process instead of a Git host; the catalog reprocesses entities every 60 minutes instead',
        'of every 100–150 s, so a run sees the first ingestion only; there are no users, no other',
        'plugins, no permission policy (the harness reads with a static token). PostgreSQL runs on',
        'the same machine and shares its cores.',
        '',
      ]
    : [
        '## Catalog ingestion',
        '',
        'Not measured in this run (`--ingest-n 0`).',
        '',
      ];
  const lines = [
    '# Benchmark: catalog processor and catalog ingestion',
    '',
    'Run: `yarn bench processor` (about 25 minutes on 2 cores: the isolation rounds, then three',
    'rounds of three ingestions of 10,000 entities). `--n` and `--rounds` set the isolation part, `--ingest-n`',
    'and `--ingest-rounds` the ingestion part (`--ingest-n 0` skips it and keeps the last report’s figures). PostgreSQL at',
    '`BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` (default',
    '`postgresql://postgres@127.0.0.1:5432`) is needed for the ingestion.',
    '',
    ...ingestionLines,
    '## The processor in isolation',
    '',
    `N = ${fmt(
      n,
    )} entities of each kind, ${rounds} alternating rounds, median reported. Each processor gets`,
    `fresh copies, cloned ${BATCH} at a time just before they are processed (the clock runs only`,
    'while they are); nothing else is mocked: these are the processors the catalog runs.',
    '',
    '| | entities/s | µs/entity | relations emitted |',
    '|---|---:|---:|---:|',
    `| DataProduct, full processor (validate + category rules + state + relations) | ${fmt(
      iso.dpRate,
    )} | ${fmt(iso.dpUs, 2)} | ${fmt(iso.dpRelations)} |`,
    `| DataProduct, validate + relations only (no category rules) | ${fmt(
      iso.leanRate,
    )} | ${fmt(1e6 / iso.leanRate, 2)} | |`,
    `| Component (BuiltinKindsEntityProcessor: validate + relations) | ${fmt(
      iso.compRate,
    )} | ${fmt(iso.compUs, 2)} | ${fmt(iso.compRelations)} |`,
    '',
    `**Cost ratio DataProduct/Component, full processor: ${fmt(
      iso.ratio,
      2,
    )}×** (${verdict(iso.ratio, 2)}).`,
    '',
    `Median of the ${rounds} rounds’ own ratios (each pair a moment apart): ${fmt(
      iso.roundRatio,
      2,
    )}× (${fmt(iso.roundRatioRange[0], 2)}–${fmt(
      iso.roundRatioRange[1],
      2,
    )}×); load average ${fmt(iso.load, 1)} at the end of the rounds.`,
    '',
    `Cost ratio for validate + relations only: ${fmt(iso.leanRatio, 2)}×.`,
    '',
    '### Where the time goes (µs per entity)',
    '',
    '| stage | µs |',
    '|---|---:|',
    `| DataProduct: limits, prototype keys, JSON-schema validation, semantic checks | ${fmt(
      stages.validate,
      2,
    )} |`,
    `| DataProduct: category rules + lifecycle state (evaluateDataProduct) | ${fmt(
      stages.rules,
      2,
    )} |`,
    `| DataProduct: relation derivation | ${fmt(stages.relations, 2)} |`,
    `| DataProduct: the whole verdict (judgeDataProduct: schema + contract + rules) | ${fmt(
      stages.judge,
      2,
    )} |`,
    `| Component: whole built-in processing | ${fmt(iso.compUs, 2)} |`,
    '',
    'A DataProduct carries several times the data of a Component (a described schema, SLA, lineage,',
    'access patterns, escalation, quality, cost) and is checked against ten category rules that',
    'Components do not have. The processor validates each entity once per processing (the verdict',
    'is shared by validateEntityKind and postProcessEntity and, for the two rules that read the',
    'catalog, judged again without validating again), compiles its schema once per process, and',
    'maps an ODCS contract once. A valid entity is checked by the quick schema validator only',
    '(first error, no error data, no regular expression for a text that starts with a printable',
    'character); the exact one runs only on failure, so every message is the exact one’s.',
    '',
    'What is left: of the validation stage, the JSON-schema check itself (every field of the',
    'document: types, lengths, enums, seven kinds of pattern) is about two thirds, the walk that',
    'bounds size and depth and refuses prototype keys a quarter, the cross-field checks the rest',
    '(each timed alone on 2026-12-04). After the stages above come the computed metadata and the',
    'catalog shape, the relations emitted, and the two awaits per entity of the catalog’s processor',
    'interface. None repeats another’s work.',
    '',
    'Before #15 item 6 (54af6e3) the committed report said 4.02×, measured with all copies cloned',
    'up front, so the timed loop also paid the garbage collector for the benchmark’s own copies',
    '(8.0× that way on this machine on the day). Measured as here, alternately with this code on',
    'the same machine, that code took 57–84 µs a DataProduct, 11–16× a Component; that item’s',
    'code 19–21 µs, 4.0× in those runs.',
    '',
    'Then the report said 4.03× (27.2 µs; 3.85× and 19.9 µs in a run of 2026-12-04 before the',
    'next change). The item “catalog cost users feel” cut what the processor repeated for every',
    'entity: the schema’s non-blank check ran a regular expression on every text (now only on a',
    'text that does not start with a printable ASCII character), the expiry was evaluated twice',
    '(for the state and for auto-expiry), dates were parsed with a regular expression and turned',
    'into days through their calendar fields, rules wrote their messages and lists before knowing',
    'whether they had a finding, relations built and lowercased a key per ref to find duplicates,',
    'the size walk searched a list per key and wrote out every number, and the processor awaited',
    'plain values. Measured alternately in one process with the code before it and the built-in',
    'processor (15 rounds of 20,000, load 1.9–2.8, medians): 16.6 µs a DataProduct before, 9.2 µs',
    'after (0.55 of before), 3.4 µs a Component: 4.9× and 2.7× a Component in that process (4.6×',
    'and 2.7× by the fastest rounds); alone, this code measures as in the table above. Every error message',
    'is unchanged: when the change was made, both versions’ verdicts and processor output were',
    'compared on 36,000 mutated products, and found identical.',
    '',
    'The machine has 2 cores shared with other work (other agents, PostgreSQL): figures vary by',
    '±30 % from run to run; ratios of interleaved rounds vary less than absolute figures.',
    '',
    `Machine: ${Object.entries(machineFacts())
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  console.log(
    `\nisolation: DataProduct ${fmt(iso.dpUs, 2)} us, Component ${fmt(
      iso.compUs,
      2,
    )} us: ${fmt(iso.ratio, 2)}x (${verdict(iso.ratio, 2)})`,
  );
  if (ing) {
    console.log(
      `ingestion: DataProduct ${fmt(
        ing.dataProduct.servedSeconds,
        1,
      )} s, Component ${fmt(ing.component.servedSeconds, 1)} s: ${fmt(
        ing.ratio,
        2,
      )}x (${verdict(ing.ratio, 1.1)}); Component with the same data ${fmt(
        ing.sameData.servedSeconds,
        1,
      )} s: ${fmt(ing.sameDataRatio, 2)}x`,
    );
  }
  writeReport('processor', lines.join('\n'), {
    n,
    rounds,
    dpRate: iso.dpRate,
    compRate: iso.compRate,
    ratio: iso.ratio,
    roundRatio: iso.roundRatio,
    load: iso.load,
    leanRate: iso.leanRate,
    leanRatio: iso.leanRatio,
    stages,
    dpRelations: iso.dpRelations,
    compRelations: iso.compRelations,
    ingestion: ing
      ? {
          n: ing.n,
          rounds: ing.rounds,
          measuredOn: ing.carriedFrom,
          dataProduct: ing.dataProduct,
          component: ing.component,
          componentSameData: ing.sameData,
          ratio: ing.ratio,
          sameDataRatio: ing.sameDataRatio,
          cpuRatio: ing.cpuRatio,
          runs: ing.runs,
        }
      : null,
  });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
