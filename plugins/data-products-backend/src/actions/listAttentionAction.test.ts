import {
  ActionsBackend,
  startActionsBackend,
} from './__testUtils__/actionsBackend';

jest.setTimeout(120_000);

/*
 * On 2026-11-25, the day every example's "Computed state" comment is
 * written for: growth-trial-conversion is expiring (2026-12-05),
 * campaign-spend-q1-adhoc expired (2026-05-31), support-interactions is
 * overdue for its quarterly review (reviewed 2026-07-14), and
 * customer-identity-v1 is deprecated while crm-sync and lifecycle-emails
 * still depend on it (components.yaml).
 */
describe('action list-attention', () => {
  let backend: ActionsBackend;
  beforeAll(async () => {
    // Only Date is pinned: the backend's timers run for real.
    jest.useFakeTimers({
      now: new Date('2026-11-25T12:00:00Z'),
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    backend = await startActionsBackend();
  });
  afterAll(async () => {
    await backend?.stop();
    jest.useRealTimers();
  });

  const refs = (items: any[]) => items.map(item => item.entityRef);

  it('lists a convenience view about to expire', async () => {
    const { status, body } = await backend.invoke('list-attention', {
      owner: 'growth-analytics',
    });
    expect(status).toBe(200);
    expect(body.output.evaluatedOn).toBe('2026-11-25');
    expect(body.output.owner).toBe('group:default/growth-analytics');
    expect(refs(body.output.expiring)).toEqual([
      'dataproduct:default/growth-trial-conversion',
    ]);
    expect(body.output.expiring[0].why).toContain('2026-12-05');
    expect(body.output.expired).toEqual([]);
  });

  it('lists an expired view', async () => {
    const { body } = await backend.invoke('list-attention', {
      owner: 'group:marketing-analytics',
    });
    expect(refs(body.output.expired)).toEqual([
      'dataproduct:default/campaign-spend-q1-adhoc',
    ]);
    expect(body.output.reviewsDue).toEqual([]);
  });

  it('lists a shared mart overdue for its quarterly review', async () => {
    const { body } = await backend.invoke('list-attention', {
      owner: 'customer-support-eng',
    });
    expect(refs(body.output.reviewsDue)).toEqual([
      'dataproduct:default/support-interactions',
    ]);
  });

  it('lists the consumers still on a deprecated product, with their owners', async () => {
    const { body } = await backend.invoke('list-attention', {
      owner: 'identity-platform',
    });
    expect(body.output.consumersOnDeprecated).toEqual([
      {
        entityRef: 'dataproduct:default/customer-identity-v1',
        // as written in lifecycle.successor
        successor: 'dataproduct:customer-identity-v2',
        sunsetOn: '2027-01-31',
        consumers: [
          {
            entityRef: 'component:default/crm-sync',
            owners: ['group:default/customer-support-eng'],
          },
          {
            entityRef: 'component:default/lifecycle-emails',
            owners: ['group:default/marketing-analytics'],
          },
        ],
      },
    ]);
  });

  it('refuses an owner that is not an entity ref', async () => {
    const { status, body } = await backend.invoke('list-attention', {
      owner: 'group:',
    });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^owner "group:" is not an entity ref/);
  });
});
