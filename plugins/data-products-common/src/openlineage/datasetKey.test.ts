import { datasetKey, datasetKeysOf } from './datasetKey';

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
