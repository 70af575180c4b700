import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  DEFAULT_POLICY,
  evaluateDataProduct,
} from '@stockroom/plugin-data-products-common';
import { REPO_ROOT } from '../__testUtils__/runCli';
import { EXAMPLES_DATED, renderExamples } from './renderExamples';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

let scratch: string;
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rendered-examples-'));
});
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The DataProducts of a folder of examples, by name. */
function products(dir: string): Map<string, any> {
  const result = new Map<string, any>();
  for (const file of fs.readdirSync(path.join(dir, 'data-products'))) {
    const text = fs.readFileSync(path.join(dir, 'data-products', file), 'utf8');
    for (const document of parseAllDocuments(text)) {
      const entity = (document as any).toJS();
      if (entity?.kind === 'DataProduct') {
        result.set(entity.metadata.name, entity);
      }
    }
  }
  return result;
}

/** `YYYY-MM-DD` `days` after `iso`, counted on the UTC calendar. */
function plusDays(iso: string, days: number): string {
  return new Date(day(iso).getTime() + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

describe('renderExamples', () => {
  it('rendered on 2027-03-10 (105 days after 2026-11-25), the showcase dates are where the examples put them', () => {
    const to = path.join(scratch, 'examples');
    const result = renderExamples({
      from: EXAMPLES,
      to,
      today: day('2027-03-10'),
    });
    expect(result.days).toBe(105);
    expect(result.notDates).toEqual([]);

    const rendered = products(to);
    const lifecycle = (name: string) => rendered.get(name).spec.lifecycle;
    // by hand: each date of examples/ + 105 days
    expect(lifecycle('growth-trial-conversion')).toMatchObject({
      createdOn: '2026-09-15', // 2026-06-02
      renewedOn: '2026-12-20', // 2026-09-06; + 90 = 2027-03-20, in 10 days
    });
    expect(lifecycle('campaign-spend-q1-adhoc').createdOn).toBe('2026-06-15'); // 2026-03-02
    expect(lifecycle('growth-weekly-cohorts').renewedOn).toBe('2027-02-14'); // 2026-11-01
    expect(lifecycle('customer-identity-v1').sunsetOn).toBe('2027-05-16'); // 2027-01-31, in 67 days
    expect(lifecycle('support-interactions').reviewedOn).toBe('2026-10-27'); // 2026-07-14, 134 days ago

    const at = (name: string) =>
      evaluateDataProduct(
        rendered.get(name),
        DEFAULT_POLICY,
        day('2027-03-10'),
      );
    expect(at('growth-trial-conversion')).toMatchObject({
      state: 'expiring',
      expiresOn: '2027-03-20',
    });
    expect(at('campaign-spend-q1-adhoc')).toMatchObject({
      state: 'expired',
      expiresOn: '2026-09-13',
    });
    expect(at('growth-weekly-cohorts')).toMatchObject({
      state: 'active',
      expiresOn: '2027-05-15',
    });
    expect(at('customer-identity-v1').state).toBe('deprecated');
  });

  it.each([
    '2026-11-25',
    '2026-12-03',
    '2027-03-10',
    '2028-02-29',
    '2031-07-01',
  ])(
    'rendered on %s, the demo shows each lifecycle state on its product',
    today => {
      const to = path.join(scratch, 'examples');
      renderExamples({ from: EXAMPLES, to, today: day(today) });
      const evaluated = new Map(
        [...products(to)].map(([name, entity]) => [
          name,
          evaluateDataProduct(entity, DEFAULT_POLICY, day(today)),
        ]),
      );
      const inState = (state: string) =>
        [...evaluated].filter(([, e]) => e.state === state).map(([n]) => n);
      const hasFinding = (ruleId: string) =>
        [...evaluated]
          .filter(([, e]) => e.findings.some(f => f.ruleId === ruleId))
          .map(([n]) => n);

      expect(inState('expiring')).toEqual(['growth-trial-conversion']);
      expect(evaluated.get('growth-trial-conversion')!.expiresOn).toBe(
        plusDays(today, 10),
      );
      expect(inState('expired')).toEqual(['campaign-spend-q1-adhoc']);
      expect(evaluated.get('growth-weekly-cohorts')).toMatchObject({
        state: 'active',
        expiresOn: plusDays(today, 66),
      });
      expect(inState('deprecated')).toEqual(['customer-identity-v1']);
      expect(
        products(to).get('customer-identity-v1').spec.lifecycle.sunsetOn,
      ).toBe(plusDays(today, 67));
      expect(hasFinding('planned-deprecation')).toEqual([]);
      expect(hasFinding('quarterly-review')).toEqual(['support-interactions']);
    },
  );

  it('changes nothing but lifecycle dates, and copies every other file byte for byte', () => {
    const to = path.join(scratch, 'examples');
    renderExamples({ from: EXAMPLES, to, today: day('2027-03-10') });

    const withoutDates = (entity: any) => {
      const { createdOn, renewedOn, reviewedOn, sunsetOn, ...rest } =
        entity.spec.lifecycle;
      return { ...entity, spec: { ...entity.spec, lifecycle: rest } };
    };
    const before = products(EXAMPLES);
    const after = products(to);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, entity] of before) {
      expect(withoutDates(after.get(name))).toEqual(withoutDates(entity));
    }
    for (const file of [
      'all.yaml',
      'org.yaml',
      'components.yaml',
      'data-products/support-interactions.odcs.yaml',
    ]) {
      expect(fs.readFileSync(path.join(to, file), 'utf8')).toBe(
        fs.readFileSync(path.join(EXAMPLES, file), 'utf8'),
      );
    }
    // the copy says what it is
    expect(
      fs.readFileSync(path.join(to, 'data-products/orders-core.yaml'), 'utf8'),
    ).toMatch(
      /^# GENERATED by `yarn start` from examples\/data-products\/orders-core\.yaml: do not edit\.\n# Lifecycle dates moved 105 days \(examples\/ is dated 2026-11-25,\n# this copy 2027-03-10\)/,
    );
  });

  it('re-renders over its own earlier output, dropping files that are gone', () => {
    const to = path.join(scratch, 'examples');
    renderExamples({ from: EXAMPLES, to, today: day('2027-03-10') });
    fs.writeFileSync(path.join(to, 'data-products/renamed-away.yaml'), 'x');
    renderExamples({ from: EXAMPLES, to, today: day('2027-03-11') });
    expect(
      fs.existsSync(path.join(to, 'data-products/renamed-away.yaml')),
    ).toBe(false);
  });

  it('refuses a folder it did not write, inside examples/ or containing it', () => {
    const foreign = path.join(scratch, 'notes');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'keep.txt'), 'mine');
    expect(() =>
      renderExamples({ from: EXAMPLES, to: foreign, today: day('2027-03-10') }),
    ).toThrow(/notes is not empty and was not written by renderExamples/);
    expect(fs.readFileSync(path.join(foreign, 'keep.txt'), 'utf8')).toBe(
      'mine',
    );

    for (const to of [EXAMPLES, path.join(EXAMPLES, 'rendered'), REPO_ROOT]) {
      expect(() =>
        renderExamples({ from: EXAMPLES, to, today: day('2027-03-10') }),
      ).toThrow(
        /must go to a folder outside .*examples that does not contain it/,
      );
    }
  });
});

describe('examples/ and EXAMPLES_DATED', () => {
  it('every example DataProduct file documents its state on the date the renderer counts from', () => {
    const dir = path.join(EXAMPLES, 'data-products');
    const files = fs
      .readdirSync(dir)
      .filter(f => f.endsWith('.yaml') && !f.endsWith('.odcs.yaml'));
    expect(files.length).toBe(11);
    for (const file of files) {
      expect([file, fs.readFileSync(path.join(dir, file), 'utf8')]).toEqual([
        file,
        expect.stringContaining(`# Computed state on ${EXAMPLES_DATED}:`),
      ]);
    }
  });
});
