import { inlineYaml } from './inlineYaml';

describe('inlineYaml', () => {
  it.each([
    ['group:identity-platform', 'group:identity-platform'],
    ['snowflake://acme/DB.T', 'snowflake://acme/DB.T'],
    ['#identity-oncall', '"#identity-oncall"'],
    ['2.1', '"2.1"'],
    ['true', '"true"'],
    ['a: b', '"a: b"'],
    ['', '""'],
    [4200, '4200'],
    [true, 'true'],
    [['a', 'b'], '[a, b]'],
    [
      { name: 'customer_id', type: 'string' },
      '{ name: customer_id, type: string }',
    ],
    [{ stage: 'active', tags: ['x, y'] }, '{ stage: active, tags: ["x, y"] }'],
  ])('writes %j as %s', (value, yaml) => {
    expect(inlineYaml(value)).toBe(yaml);
  });
});
