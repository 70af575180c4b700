import type { EscalationPath } from '../../kind/types';
import { NOW, coreEntity, sharedMart } from '../__fixtures__/entities';
import { CORE, MART, categoryPolicy } from '../__fixtures__/policies';
import { checkEscalationPath } from './escalation-path';

const core = (escalation?: EscalationPath) =>
  coreEntity(e => {
    e.spec.contract!.escalation = escalation;
  });
const mart = (escalation?: EscalationPath) =>
  sharedMart(e => {
    e.spec.contract!.escalation = escalation;
  });

describe('escalation-path', () => {
  it('passes a core entity with channel and on-call, and a mart with a channel', () => {
    expect(
      checkEscalationPath(
        core({ channel: '#id', onCall: 'pagerduty:id' }),
        CORE,
        NOW,
      ),
    ).toEqual([]);
    expect(
      checkEscalationPath(mart({ channel: '#orders' }), MART, NOW),
    ).toEqual([]);
  });

  it('blocks a core entity without on-call', () => {
    expect(checkEscalationPath(core({ channel: '#id' }), CORE, NOW)).toEqual([
      {
        ruleId: 'escalation-path',
        severity: 'error',
        path: 'spec.contract.escalation.onCall',
        message:
          'spec.contract.escalation.onCall is missing: core entities name a channel and an on-call rotation — add e.g. `onCall: pagerduty:identity-primary`',
        hint: 'When the data is late or wrong, consumers must know where to ask without hunting for the team. See docs/categories-and-lifecycle.md#escalation-path.',
      },
    ]);
  });

  it('blocks a core entity without a channel or any escalation', () => {
    expect(
      checkEscalationPath(core({ onCall: 'pagerduty:id' }), CORE, NOW).map(
        f => f.path,
      ),
    ).toEqual(['spec.contract.escalation.channel']);
    expect(
      checkEscalationPath(core(undefined), CORE, NOW).map(f => [
        f.severity,
        f.path,
      ]),
    ).toEqual([
      ['error', 'spec.contract.escalation.channel'],
      ['error', 'spec.contract.escalation.onCall'],
    ]);
  });

  it('warns a mart without a channel and never asks it for on-call', () => {
    expect(
      checkEscalationPath(mart({ onCall: 'pagerduty:x' }), MART, NOW),
    ).toMatchObject([
      {
        severity: 'warning',
        path: 'spec.contract.escalation.channel',
        message:
          'spec.contract.escalation.channel is missing: shared marts name a channel consumers escalate to — add e.g. `channel: "#identity-oncall"`',
      },
    ]);
    expect(checkEscalationPath(mart(undefined), MART, NOW)).toHaveLength(1);
  });

  it('says nothing when off', () => {
    expect(
      checkEscalationPath(
        core(undefined),
        categoryPolicy('core-entity', { 'escalation-path': 'off' }),
        NOW,
      ),
    ).toEqual([]);
  });
});

describe('escalation-path follows the requireOnCall setting, not the category name', () => {
  it('asks a shared mart for an on-call rotation when its policy requires it', () => {
    expect(
      checkEscalationPath(
        mart({ channel: '#orders-data' }),
        { ...MART, requireOnCall: true },
        NOW,
      ),
    ).toMatchObject([
      {
        severity: 'warning',
        path: 'spec.contract.escalation.onCall',
        message:
          'spec.contract.escalation.onCall is missing: shared marts name a channel and an on-call rotation — add e.g. `onCall: pagerduty:identity-primary`',
      },
    ]);
  });

  it('lets a core entity go without on-call when its policy does not require it', () => {
    expect(
      checkEscalationPath(
        core({ channel: '#identity-oncall' }),
        { ...CORE, requireOnCall: false },
        NOW,
      ),
    ).toEqual([]);
  });
});
