import { eventFacts } from './eventFacts';
import { parseRunEvent } from './parseRunEvent';

/** Schema facet fields nested `levels` deep (a top field is level 1). */
function nestedFields(levels: number) {
  let field: any = { name: `f${levels}`, type: 'string' };
  for (let level = levels - 1; level >= 1; level--) {
    field = { name: `f${level}`, type: 'struct', fields: [field] };
  }
  return [field];
}

function eventWithSchema(fields: unknown[]) {
  return {
    eventType: 'COMPLETE',
    eventTime: '2026-03-01T06:00:00Z',
    run: { runId: '0192963f-929e-731b-a075-9bb14bf41d38' },
    job: { namespace: 'airflow', name: 'orders.refresh' },
    outputs: [
      {
        namespace: 'postgres://warehouse:5432',
        name: 'shop.orders',
        facets: { schema: { fields } },
      },
    ],
  };
}

const SCHEMA = 'outputs[0].facets.schema.fields';

describe('schema facet limits', () => {
  it('refuses a facet nested 20,000 levels deep with one problem naming where, without overflowing', () => {
    const parse = () => parseRunEvent(eventWithSchema(nestedFields(20_000)));
    expect(parse).not.toThrow();
    const { event, problems } = parse();
    expect(event).toBeUndefined();
    expect(problems).toEqual([
      {
        path: `${SCHEMA}[0]${'.fields[0]'.repeat(31)}.fields`,
        message: expect.stringContaining(
          'is nested more than 32 levels deep, the limit of a schema',
        ),
      },
    ]);
  });

  it('reads a facet nested 32 levels deep, every level flattened with a dotted name', () => {
    const { event, problems } = parseRunEvent(
      eventWithSchema(nestedFields(32)),
    );
    expect(problems).toEqual([]);
    const schema = eventFacts(event!).outputs[0].schema!;
    expect(schema).toHaveLength(32);
    expect(schema[0]).toEqual({ name: 'f1', type: 'struct' });
    expect(schema[31]).toEqual({
      name: Array.from({ length: 32 }, (_, i) => `f${i + 1}`).join('.'),
      type: 'string',
    });
  });

  it('refuses a facet of more than 10,000 fields, nested ones counted', () => {
    const fields = Array.from({ length: 5_000 }, (_, i) => ({
      name: `c${i}`,
      type: 'struct',
      fields: [{ name: 'x', type: 'int' }],
    }));
    const { problems } = parseRunEvent(eventWithSchema(fields));
    expect(problems).toEqual([]);
    fields.push({ name: 'one-more', type: 'int', fields: [] });
    const over = parseRunEvent(eventWithSchema(fields));
    expect(over.problems).toEqual([
      {
        path: `${SCHEMA}[5000]`,
        message: expect.stringContaining(
          'is past the limit of 10,000 fields in one schema',
        ),
      },
    ]);
  });
});
