import http from 'node:http';
import { ProbeReply, RequestProbe } from './RequestProbe';
import { authorizationOf } from './tokens';

/**
 * Sends a probe over real HTTP exactly as written: the path byte for byte
 * (a URL client would resolve `%2E%2E` and re-encode the rest) and only
 * the probe's headers (no client adds a Content-Type of its own). Reads
 * the reply whatever it is.
 */
export function sendProbe(
  port: number,
  pluginBase: string,
  probe: RequestProbe,
): Promise<ProbeReply> {
  const headers: Record<string, string | number> = {};
  const authorization = authorizationOf(probe.caller ?? 'pipeline');
  if (authorization !== undefined) headers.Authorization = authorization;
  let body: Buffer | undefined;
  if (probe.raw) {
    Object.assign(headers, probe.raw.headers);
    body = Buffer.from(probe.raw.body);
  } else if (probe.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = Buffer.from(JSON.stringify(probe.json));
  }
  if (body) headers['Content-Length'] = body.length;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: probe.method,
        path: `${pluginBase}${probe.path}`,
        headers,
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = { unparsedBody: text.slice(0, 200) };
          }
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'],
            body: parsed,
          });
        });
        response.on('error', reject);
      },
    );
    // A server may answer (413) and close before reading a large body.
    request.on('error', error =>
      (error as NodeJS.ErrnoException).code === 'EPIPE'
        ? undefined
        : reject(error),
    );
    request.end(body);
  });
}
