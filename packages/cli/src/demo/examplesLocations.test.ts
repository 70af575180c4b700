import { examplesLocations } from './examplesLocations';

const paths = {
  backendDir: '/repo/packages/backend',
  examplesDir: '/repo/examples',
  renderedDir: '/repo/.stockroom-data/examples',
};

describe('examplesLocations', () => {
  it('points every file location under examples/ at the rendered copy and keeps the others and their rules', () => {
    expect(
      examplesLocations(
        [
          { type: 'file', target: '../../examples/all.yaml' },
          { type: 'file', target: '../../catalog-info.yaml' },
          {
            type: 'file',
            target: '../../examples/templates/data-product/template.yaml',
            rules: [{ allow: ['Template'] }],
          },
          {
            type: 'file',
            target: '/repo/examples/data-products/orders-core.yaml',
          },
          { type: 'url', target: 'https://example.com/examples/all.yaml' },
          { type: 'file', target: '../../examples-old/all.yaml' },
        ],
        paths,
      ),
    ).toEqual([
      { type: 'file', target: '/repo/.stockroom-data/examples/all.yaml' },
      { type: 'file', target: '../../catalog-info.yaml' },
      {
        type: 'file',
        target:
          '/repo/.stockroom-data/examples/templates/data-product/template.yaml',
        rules: [{ allow: ['Template'] }],
      },
      {
        type: 'file',
        target: '/repo/.stockroom-data/examples/data-products/orders-core.yaml',
      },
      { type: 'url', target: 'https://example.com/examples/all.yaml' },
      { type: 'file', target: '../../examples-old/all.yaml' },
    ]);
  });

  it('is undefined when no location reads examples/ (nothing to render)', () => {
    expect(
      examplesLocations(
        [{ type: 'file', target: '../../catalog-info.yaml' }],
        paths,
      ),
    ).toBeUndefined();
    expect(examplesLocations([], paths)).toBeUndefined();
  });
});
