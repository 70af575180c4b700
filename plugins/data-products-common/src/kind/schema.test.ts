import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { dataProductEntitySchema } from './schema';

// The published copy editors point at. Regenerate after changing schema.ts:
//   UPDATE_SCHEMA=1 yarn test src/kind/schema.test.ts
const SCHEMA_FILE = resolve(__dirname, '../../schema/data-product.schema.json');

describe('dataProductEntitySchema', () => {
  it('is identical to the published schema/data-product.schema.json', () => {
    if (process.env.UPDATE_SCHEMA) {
      writeFileSync(
        SCHEMA_FILE,
        `${JSON.stringify(dataProductEntitySchema, null, 2)}\n`,
      );
    }
    const published = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(published).toEqual(dataProductEntitySchema);
  });

  it('compiles as draft-07 without strict-mode warnings', () => {
    const warnings: unknown[] = [];
    const logger = {
      log() {},
      warn: (...args: unknown[]) => warnings.push(args),
      error: (...args: unknown[]) => warnings.push(args),
    };
    const ajv = new Ajv({ strictTypes: true, logger });
    addFormats(ajv, ['date']);
    expect(() => ajv.compile(dataProductEntitySchema)).not.toThrow();
    expect(warnings).toEqual([]);
    expect(dataProductEntitySchema.$schema).toBe(
      'http://json-schema.org/draft-07/schema#',
    );
  });

  it('pins apiVersion and kind with enums, as entityKindSchemaValidator expects', () => {
    const properties = dataProductEntitySchema.properties as any;
    expect(properties.apiVersion.enum).toEqual(['stockroom.io/v1alpha1']);
    expect(properties.kind.enum).toEqual(['DataProduct']);
  });

  it('describes every spec field, for editor help', () => {
    const undocumented: string[] = [];
    const visit = (schema: any, path: string) => {
      if (!schema || typeof schema !== 'object') return;
      if (path.startsWith('spec') && !schema.description)
        undocumented.push(path);
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        visit(child, `${path}.${key}`);
      }
      if (schema.items) visit(schema.items, `${path}[]`);
    };
    visit((dataProductEntitySchema.properties as any).spec, 'spec');
    expect(undocumented).toEqual([]);
  });

  it('is strict on spec and every nested object except contract.odcs', () => {
    const open: string[] = [];
    const visit = (schema: any, path: string) => {
      if (!schema || typeof schema !== 'object') return;
      if (schema.type === 'object' && schema.additionalProperties !== false) {
        open.push(path);
      }
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        visit(child, `${path}.${key}`);
      }
      if (schema.items) visit(schema.items, `${path}[]`);
    };
    visit((dataProductEntitySchema.properties as any).spec, 'spec');
    expect(open).toEqual(['spec.contract.odcs']);
  });
});
