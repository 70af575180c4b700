import { gzipSync } from 'node:zlib';
import { RequestProbe } from '../RequestProbe';
import { Caller } from '../tokens';
import { SIX_MB, nestedArrays } from './badValues';

/** The ingestion endpoints and a valid body for each. */
const INGESTION: Array<{ path: string; body: unknown }> = [
  {
    path: '/openlineage',
    body: {
      eventType: 'COMPLETE',
      eventTime: '2026-11-25T10:00:00Z',
      run: { runId: '0192963f-929e-731b-a075-9bb14bf41d99' },
      job: { namespace: 'airflow', name: 'orders_daily' },
      outputs: [
        {
          namespace: 'postgres://warehouse:5432',
          name: 'analytics.public.orders',
        },
      ],
    },
  },
  {
    path: '/api/v1/lineage',
    body: {
      eventType: 'COMPLETE',
      eventTime: '2026-11-25T10:00:00Z',
      run: { runId: '0192963f-929e-731b-a075-9bb14bf41d98' },
      job: { namespace: 'airflow', name: 'orders_daily' },
      outputs: [
        {
          namespace: 'postgres://warehouse:5432',
          name: 'analytics.public.orders',
        },
      ],
    },
  },
  {
    path: '/runs',
    body: {
      runs: [
        {
          product: 'dataproduct:default/orders',
          runId: 'probe-transport',
          status: 'success',
          finishedAt: '2026-11-25T09:30:00Z',
        },
      ],
    },
  },
];

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** Who may not report runs, and what they are told. */
const REFUSED_CALLERS: Array<[Caller, number, RegExp]> = [
  ['none', 401, /credentials|token/i],
  ['bogus', 401, /credentials|token/i],
  ['basic', 401, /credentials|token/i],
  ['empty', 401, /credentials|token/i],
  ['reader', 403, /stockroom\.run\.report/],
];

/** Bodies that are not what they claim to be. */
function bodyProbes(path: string, valid: unknown): RequestProbe[] {
  const text = JSON.stringify(valid);
  const raw = (
    title: string,
    body: string | Buffer,
    headers: Record<string, string>,
    status: number | number[],
    message: RegExp,
  ): RequestProbe => ({
    name: `POST ${path} body: ${title}`,
    method: 'POST',
    path,
    raw: { body, headers },
    status,
    message,
  });
  return [
    raw(
      'sent as text/plain',
      text,
      { 'Content-Type': 'text/plain' },
      415,
      /Content-Type: application\/json/,
    ),
    raw(
      'form-encoded',
      'runs=1',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      415,
      /Content-Type: application\/json/,
    ),
    raw(
      'sent as XML',
      '<runs/>',
      { 'Content-Type': 'application/xml' },
      415,
      /Content-Type: application\/json/,
    ),
    raw(
      'with no Content-Type',
      text,
      {},
      415,
      /Content-Type: application\/json/,
    ),
    raw('JSON cut short', text.slice(0, -3), JSON_TYPE, 400, /not valid JSON/),
    raw(
      'single-quoted JSON',
      text.replace(/"/g, "'"),
      JSON_TYPE,
      400,
      /not valid JSON/,
    ),
    raw(
      'a trailing comma',
      `${text.slice(0, -1)},}`,
      JSON_TYPE,
      400,
      /not valid JSON/,
    ),
    raw('garbage after the JSON', `${text}x`, JSON_TYPE, 400, /not valid JSON/),
    raw('NaN as JSON', 'NaN', JSON_TYPE, 400, /not valid JSON/),
    raw('JSON null', 'null', JSON_TYPE, 400, /not valid JSON|object/),
    raw('a JSON string', '"COMPLETE"', JSON_TYPE, 400, /not valid JSON|object/),
    raw('a JSON number', '42', JSON_TYPE, 400, /not valid JSON|object/),
    raw('JSON true', 'true', JSON_TYPE, 400, /not valid JSON|object/),
    raw(
      'bytes that are not UTF-8',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      JSON_TYPE,
      400,
      /not valid JSON/,
    ),
    // JSON on the wire is UTF-8 (RFC 8259): refused, naming the charset
    raw(
      'a UTF-16 charset',
      text,
      { 'Content-Type': 'application/json; charset=utf-16' },
      [400, 415],
      /utf-16/i,
    ),
    raw(
      'a Latin-1 charset',
      text,
      { 'Content-Type': 'application/json; charset=iso-8859-1' },
      415,
      /iso-8859-1/i,
    ),
    // issue #11: a gzip header on a plain body
    raw(
      'Content-Encoding gzip on a plain body',
      text,
      { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
      400,
      /gzip/i,
    ),
    raw(
      'Content-Encoding deflate on a plain body',
      text,
      { ...JSON_TYPE, 'Content-Encoding': 'deflate' },
      400,
      /deflate/i,
    ),
    raw(
      'Content-Encoding br on a plain body',
      text,
      { ...JSON_TYPE, 'Content-Encoding': 'br' },
      [400, 415],
      /\bbr\b|brotli/i,
    ),
    raw(
      'an unknown Content-Encoding',
      text,
      { ...JSON_TYPE, 'Content-Encoding': 'compress' },
      415,
      /compress/,
    ),
    raw(
      'gzip of a body over 5 MB',
      gzipSync(Buffer.from(`{"pad":"${'x'.repeat(SIX_MB)}"}`)),
      { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
      413,
      /5 MB/,
    ),
    raw('over 5 MB', `{"pad":"${'x'.repeat(SIX_MB)}"}`, JSON_TYPE, 413, /5 MB/),
    raw(
      '10 MB',
      `{"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`,
      JSON_TYPE,
      413,
      /5 MB/,
    ),
    raw('arrays nested 20,000 deep', nestedArrays(20_000), JSON_TYPE, 400, /./),
  ];
}

/** Every ingestion endpoint × every refused caller and broken body. */
export const transportProbes: RequestProbe[] = INGESTION.flatMap(
  ({ path, body }) => [
    ...REFUSED_CALLERS.map(
      ([caller, status, message]): RequestProbe => ({
        name: `POST ${path} Authorization: ${caller}`,
        method: 'POST',
        path,
        caller,
        json: body,
        status,
        message,
      }),
    ),
    ...bodyProbes(path, body),
  ],
);
