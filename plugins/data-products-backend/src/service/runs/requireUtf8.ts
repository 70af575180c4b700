import { NextFunction, Request, Response } from 'express';

/**
 * JSON on the wire is UTF-8 (RFC 8259 §8.1). express.json would decode a
 * body declared `charset=utf-16` anyway and then fail to parse it, and
 * refuse other charsets with a bare "unsupported charset": either way the
 * sender is not told what to change. A charset other than UTF-8 is a 415
 * naming it, before the body is read.
 */
export function requireUtf8(
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const charset = charsetOf(req.get('content-type'));
  if (charset === undefined || /^utf-?8$/i.test(charset)) {
    next();
    return;
  }
  res.status(415).json({
    error: {
      name: 'UnsupportedMediaTypeError',
      message: `The request body is declared charset=${charset}, but JSON must be sent as UTF-8: encode the body as UTF-8 and send Content-Type: application/json (or application/json; charset=utf-8)`,
    },
  });
}

/** The `charset` parameter of a Content-Type header, unquoted. */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(
    contentType ?? '',
  );
  return match ? (match[1] ?? match[2]).slice(0, 40) : undefined;
}
