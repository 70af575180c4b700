import express from 'express';

/**
 * The last router of the plugin: a request no route took gets a 404 with a
 * JSON body saying so, in Backstage's error shape, instead of an empty
 * reply a client cannot tell from a network fault. Mounted after every
 * other router, so it answers only what nothing else does.
 */
export function createNotFoundRouter(): express.Router {
  const router = express.Router();
  router.use((req, res) => {
    res.status(404).json({
      error: {
        name: 'NotFoundError',
        message: `There is no ${req.method} ${req.baseUrl}${req.path} endpoint: see ${req.baseUrl}/openapi.json for the API`,
      },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 404 },
    });
  });
  return router;
}
