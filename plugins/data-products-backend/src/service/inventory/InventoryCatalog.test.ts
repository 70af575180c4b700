import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DEFAULT_POLICY } from '@stockroom/plugin-data-products-common';
import { NOW, catalogEntity } from './__testUtils__/inventoryApp';
import { InventoryCatalog } from './InventoryCatalog';

type Read = {
  credentials: unknown;
  resolve: (entities: Entity[]) => void;
  reject: (error: Error) => void;
};

/**
 * A catalog whose reads finish when the test says, each answering one page
 * of the entities given to `resolve`.
 */
function controlledCatalog() {
  const reads: Read[] = [];
  const catalog = {
    streamEntities(_request: unknown, options: { credentials: unknown }) {
      let resolve!: Read['resolve'];
      let reject!: Read['reject'];
      const page = new Promise<Entity[]>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      reads.push({ credentials: options.credentials, resolve, reject });
      return (async function* stream() {
        yield await page;
      })();
    },
  } as unknown as CatalogService;
  return { catalog, reads };
}

const product = (name: string) =>
  catalogEntity({ name, category: 'core-entity', owner: 'team-a' });

/** Lets settled reads and their handlers run. */
const flush = () => new Promise(resolve => setImmediate(resolve));

describe('InventoryCatalog', () => {
  function setup(options: { ttlMs?: number; maxStaleMs?: number } = {}) {
    const clock = { ms: 1_000_000 };
    const { catalog, reads } = controlledCatalog();
    const inventory = new InventoryCatalog({
      catalog,
      policy: DEFAULT_POLICY,
      monotonicNow: () => clock.ms,
      ...options,
    });
    const names = async (
      credentials = mockCredentials.user(),
    ): Promise<string[]> =>
      (await inventory.products(credentials, NOW)).map(p => p.name);
    return { clock, reads, inventory, names };
  }

  it('reads once for concurrent requests of one caller and serves the read while fresh', async () => {
    const { clock, reads, names } = setup();
    const first = names();
    const second = names();
    await flush();
    expect(reads).toHaveLength(1);
    reads[0].resolve([product('a')]);
    await expect(first).resolves.toEqual(['a']);
    await expect(second).resolves.toEqual(['a']);

    clock.ms += 4_999;
    await expect(names()).resolves.toEqual(['a']);
    expect(reads).toHaveLength(1);
  });

  it('reads with each caller’s own credentials, never sharing a read between callers', async () => {
    const { reads, names } = setup();
    const ada = mockCredentials.user('user:default/ada');
    const bob = mockCredentials.user('user:default/bob');
    const forAda = names(ada);
    const forBob = names(bob);
    await flush();
    expect(reads.map(r => r.credentials)).toEqual([ada, bob]);
    reads[0].resolve([product('a'), product('secret')]);
    reads[1].resolve([product('a')]);
    await expect(forAda).resolves.toEqual(['a', 'secret']);
    await expect(forBob).resolves.toEqual(['a']);
  });

  it('serves an expired read at once while one background read replaces it', async () => {
    const { clock, reads, names } = setup();
    const first = names();
    await flush();
    reads[0].resolve([product('a')]);
    await first;

    clock.ms += 5_000;
    // stale: answered from the old read, a new one starts
    await expect(names()).resolves.toEqual(['a']);
    await expect(names()).resolves.toEqual(['a']);
    expect(reads).toHaveLength(2);
    expect(reads[1].credentials).toEqual(mockCredentials.user());

    reads[1].resolve([product('a'), product('b')]);
    await flush();
    await expect(names()).resolves.toEqual(['a', 'b']);
    // the new read is fresh from when it started
    clock.ms += 4_999;
    await expect(names()).resolves.toEqual(['a', 'b']);
    expect(reads).toHaveLength(2);
  });

  it('waits for a new read once the old one is older than the staleness limit', async () => {
    const { clock, reads, names } = setup({ maxStaleMs: 60_000 });
    const first = names();
    await flush();
    reads[0].resolve([product('a')]);
    await first;

    clock.ms += 60_000;
    let answered = false;
    const late = names().then(result => {
      answered = true;
      return result;
    });
    await flush();
    expect(answered).toBe(false);
    expect(reads).toHaveLength(2);
    reads[1].resolve([product('b')]);
    await expect(late).resolves.toEqual(['b']);
  });

  it('waits for a refresh under way rather than starting another once too old', async () => {
    const { clock, reads, names } = setup({ maxStaleMs: 60_000 });
    const first = names();
    await flush();
    reads[0].resolve([product('a')]);
    await first;

    clock.ms += 10_000;
    await expect(names()).resolves.toEqual(['a']); // starts the refresh
    clock.ms += 60_000;
    const late = names();
    await flush();
    expect(reads).toHaveLength(2);
    reads[1].resolve([product('b')]);
    await expect(late).resolves.toEqual(['b']);
  });

  it('keeps serving the stale read when the background read fails, and tries again', async () => {
    const { clock, reads, names } = setup();
    const first = names();
    await flush();
    reads[0].resolve([product('a')]);
    await first;

    clock.ms += 6_000;
    await expect(names()).resolves.toEqual(['a']);
    reads[1].reject(new Error('catalog down'));
    await flush();
    await expect(names()).resolves.toEqual(['a']);
    expect(reads).toHaveLength(3);
    reads[2].resolve([product('c')]);
    await flush();
    await expect(names()).resolves.toEqual(['c']);
  });

  it('does not keep a failed first read', async () => {
    const { reads, names } = setup();
    const first = names();
    await flush();
    reads[0].reject(new Error('catalog down'));
    await expect(first).rejects.toThrow('catalog down');
    const again = names();
    await flush();
    expect(reads).toHaveLength(2);
    reads[1].resolve([product('a')]);
    await expect(again).resolves.toEqual(['a']);
  });

  it('serves nothing stale when the staleness limit is the TTL', async () => {
    const { clock, reads, names } = setup({ ttlMs: 5_000, maxStaleMs: 0 });
    const first = names();
    await flush();
    reads[0].resolve([product('a')]);
    await first;
    clock.ms += 5_000;
    const second = names();
    await flush();
    expect(reads).toHaveLength(2);
    reads[1].resolve([product('b')]);
    await expect(second).resolves.toEqual(['b']);
  });

  it('reads on every request with a TTL of 0', async () => {
    const { reads, names } = setup({ ttlMs: 0 });
    const first = names();
    const second = names();
    await flush();
    expect(reads).toHaveLength(2);
    reads[0].resolve([product('a')]);
    reads[1].resolve([product('a')]);
    await expect(first).resolves.toEqual(['a']);
    await expect(second).resolves.toEqual(['a']);
  });
});
