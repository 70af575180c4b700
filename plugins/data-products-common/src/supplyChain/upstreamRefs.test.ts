import { declaredUpstreamRefs } from './upstreamRefs';

describe('declaredUpstreamRefs', () => {
  it('completes refs the way the catalog’s relations do', () => {
    expect(
      declaredUpstreamRefs(
        [
          'dataproduct:crm-accounts',
          'resource:segment-events',
          'orders',
          'DataProduct:sales/orders',
          'dataproduct:default/crm-accounts',
        ],
        'default',
      ),
    ).toEqual([
      'dataproduct:default/crm-accounts',
      'resource:default/segment-events',
      'dataproduct:default/orders',
      'dataproduct:sales/orders',
    ]);
  });

  it('uses the product’s namespace and skips what is not a ref', () => {
    expect(
      declaredUpstreamRefs(['orders', '', 42, 'dataproduct:', 'ns/'], 'sales'),
    ).toEqual(['dataproduct:sales/orders']);
    expect(declaredUpstreamRefs(undefined)).toEqual([]);
  });
});
