/**
 * Replaying the real-producer OpenLineage corpus
 * (`../__fixtures__/producers/`, see SOURCES.md there) through the real HTTP
 * endpoint, one event per request, as the OpenLineage HTTP transport sends
 * them. Only mechanics live here (reading files, a seeded shuffle, starting
 * the app, posting, reading the API): every expected value is written by
 * hand in realProducers.test.ts and derived in EXPECTED.md.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readdirSync, readFileSync } from 'fs';
import { Knex } from 'knex';
import { join } from 'path';
import request from 'supertest';
import { ScorecardService } from '../ScorecardService';
import { catalogProduct, createRunsApp, group } from './runsApp';
import { openStores } from '../../../database/openStores';

export const PRODUCERS_DIR = join(__dirname, '..', '__fixtures__', 'producers');

/** One corpus file: its name and its bytes, sent as they are. */
export interface CorpusEvent {
  file: string;
  text: string;
}

/** A producer folder's events in file-name order (= the producer's send order). */
export function loadProducer(folder: string): CorpusEvent[] {
  return readdirSync(join(PRODUCERS_DIR, folder))
    .filter(file => file.endsWith('.json'))
    .sort()
    .map(file => ({
      file,
      text: readFileSync(join(PRODUCERS_DIR, folder, file), 'utf8'),
    }));
}

/** mulberry32: a small deterministic PRNG, so a failing order can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle driven by `seed`; the input is left as it is. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A test DataProduct claiming `datasets`, owned by a group with a member. */
export function product(
  name: string,
  datasets: string,
  contract?: NonNullable<Entity['spec']>,
): Entity {
  return catalogProduct(name, {
    datasets,
    owner: 'group:default/data-team',
    ...(contract ? { contract } : {}),
  });
}

export const OWNER_GROUP = group('data-team', ['user:default/ada']);

/**
 * The runs router on a fresh store, with a scorecard service that opens
 * observed-schema drift incidents (so "no incident" means something), and a
 * clock the test moves: ingestion needs it after the newest event (times
 * more than 5 minutes ahead are refused), scoring right after the runs
 * scored (the window is 30 days).
 */
export async function startProducerApp(knex: Knex, entities: Entity[]) {
  const clock = { now: new Date() };
  const catalogEntities = [...entities, OWNER_GROUP];
  const {
    contractHistory,
    runs,
    scorecardSnapshots: snapshots,
  } = await openStores(mockServices.database({ knex }));
  const scorecards = new ScorecardService({
    catalog: catalogServiceMock({ entities: catalogEntities }),
    auth: mockServices.auth(),
    store: runs,
    snapshots,
    contractHistory,
  });
  const { app } = await createRunsApp(knex, {
    entities: catalogEntities,
    clock: () => clock.now,
    // Each case refreshes its scorecards again after a replay, at the same
    // clock: the refresh rate limit is tested on its own.
    router: { scorecards, minRefreshIntervalSeconds: 0 },
  });
  return { app, clock, contractHistory, knex };
}

export type ProducerApp = Awaited<ReturnType<typeof startProducerApp>>;

/** What became of one event, read off its reply. */
export type Outcome =
  | 'accepted'
  | 'updated'
  | 'ignored'
  | 'duplicate'
  | 'refused'
  | 'unclear';

export interface Reply {
  file: string;
  status: number;
  body: any;
  outcome: Outcome;
}

function outcomeOf(body: any): Outcome {
  const counts: Array<[Outcome, unknown]> = [
    ['accepted', body?.accepted],
    ['updated', body?.updated],
    ['ignored', body?.ignored],
    ['duplicate', body?.duplicates],
    ['refused', body?.refused],
  ];
  const hits = counts.filter(([, n]) => n === 1);
  const zeros = counts.filter(([, n]) => n === 0);
  return hits.length === 1 && zeros.length === 4 ? hits[0][0] : 'unclear';
}

/** POSTs each event alone, its bytes as the producer wrote them. */
export async function replay(
  app: ProducerApp['app'],
  events: readonly CorpusEvent[],
): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const event of events) {
    const response = await request(app)
      .post('/openlineage')
      .set('Authorization', mockCredentials.service.header())
      .set('Content-Type', 'application/json')
      .send(event.text);
    replies.push({
      file: event.file,
      status: response.status,
      body: response.body,
      outcome: outcomeOf(response.body),
    });
  }
  return replies;
}

/** `GET …/runs` of a product: its items as the API serves them. */
export async function runsOf(app: ProducerApp['app'], name: string) {
  const response = await request(app)
    .get(`/products/default/${name}/runs`)
    .set('Authorization', mockCredentials.user.header('user:default/ada'));
  if (response.status !== 200) {
    throw new Error(
      `GET runs of ${name}: ${response.status} ${JSON.stringify(
        response.body,
      )}`,
    );
  }
  return response.body.items as any[];
}

/** `POST …/scorecard/refresh` of a product: the scorecard as served. */
export async function refreshScorecard(app: ProducerApp['app'], name: string) {
  const response = await request(app)
    .post(`/products/default/${name}/scorecard/refresh`)
    .set('Authorization', mockCredentials.user.header('user:default/ada'));
  if (response.status !== 200) {
    throw new Error(
      `refresh scorecard of ${name}: ${response.status} ${JSON.stringify(
        response.body,
      )}`,
    );
  }
  return response.body;
}

/** The outcome of each file, by file name. */
export function outcomesByFile(replies: readonly Reply[]) {
  return Object.fromEntries(replies.map(r => [r.file, r.outcome]));
}

/** Sums of the reply counts over a replay. */
export function totals(replies: readonly Reply[]) {
  const sum = (key: string) =>
    replies.reduce((n, r) => n + (Number(r.body?.[key]) || 0), 0);
  return {
    accepted: sum('accepted'),
    updated: sum('updated'),
    ignored: sum('ignored'),
    duplicates: sum('duplicates'),
    refused: sum('refused'),
  };
}
