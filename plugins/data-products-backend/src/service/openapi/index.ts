export { OpenApiRequestValidator } from './OpenApiRequestValidator';
export type { RequestProblem } from './OpenApiRequestValidator';
export { loadOpenApiDocument, OPENAPI_DOCUMENT_PATH } from './openApiDocument';
export type { OpenApiDocument } from './openApiDocument';
export { createOpenApiDocumentRouter } from './createOpenApiDocumentRouter';
