import { scoreContract } from './contract';
import type { ScorableContract } from './types';

/** A complete contract: 100 %. */
function complete(): ScorableContract {
  return {
    schema: [
      { name: 'customer_id', type: 'string', description: 'Stable id' },
      { name: 'email_sha256', type: 'string', description: 'Hashed email' },
    ],
    freshness: { p95: '30m', p99: '60m' },
    escalation: { channel: '#identity-oncall', onCall: 'pagerduty:identity' },
    lineage: { upstreams: ['dataproduct:crm-accounts'] },
    accessPatterns: [{ type: 'batch', location: 'snowflake://acme/X' }],
  };
}

type Edit = (c: ScorableContract) => void;

describe('scoreContract', () => {
  it('scores a complete contract 5 at 100 %', () => {
    const result = scoreContract(complete());
    expect(result.score).toBe(5);
    expect(result.evidence).toEqual({
      percent: 100,
      parts: {
        fieldSemantics: 1,
        sla: 1,
        escalation: 1,
        lineage: 1,
        accessPatterns: 1,
      },
      describedFields: 2,
      fields: 2,
      thresholds: { 5: 100, 4: 80, 3: 60, 2: 40 },
    });
    expect(result.summary).toMatch(/^Contract complete/);
  });

  it.each<[string, Edit, number, number]>([
    // parts summed by hand, × 20 = percent
    ['no p99: SLA 0.5', c => delete c.freshness!.p99, 90, 4],
    ['no p95: SLA 0.5', c => delete c.freshness!.p95, 90, 4],
    ['no on-call: escalation 0.5', c => delete c.escalation!.onCall, 90, 4],
    [
      'blank channel: escalation 0.5',
      c => (c.escalation!.channel = ' '),
      90,
      4,
    ],
    [
      'one of two fields described',
      c => delete c.schema![1].description,
      90,
      4,
    ],
    ['no lineage: exactly 80 %', c => (c.lineage = { upstreams: [] }), 80, 4],
    [
      'no lineage and 99 of 100 fields described: 79.8 %',
      c => {
        c.lineage = undefined;
        c.schema = Array.from({ length: 100 }, (_, i) => ({
          name: `f${i}`,
          type: 'string',
          description: i === 0 ? '' : 'described',
        }));
      },
      79.8,
      3,
    ],
    [
      'no lineage, no access patterns: 60 %',
      c => {
        c.lineage = undefined;
        c.accessPatterns = [];
      },
      60,
      3,
    ],
    [
      'also no SLA p99: 50 %',
      c => {
        c.lineage = undefined;
        c.accessPatterns = [];
        delete c.freshness!.p99;
      },
      50,
      2,
    ],
    [
      'only fields and SLA: exactly 40 %',
      c => {
        c.lineage = undefined;
        c.accessPatterns = undefined;
        c.escalation = undefined;
      },
      40,
      2,
    ],
    [
      'half an SLA and half the fields described: 20 %',
      c => {
        c.lineage = undefined;
        c.accessPatterns = undefined;
        c.escalation = undefined;
        delete c.freshness!.p99;
        c.schema![0].description = undefined;
        c.freshness!.p95 = '30m';
      },
      20,
      1,
    ],
    [
      'an SLA value that is not a duration counts as missing',
      c => (c.freshness!.p99 = 'an hour'),
      90,
      4,
    ],
  ])('%s', (_, edit, percent, expected) => {
    const c = complete();
    edit(c);
    const result = scoreContract(c);
    expect(result.evidence.percent).toBeCloseTo(percent, 9);
    expect(result.score).toBe(expected);
  });

  it('scores no schema as no field semantics, not a vacuous 100 %', () => {
    const c = complete();
    c.schema = [];
    expect(scoreContract(c).evidence.parts.fieldSemantics).toBe(0);
    expect(scoreContract(c).evidence.percent).toBe(80);
  });

  it('scores a missing contract 1 at 0 %, always known', () => {
    const result = scoreContract(undefined);
    expect(result.score).toBe(1);
    expect(result.evidence.percent).toBe(0);
    expect(result.summary).toBe(
      'Contract 0% complete; missing a schema, a freshness SLA (p95, p99), an escalation channel, an on-call, lineage upstreams, access patterns',
    );
  });

  it('names what is missing and never rounds up to 100 %', () => {
    const c = complete();
    c.schema = Array.from({ length: 1000 }, (_, i) => ({
      name: `f${i}`,
      type: 'string',
      description: i === 0 ? undefined : 'described',
    }));
    // (0.999 + 4) × 20 = 99.98 %
    expect(scoreContract(c).score).toBe(4);
    expect(scoreContract(c).summary).toBe(
      'Contract 99% complete; missing descriptions for 1 of 1,000 fields',
    );
  });
});
