import {
  AVAILABILITY_PATTERN,
  CURRENCY_PATTERN,
  ENTITY_REF_PATTERN,
  NON_BLANK_PATTERN,
  SEMVER_PATTERN,
} from './patterns';

// Compiled as ajv compiles schema patterns: with the `u` flag.
const matches = (pattern: string, text: string) =>
  new RegExp(pattern, 'u').test(text);

describe('ENTITY_REF_PATTERN', () => {
  it.each([
    'group:identity-platform',
    'group:default/identity-platform',
    'dataproduct:customer-identity-v2',
    'api:identity-lookup',
    'customer',
    'Customer_Identity.v2',
    'x',
    'resource:team-a/segment-events',
  ])('accepts %s', text =>
    expect(matches(ENTITY_REF_PATTERN, text)).toBe(true),
  );

  it.each([
    'group:',
    ':name',
    'Group Identity',
    'a:b:c',
    'group:Default/identity',
    'group:ns/',
    '/name',
    'group:a/b/c',
    'name-',
    '-name',
    '1group:name',
    '',
  ])('rejects %j', text =>
    expect(matches(ENTITY_REF_PATTERN, text)).toBe(false),
  );
});

describe('SEMVER_PATTERN', () => {
  it.each([
    '2.1.0',
    '0.0.1',
    '10.20.30',
    '1.0.0-rc.1',
    '1.0.0-alpha.beta+exp.sha.5114f85',
    '1.0.0+20130313144700',
  ])('accepts %s', text => expect(matches(SEMVER_PATTERN, text)).toBe(true));
  it.each([
    'v2',
    '2.1',
    '2',
    '01.1.0',
    '1.0.0-',
    '1.0.0-01',
    'v2.1.0',
    '1.0.0 ',
  ])('rejects %j', text => expect(matches(SEMVER_PATTERN, text)).toBe(false));
});

describe('AVAILABILITY_PATTERN', () => {
  it.each(['99.5%', '100%', '100.0%', '0%', '99.95%'])('accepts %s', text =>
    expect(matches(AVAILABILITY_PATTERN, text)).toBe(true),
  );
  it.each(['101%', '100.5%', '99.5', '-1%', '99,5%', '.5%'])(
    'rejects %j',
    text => expect(matches(AVAILABILITY_PATTERN, text)).toBe(false),
  );
});

describe('CURRENCY_PATTERN and NON_BLANK_PATTERN', () => {
  it('accept only three capitals, and text with a visible character', () => {
    expect(matches(CURRENCY_PATTERN, 'USD')).toBe(true);
    expect(matches(CURRENCY_PATTERN, 'usd')).toBe(false);
    expect(matches(CURRENCY_PATTERN, 'EURO')).toBe(false);
    expect(matches(NON_BLANK_PATTERN, ' table ')).toBe(true);
    expect(matches(NON_BLANK_PATTERN, '   ')).toBe(false);
    expect(matches(NON_BLANK_PATTERN, '')).toBe(false);
  });
});
