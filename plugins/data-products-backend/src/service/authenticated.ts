import { HttpAuthService } from '@backstage/backend-plugin-api';
import { RequestHandler } from 'express';

/**
 * Route middleware: the caller must be a user or a service (401 otherwise).
 * It runs before request validation, so a caller without a token learns
 * nothing about the API's shapes; handlers read the same credentials again.
 */
export function authenticated(httpAuth: HttpAuthService): RequestHandler {
  return async (req, _res, next) => {
    try {
      await httpAuth.credentials(req, { allow: ['user', 'service'] });
      next();
    } catch (error) {
      next(error);
    }
  };
}
