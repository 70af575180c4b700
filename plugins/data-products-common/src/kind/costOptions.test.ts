import { fullDataProduct } from './__fixtures__/dataProducts';
import { validateDataProduct } from './validate';

/** The full example with these cost options. */
function problemsWith(options: unknown) {
  const entity: any = fullDataProduct();
  entity.spec.cost = { monthly: 4200, currency: 'USD', options };
  return validateDataProduct(entity);
}

describe('spec.cost.options', () => {
  it('accepts the spec’s example options', () => {
    expect(
      problemsWith([
        { tier: 'streaming', p95: '1m', monthly: 11000 },
        { tier: 'daily', p95: '1d', monthly: 900 },
      ]),
    ).toEqual([]);
  });

  it('accepts an option without a tier', () => {
    expect(problemsWith([{ p95: '10m', monthly: 6000 }])).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    [
      'a missing p95',
      [{ tier: 'streaming', monthly: 1 }],
      'spec.cost.options[0].p95',
    ],
    ['a missing monthly', [{ p95: '1m' }], 'spec.cost.options[0].monthly'],
    [
      'a negative cost',
      [{ p95: '1m', monthly: -1 }],
      'spec.cost.options[0].monthly',
    ],
    [
      'a p95 that is not a duration',
      [{ p95: 'fast', monthly: 1 }],
      'spec.cost.options[0].p95',
    ],
    [
      'an unknown tier',
      [{ tier: 'hourly', p95: '1h', monthly: 1 }],
      'spec.cost.options[0].tier',
    ],
    [
      'a misspelt field',
      [{ p95: '1m', montly: 1, monthly: 1 }],
      'spec.cost.options[0].montly',
    ],
    ['options that are not a list', { streaming: 1 }, 'spec.cost.options'],
  ])('rejects %s, naming the field', (_, options, path) => {
    const problems = problemsWith(options);
    expect(problems.map(p => p.path)).toContain(path);
  });
});
