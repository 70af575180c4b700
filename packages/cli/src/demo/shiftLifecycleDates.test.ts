import { parse, parseAllDocuments } from 'yaml';
import { shiftLifecycleDates } from './shiftLifecycleDates';

const VIEW = `# a view, with comments that must survive
apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: weekly-view   # the name
  tags: [growth, retention]
spec:
  category: convenience-view
  lifecycle:
    stage: active
    createdOn: 2026-12-20
    renewedOn: '2027-02-27'    # quoted on purpose
    reviewedOn: "2028-02-28"
    sunsetOn: 2026-11-25
`;

describe('shiftLifecycleDates', () => {
  it('moves every lifecycle date by whole calendar days, across months, years and 29 February', () => {
    const { text, moved } = shiftLifecycleDates(VIEW, 12);
    expect(parse(text).spec.lifecycle).toEqual({
      stage: 'active',
      createdOn: '2027-01-01', // 2026-12-20 + 12, over New Year
      renewedOn: '2027-03-11', // 2027-02-27 + 12, 2027 has no 29 February
      reviewedOn: '2028-03-11', // 2028-02-28 + 12 passes 2028-02-29
      sunsetOn: '2026-12-07',
    });
    expect(moved).toEqual([
      'weekly-view spec.lifecycle.createdOn: 2026-12-20 → 2027-01-01',
      'weekly-view spec.lifecycle.renewedOn: 2027-02-27 → 2027-03-11',
      'weekly-view spec.lifecycle.reviewedOn: 2028-02-28 → 2028-03-11',
      'weekly-view spec.lifecycle.sunsetOn: 2026-11-25 → 2026-12-07',
    ]);
  });

  it('moves dates back with a negative shift', () => {
    const { text } = shiftLifecycleDates(VIEW, -25);
    expect(parse(text).spec.lifecycle).toMatchObject({
      createdOn: '2026-11-25',
      renewedOn: '2027-02-02',
      reviewedOn: '2028-02-03',
      sunsetOn: '2026-10-31',
    });
  });

  it('keeps comments, quoting and every other field; the header goes on top', () => {
    const { text } = shiftLifecycleDates(VIEW, 1, ' GENERATED: do not edit');
    expect(text).toBe(`# GENERATED: do not edit

# a view, with comments that must survive
apiVersion: stockroom.io/v1alpha1
kind: DataProduct
metadata:
  name: weekly-view # the name
  tags: [growth, retention]
spec:
  category: convenience-view
  lifecycle:
    stage: active
    createdOn: 2026-12-21
    renewedOn: '2027-02-28' # quoted on purpose
    reviewedOn: "2028-02-29"
    sunsetOn: 2026-11-26
`);
  });

  it('leaves documents of other kinds alone and returns a file without DataProduct dates byte for byte', () => {
    const stream = `kind: Component
metadata: { name: app }
spec:
  lifecycle:   production
---
# second document
kind: DataProduct
metadata:
  name: draft-view
spec:
  lifecycle:
    stage: draft
    createdOn: 2026-01-31
`;
    const shifted = shiftLifecycleDates(stream, 1);
    const [component, product] = parseAllDocuments(shifted.text).map(d =>
      (d as any).toJS(),
    );
    expect(component).toEqual({
      kind: 'Component',
      metadata: { name: 'app' },
      spec: { lifecycle: 'production' },
    });
    expect(product.spec.lifecycle.createdOn).toBe('2026-02-01');

    const component1 = stream.slice(0, stream.indexOf('---'));
    expect(shiftLifecycleDates(component1, 30)).toEqual({
      text: component1,
      moved: [],
      notDates: [],
    });
  });

  it('leaves a value that is not a date as written and names it; a file that is not YAML is untouched', () => {
    const templated = VIEW.replace(
      'createdOn: 2026-12-20',
      'createdOn: ${{ values.createdOn | dump }}',
    ).replace('sunsetOn: 2026-11-25', 'sunsetOn: 2026-02-30');
    const shifted = shiftLifecycleDates(templated, 1);
    expect(shifted.notDates).toEqual([
      'weekly-view spec.lifecycle.createdOn',
      'weekly-view spec.lifecycle.sunsetOn',
    ]);
    expect(parse(shifted.text).spec.lifecycle).toMatchObject({
      createdOn: '${{ values.createdOn | dump }}',
      renewedOn: '2027-02-28',
      sunsetOn: '2026-02-30',
    });

    const nunjucks = `kind: DataProduct\n{%- if values.x %}\nspec:\n  lifecycle:\n    createdOn: 2026-01-01\n{%- endif %}\n`;
    expect(shiftLifecycleDates(nunjucks, 5).text).toBe(nunjucks);
  });
});
