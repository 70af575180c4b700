import { UpstreamRunsCache } from './UpstreamRunsCache';

const run = (runId: string) => ({
  runId,
  status: 'success' as const,
  finishedAt: '2026-06-01T00:00:00.000Z',
});

describe('UpstreamRunsCache', () => {
  it('reads a product once, and drops the least recently used beyond its capacity', async () => {
    const cache = new UpstreamRunsCache(2);
    const reads: string[] = [];
    const read = (key: string) => () => {
      reads.push(key);
      return Promise.resolve([run(key)]);
    };
    await cache.runs('a', read('a'));
    await cache.runs('b', read('b'));
    expect(await cache.runs('a', read('a'))).toEqual([run('a')]);
    await cache.runs('c', read('c')); // drops b, used least recently
    await cache.runs('a', read('a'));
    await cache.runs('b', read('b'));
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('forgets a failed read', async () => {
    const cache = new UpstreamRunsCache();
    await expect(
      cache.runs('a', () => Promise.reject(new Error('database gone'))),
    ).rejects.toThrow('database gone');
    expect(await cache.runs('a', () => Promise.resolve([run('a')]))).toEqual([
      run('a'),
    ]);
  });

  it('shares hops among graphs read over one window only', () => {
    const cache = new UpstreamRunsCache();
    const may = '2026-05-01T00:00:00.000Z|2026-06-01T00:00:00.000Z|success';
    const april = '2026-04-01T00:00:00.000Z|2026-05-01T00:00:00.000Z|success';
    expect(cache.hops(may)).toBe(cache.hops(may));
    // A history's products each read from their own first missing day: a
    // hop worked out over other upstream runs is not theirs.
    expect(cache.hops(april)).not.toBe(cache.hops(may));
  });
});
