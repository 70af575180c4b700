import { NOW, coreEntity } from '../__fixtures__/entities';
import { CORE, MART, categoryPolicy } from '../__fixtures__/policies';
import { checkRetireWithReplacement } from './retire-with-replacement';

const retired = (successor?: string) =>
  coreEntity(e => {
    e.spec.lifecycle.stage = 'retired';
    e.spec.lifecycle.successor = successor;
  });

describe('retire-with-replacement', () => {
  it('passes a retired core entity with a successor, and any stage that is not retired', () => {
    expect(
      checkRetireWithReplacement(
        retired('dataproduct:customer-identity-v3'),
        CORE,
        NOW,
      ),
    ).toEqual([]);
    expect(
      checkRetireWithReplacement(
        coreEntity(e => void (e.spec.lifecycle.stage = 'deprecated')),
        CORE,
        NOW,
      ),
    ).toEqual([]);
  });

  it('blocks a retired core entity without one', () => {
    expect(checkRetireWithReplacement(retired(undefined), CORE, NOW)).toEqual([
      {
        ruleId: 'retire-with-replacement',
        severity: 'error',
        path: 'spec.lifecycle.successor',
        message:
          'spec.lifecycle.successor is missing: retired core entities name the product that replaces them — add e.g. `successor: dataproduct:customer-identity-v3`',
        hint: 'Consumers of a retired product land on its page looking for what to use instead. See docs/categories-and-lifecycle.md#retire-with-replacement.',
      },
    ]);
  });

  it('does not apply to shared marts by default, and warns when switched to warn', () => {
    expect(checkRetireWithReplacement(retired(undefined), MART, NOW)).toEqual(
      [],
    );
    expect(
      checkRetireWithReplacement(
        retired(''),
        categoryPolicy('shared-mart', { 'retire-with-replacement': 'warn' }),
        NOW,
      ),
    ).toMatchObject([
      { severity: 'warning', path: 'spec.lifecycle.successor' },
    ]);
  });
});
