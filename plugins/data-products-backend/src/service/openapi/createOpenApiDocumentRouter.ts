import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { authenticated } from '../authenticated';
import { OpenApiRequestValidator } from './OpenApiRequestValidator';
import { loadOpenApiDocument } from './openApiDocument';

export interface OpenApiDocumentRouterOptions {
  httpAuth: HttpAuthService;
  /** Checks requests against the API document; the published one by default. */
  validator?: OpenApiRequestValidator;
}

/** `GET /openapi.json`: the document the plugin validates requests against. */
export function createOpenApiDocumentRouter(
  options: OpenApiDocumentRouterOptions,
): express.Router {
  const validator = options.validator ?? OpenApiRequestValidator.fromDocument();
  const router = Router();
  router.get(
    '/openapi.json',
    authenticated(options.httpAuth),
    validator.middleware(),
    (_req, res) => {
      res.json(loadOpenApiDocument());
    },
  );
  return router;
}
