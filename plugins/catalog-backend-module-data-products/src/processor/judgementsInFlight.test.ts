import { Entity } from '@backstage/catalog-model';
import { JudgementsInFlight } from './judgementsInFlight';

const entity = (name: string): Entity => ({
  apiVersion: 'stockroom.io/v1alpha1',
  kind: 'DataProduct',
  metadata: { name },
});

describe('JudgementsInFlight', () => {
  it('gives a kept judgement back once, for that very entity object', () => {
    const kept = new JudgementsInFlight<string>();
    const a = entity('a');
    kept.keep(a, 'judged a');
    expect(kept.take(entity('a'))).toBeUndefined(); // an equal copy is another entity
    expect(kept.take(a)).toBe('judged a');
    expect(kept.take(a)).toBeUndefined();
  });

  it('holds several entities in flight at once, in any order', () => {
    const kept = new JudgementsInFlight<string>();
    const [a, b, c] = [entity('a'), entity('b'), entity('c')];
    kept.keep(a, 'A');
    kept.keep(b, 'B');
    kept.keep(c, 'C');
    expect([kept.take(b), kept.take(a), kept.take(c)]).toEqual(['B', 'A', 'C']);
  });

  it('drops the oldest once capacity newer ones are held', () => {
    const kept = new JudgementsInFlight<string>(2);
    const [a, b, c] = [entity('a'), entity('b'), entity('c')];
    kept.keep(a, 'A');
    kept.keep(b, 'B');
    kept.keep(c, 'C');
    expect(kept.take(a)).toBeUndefined();
    expect(kept.take(b)).toBe('B');
    expect(kept.take(c)).toBe('C');
  });
});
