import { coreEntity, sharedMart } from '../__fixtures__/entities';
import { CORE, MART, VIEW } from '../__fixtures__/policies';
import { checkRetireWhenConsumersMoved } from './retire-when-consumers-moved';

const retiredCore = coreEntity(e => {
  e.spec.lifecycle.stage = 'retired';
  e.spec.lifecycle.successor = 'dataproduct:customer-identity-v3';
});

describe('retire-when-consumers-moved', () => {
  it('blocks a retired core entity that consumers still depend on, naming them', () => {
    expect(
      checkRetireWhenConsumersMoved(retiredCore, CORE, {
        dependents: ['component:default/checkout', 'dataproduct:default/churn'],
      }),
    ).toEqual([
      {
        ruleId: 'retire-when-consumers-moved',
        severity: 'error',
        path: 'spec.lifecycle.stage',
        message:
          'spec.lifecycle.stage is retired, but 2 catalog entities still depend on it (dependsOn): component:default/checkout, dataproduct:default/churn — move them to dataproduct:customer-identity-v3 first and keep `stage: deprecated` with a `sunsetOn` until then',
        hint: 'Retiring a product its consumers still depend on breaks them; the sunset date is for moving them first. See docs/categories-and-lifecycle.md#retire-when-consumers-moved.',
      },
    ]);
  });

  it('passes once every consumer moved, and any stage but retired', () => {
    expect(
      checkRetireWhenConsumersMoved(retiredCore, CORE, { dependents: [] }),
    ).toEqual([]);
    expect(
      checkRetireWhenConsumersMoved(
        coreEntity(e => void (e.spec.lifecycle.stage = 'deprecated')),
        CORE,
        { dependents: ['component:default/checkout'] },
      ),
    ).toEqual([]);
  });

  it('warns on a shared mart, says nothing where the rule is off', () => {
    const mart = sharedMart(e => void (e.spec.lifecycle.stage = 'retired'));
    expect(
      checkRetireWhenConsumersMoved(mart, MART, {
        dependents: ['component:default/finance-dashboard'],
      }),
    ).toMatchObject([
      {
        severity: 'warning',
        message:
          'spec.lifecycle.stage is retired, but 1 catalog entity still depends on it (dependsOn): component:default/finance-dashboard — move them first and keep `stage: deprecated` with a `sunsetOn` until then',
      },
    ]);
    expect(
      checkRetireWhenConsumersMoved(mart, VIEW, {
        dependents: ['component:default/finance-dashboard'],
      }),
    ).toEqual([]);
  });

  it('is skipped when the caller does not know the dependents', () => {
    expect(checkRetireWhenConsumersMoved(retiredCore, CORE, {})).toEqual([]);
  });

  it('names twenty dependents and counts the rest', () => {
    const dependents = Array.from(
      { length: 23 },
      (_, i) => `component:default/app-${i + 1}`,
    );
    const [finding] = checkRetireWhenConsumersMoved(retiredCore, CORE, {
      dependents,
    });
    expect(finding.message).toContain(
      '23 catalog entities still depend on it (dependsOn): component:default/app-1,',
    );
    expect(finding.message).toContain(
      'component:default/app-20 … (3 more) — move them',
    );
    expect(finding.message).not.toContain('app-21');
  });
});
