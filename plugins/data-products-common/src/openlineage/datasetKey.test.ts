import { datasetIdentities, datasetKey, datasetKeysOf } from './datasetKey';

describe('datasetKey', () => {
  it('joins namespace and name with one slash', () => {
    expect(
      datasetKey('snowflake://acme', 'ANALYTICS.IDENTITY.CUSTOMER_IDENTITY'),
    ).toBe('snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY');
    expect(datasetKey('bigquery', 'proj.ds.table')).toBe(
      'bigquery/proj.ds.table',
    );
    expect(datasetKey('file', '/tmp/outputs/1729097570970')).toBe(
      'file/tmp/outputs/1729097570970',
    );
    expect(datasetKey('hdfs://nn:8020/', '/warehouse/events')).toBe(
      'hdfs://nn:8020/warehouse/events',
    );
  });

  it('lower-cases the scheme only', () => {
    expect(datasetKey(' Snowflake://ACME ', ' DB.S.T ')).toBe(
      'snowflake://ACME/DB.S.T',
    );
    expect(datasetKey('BigQuery', 'P.D.T')).toBe('BigQuery/P.D.T');
  });

  it('reads a scheme without authority as the bare scheme', () => {
    expect(datasetKey('file://', '/tmp/x')).toBe('file/tmp/x');
  });

  // standards.md "Dataset identity": s3a:// and s3n:// read as s3://, a
  // trailing / on the name is dropped.
  it('reads s3a:// and s3n:// as s3://, whatever their case', () => {
    expect(datasetKey('s3a://bucket', 'path/to/data')).toBe(
      's3://bucket/path/to/data',
    );
    expect(datasetKey('s3n://bucket', 'path/to/data')).toBe(
      's3://bucket/path/to/data',
    );
    expect(datasetKey('S3A://bucket', 'path/to/data')).toBe(
      's3://bucket/path/to/data',
    );
  });

  it('leaves other schemes as they are', () => {
    expect(datasetKey('gs://bucket', 'data')).toBe('gs://bucket/data');
    expect(datasetKey('abfss://c@acct.dfs.core.windows.net', 'data')).toBe(
      'abfss://c@acct.dfs.core.windows.net/data',
    );
    expect(datasetKey('s3x://bucket', 'data')).toBe('s3x://bucket/data');
  });

  it('drops a trailing / on the name', () => {
    expect(datasetKey('s3://bucket', 'path/to/data/')).toBe(
      's3://bucket/path/to/data',
    );
    expect(datasetKey('hdfs://nn:8020', '/warehouse/events/')).toBe(
      'hdfs://nn:8020/warehouse/events',
    );
  });

  it('makes a Spark location and its annotation meet', () => {
    expect(datasetKey('s3a://bucket', 'path/')).toBe(
      datasetKeysOf('s3://bucket/path')[0],
    );
  });
});

describe('datasetIdentities', () => {
  // Spark on a Hive catalog: the table by its location, its name in symlinks.
  const location = { namespace: 's3a://warehouse', name: 'sales/orders/' };
  const symlinks = {
    symlinks: {
      identifiers: [
        {
          namespace: 'hive://metastore:9083',
          name: 'sales.orders',
          type: 'TABLE',
        },
      ],
    },
  };

  it('is the dataset key alone without a symlinks facet', () => {
    expect(
      datasetIdentities(location.namespace, location.name, undefined),
    ).toEqual(['s3://warehouse/sales/orders']);
    expect(datasetIdentities(location.namespace, location.name, {})).toEqual([
      's3://warehouse/sales/orders',
    ]);
  });

  it('is the dataset key, then every symlink identifier, each once', () => {
    expect(
      datasetIdentities(location.namespace, location.name, {
        symlinks: {
          identifiers: [
            ...symlinks.symlinks.identifiers,
            // the dataset itself, spelled another way: already there
            {
              namespace: 's3://warehouse',
              name: 'sales/orders',
              type: 'LOCATION',
            },
            { namespace: 'HIVE://metastore:9083', name: 'sales.orders' },
            {
              namespace: 'glue://arn:aws:glue:eu-west-1:1',
              name: 'table/sales/orders',
            },
          ],
        },
      }),
    ).toEqual([
      's3://warehouse/sales/orders',
      'hive://metastore:9083/sales.orders',
      'glue://arn:aws:glue:eu-west-1:1/table/sales/orders',
    ]);
  });

  it('matches an annotation naming the table by its symlink', () => {
    const [annotated] = datasetKeysOf('hive://metastore:9083/sales.orders');
    expect(
      datasetIdentities(location.namespace, location.name, symlinks),
    ).toContain(annotated);
  });

  it('skips identifiers it cannot read', () => {
    expect(
      datasetIdentities('s3://warehouse', 'sales/orders', {
        symlinks: {
          identifiers: [
            null,
            'hive://metastore:9083/sales.orders',
            { namespace: 'hive://metastore:9083' },
            { namespace: ' ', name: 'sales.orders' },
            { namespace: 5, name: 'sales.orders' },
          ],
        },
      }),
    ).toEqual(['s3://warehouse/sales/orders']);
    expect(
      datasetIdentities('s3://warehouse', 'sales/orders', {
        symlinks: { identifiers: 'sales.orders' },
      }),
    ).toEqual(['s3://warehouse/sales/orders']);
  });
});

describe('datasetKeysOf', () => {
  it('reads the spec example', () => {
    expect(
      datasetKeysOf('snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY'),
    ).toEqual(['snowflake://acme/ANALYTICS.IDENTITY.CUSTOMER_IDENTITY']);
  });

  it('splits on commas, trims, drops blanks and repeats', () => {
    expect(
      datasetKeysOf(
        ' bigquery/proj.ds.a ,, SNOWFLAKE://acme/DB.S.T,snowflake://acme/DB.S.T, ',
      ),
    ).toEqual(['bigquery/proj.ds.a', 'snowflake://acme/DB.S.T']);
    expect(datasetKeysOf('')).toEqual([]);
  });

  it.each([
    // annotation, OpenLineage namespace, name
    ['snowflake://acme/DB.S.T', 'snowflake://acme', 'DB.S.T'],
    ['Snowflake://acme/DB.S.T', 'snowflake://acme', 'DB.S.T'],
    ['bigquery/proj.ds.t', 'bigquery', 'proj.ds.t'],
    ['bigquery://proj.ds.t', 'bigquery', 'proj.ds.t'],
    ['file:///tmp/out', 'file', '/tmp/out'],
    ['file/tmp/out', 'file', '/tmp/out'],
    ['s3://bucket/path/to/data', 's3://bucket', 'path/to/data'],
    ['s3://bucket/path/to/data', 's3://bucket', '/path/to/data'],
    ['s3://bucket/path/to/data', 's3a://bucket', 'path/to/data/'],
    ['s3://bucket/path/to/data', 's3n://bucket', 'path/to/data'],
    ['s3a://bucket/path/to/data/', 's3://bucket', 'path/to/data'],
    [
      'kafka://broker:9092/events.orders',
      'kafka://broker:9092',
      'events.orders',
    ],
    [
      'postgres://db:5432/crm.public.accounts',
      'postgres://db:5432',
      'crm.public.accounts',
    ],
  ])(
    'matches %s with namespace %s and name %s',
    (annotation, namespace, name) => {
      expect(datasetKeysOf(annotation)).toEqual([datasetKey(namespace, name)]);
    },
  );

  it('keeps case outside the scheme, so different tables stay different', () => {
    expect(datasetKeysOf('snowflake://acme/db.s.t')).not.toEqual(
      datasetKeysOf('snowflake://acme/DB.S.T'),
    );
  });
});
