import { InputError } from '@backstage/errors';
import { didYouMean } from '@stockroom/plugin-data-products-common';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { describeSchemaError } from './describeSchemaError';
import { escapePointerSegment, pointerSegments } from './jsonPointer';
import { relevantErrors } from './relevantErrors';
import { OpenApiDocument, loadOpenApiDocument } from './openApiDocument';
import { queryNames as queryNamesOf } from './queryNames';
import { ParameterSchema, quoted, readQueryValue } from './queryValue';
import { unsafeCharacterProblem } from './unsafeCharacters';

/** What is wrong with one part of a request. */
export interface RequestProblem {
  in: 'path' | 'query' | 'body';
  /** The parameter, or a JSON pointer to the field in the body (`/runs/2/status`). */
  path: string;
  message: string;
}

interface CompiledParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  explode: boolean;
  schema: ParameterSchema;
  validate: ValidateFunction;
}

interface CompiledOperation {
  method: string;
  /** The document's path, e.g. `/products/{namespace}/{name}/runs`. */
  path: string;
  parameters: CompiledParameter[];
  body?: { required: boolean; validate: ValidateFunction };
  responses: Map<string, ValidateFunction | undefined>;
}

const DOCUMENT_ID = 'stockroom-data-products-openapi';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * Checks requests against the plugin's published OpenAPI document
 * (src/schema/openapi.yaml): path and query parameters (types, enums,
 * ranges, formats; unknown query parameters are refused) and JSON bodies.
 * A request the document does not allow is a 400 naming every field at
 * fault, before any handler reads it.
 *
 * Used per route (`router.get(path, validator.middleware(), handler)`), so
 * authentication and permission checks still come first: a caller without
 * a token learns nothing about the API's shapes. Responses are not checked
 * at run time; the tests check them with `responseProblems`.
 */
export class OpenApiRequestValidator {
  readonly #operations = new Map<string, CompiledOperation>();

  static #published: OpenApiRequestValidator | undefined;

  /** A validator of `document`; of the published one (compiled once) without. */
  static fromDocument(document?: OpenApiDocument): OpenApiRequestValidator {
    if (document) return new OpenApiRequestValidator(document);
    OpenApiRequestValidator.#published ??= new OpenApiRequestValidator(
      loadOpenApiDocument(),
    );
    return OpenApiRequestValidator.#published;
  }

  private constructor(private readonly document: OpenApiDocument) {
    // Not strict: the document carries OpenAPI-only keywords (`example`)
    // beside JSON Schema; ajv reads OpenAPI 3.0's `nullable` itself.
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    addFormats(ajv);
    // Schemas are compiled where they sit in the document, so its local
    // `$ref`s (`#/components/schemas/…`) resolve against the document.
    ajv.addSchema(document, DOCUMENT_ID);
    const compile = (pointer: string) => {
      const validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
      if (!validate) throw new Error(`No schema at ${pointer} of the document`);
      return validate;
    };

    for (const [path, item] of Object.entries(document.paths)) {
      const shared = (item.parameters ?? []) as unknown[];
      for (const method of METHODS) {
        const operation = item[method] as Record<string, any> | undefined;
        if (!operation) continue;
        const base = `/paths/${escapePointerSegment(path)}`;
        const parameters = [
          ...shared.map((p, i) => this.resolve(p, `${base}/parameters/${i}`)),
          ...((operation.parameters ?? []) as unknown[]).map((p, i) =>
            this.resolve(p, `${base}/${method}/parameters/${i}`),
          ),
        ].map(({ value, pointer }) => ({
          name: value.name,
          in: value.in,
          required: value.in === 'path' || value.required === true,
          explode: value.explode ?? true,
          schema: value.schema ?? {},
          validate: compile(`${pointer}/schema`),
        }));

        let body: CompiledOperation['body'];
        if (operation.requestBody) {
          const { value, pointer } = this.resolve(
            operation.requestBody,
            `${base}/${method}/requestBody`,
          );
          if (value.content?.['application/json']?.schema) {
            body = {
              required: value.required === true,
              validate: compile(`${pointer}/content/application~1json/schema`),
            };
          }
        }

        const responses = new Map<string, ValidateFunction | undefined>();
        for (const [status, response] of Object.entries(
          (operation.responses ?? {}) as Record<string, unknown>,
        )) {
          const { value, pointer } = this.resolve(
            response,
            `${base}/${method}/responses/${status}`,
          );
          responses.set(
            status,
            value.content?.['application/json']?.schema
              ? compile(`${pointer}/content/application~1json/schema`)
              : undefined,
          );
        }

        this.#operations.set(key(method, path), {
          method,
          path,
          parameters,
          body,
          responses,
        });
      }
    }
  }

  /** Every documented operation, as `GET /products/{namespace}/{name}`. */
  operations(): string[] {
    return [...this.#operations.values()].map(
      ({ method, path }) => `${method.toUpperCase()} ${path}`,
    );
  }

  /** Whether the document describes this Express route (`/products/:name`). */
  documents(method: string, expressPath: string): boolean {
    return this.#operations.has(key(method, openApiPath(expressPath)));
  }

  /**
   * Route middleware: a 400 (InputError) listing every problem with the
   * path and query parameters and, unless `body: false`, the JSON body.
   * Ingestion passes `body: false` and asks for `bodyProblems` after its own
   * parser, whose problem lists (event index, field path) are finer.
   */
  middleware(options: { body?: boolean } = {}): RequestHandler {
    const checkBody = options.body ?? true;
    return (req: Request, _res: Response, next: NextFunction) => {
      const problems = this.requestProblems(req, { body: checkBody });
      if (problems.length > 0) {
        next(
          new InputError(
            `The request does not match the API: ${problems
              .map(problem => problem.message)
              .join('; ')}`,
          ),
        );
        return;
      }
      next();
    };
  }

  /**
   * The query parameters of a request the middleware let by, read as the
   * document types them (numbers, booleans, lists), with the document's
   * `default` for one not given: handlers take ranges and defaults from
   * the document this way instead of restating them.
   */
  queryValues(req: Request): Record<string, unknown> {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    for (const parameter of this.operationOf(req).parameters) {
      if (parameter.in !== 'query') continue;
      const raw = query[parameter.name];
      if (raw === undefined) {
        if (parameter.schema.default !== undefined) {
          values[parameter.name] = parameter.schema.default;
        }
        continue;
      }
      const read = readQueryValue(
        parameter.name,
        raw,
        parameter.schema,
        parameter.explode,
      );
      // Only for a request the middleware refused, which no handler sees.
      if (!read.ok) throw new InputError(read.message);
      values[parameter.name] = read.value;
    }
    return values;
  }

  /** Problems with a routed request's parameters and (optionally) body. */
  requestProblems(
    req: Request,
    options: { body?: boolean } = {},
  ): RequestProblem[] {
    const operation = this.operationOf(req);
    const problems: RequestProblem[] = [];
    const query = (req.query ?? {}) as Record<string, unknown>;
    const queryNames = operation.parameters
      .filter(p => p.in === 'query')
      .map(p => p.name);
    const given = new Set([
      ...Object.keys(query),
      ...queryNamesOf(req.originalUrl ?? req.url ?? ''),
    ]);
    const unknown = [...given].filter(name => !queryNames.includes(name));
    if (unknown.length > 0) {
      const named = unknown.map(name => {
        const meant = didYouMean(name, queryNames);
        return meant
          ? `${quoted(name)} (did you mean ${meant}?)`
          : quoted(name);
      });
      problems.push({
        in: 'query',
        path: unknown[0],
        message: `unknown query parameter${
          unknown.length > 1 ? 's' : ''
        } ${named.join(', ')}; ${
          queryNames.length
            ? `allowed parameters are ${queryNames.join(', ')}`
            : 'this endpoint takes none'
        }`,
      });
    }
    for (const parameter of operation.parameters) {
      const raw =
        parameter.in === 'path'
          ? req.params?.[parameter.name]
          : query[parameter.name];
      if (raw === undefined) {
        if (parameter.required) {
          problems.push({
            in: parameter.in,
            path: parameter.name,
            message: `${parameter.name} is required`,
          });
        }
        continue;
      }
      const unsafe = [raw]
        .flat()
        .map(value =>
          typeof value === 'string'
            ? unsafeCharacterProblem(parameter.name, value, parameter.in)
            : undefined,
        )
        .find(Boolean);
      if (unsafe) {
        problems.push({
          in: parameter.in,
          path: parameter.name,
          message: unsafe,
        });
        continue;
      }
      const read = readQueryValue(
        parameter.name,
        raw,
        parameter.schema,
        parameter.explode,
      );
      if (!read.ok) {
        problems.push({
          in: parameter.in,
          path: parameter.name,
          message: read.message,
        });
      } else if (!parameter.validate(read.value)) {
        for (const error of relevantErrors(parameter.validate.errors ?? [])) {
          problems.push({
            in: parameter.in,
            path: parameter.name,
            message: describeSchemaError(parameter.name, error, {
              query: parameter.in === 'query',
            }),
          });
        }
      }
    }
    if (options.body ?? true) problems.push(...this.bodyProblems(req));
    return problems;
  }

  /** Problems with a routed request's JSON body; paths like `runs[2].status`. */
  bodyProblems(req: Request): RequestProblem[] {
    const { body } = this.operationOf(req);
    if (!body) return [];
    const missing =
      req.body === undefined ||
      (typeof req.body === 'object' &&
        req.body !== null &&
        !Array.isArray(req.body) &&
        Object.keys(req.body).length === 0 &&
        !req.is('application/json'));
    if (missing) {
      return body.required
        ? [{ in: 'body', path: '', message: 'a JSON request body is required' }]
        : [];
    }
    if (body.validate(req.body)) return [];
    return relevantErrors(body.validate.errors ?? []).map(error => ({
      in: 'body' as const,
      path: problemPointer(error),
      message: describeSchemaError('', error),
    }));
  }

  /**
   * For tests: what is wrong with a response by the document, or `[]`.
   * A status the operation does not document is itself a problem.
   */
  responseProblems(
    method: string,
    path: string,
    status: number,
    body: unknown,
  ): string[] {
    const operation = this.#operations.get(key(method, openApiPath(path)));
    if (!operation)
      return [`${method.toUpperCase()} ${path} is not documented`];
    const documented =
      operation.responses.has(String(status)) ||
      operation.responses.has(`${String(status)[0]}XX`) ||
      operation.responses.has('default');
    if (!documented) {
      return [
        `status ${status} is not documented for ${method.toUpperCase()} ${path}`,
      ];
    }
    const validate =
      operation.responses.get(String(status)) ??
      operation.responses.get(`${String(status)[0]}XX`) ??
      operation.responses.get('default');
    if (!validate || validate(body)) return [];
    return relevantErrors(validate.errors ?? []).map(error =>
      describeSchemaError('', error),
    );
  }

  private operationOf(req: Request): CompiledOperation {
    const routePath = (req.route as { path?: unknown } | undefined)?.path;
    const operation =
      typeof routePath === 'string'
        ? this.#operations.get(key(req.method, openApiPath(routePath)))
        : undefined;
    if (!operation) {
      // A route added without documenting it: a bug, caught by the tests.
      throw new Error(
        `${req.method} ${String(
          routePath ?? req.path,
        )} is not in the OpenAPI document`,
      );
    }
    return operation;
  }

  /** A `$ref` to a component, followed to what it names, with its pointer. */
  private resolve(
    value: unknown,
    pointer: string,
  ): { value: Record<string, any>; pointer: string } {
    let current = value as Record<string, any>;
    let at = pointer;
    for (let hops = 0; typeof current?.$ref === 'string'; hops++) {
      const ref: string = current.$ref;
      if (!ref.startsWith('#/') || hops > 10) {
        throw new Error(`Unsupported $ref ${ref} at ${at} of the document`);
      }
      at = ref.slice(1);
      current = pointerSegments(at).reduce<any>(
        (node, segment) => node?.[segment],
        this.document,
      );
      if (current === undefined) {
        throw new Error(`$ref ${ref} names nothing in the document`);
      }
    }
    return { value: current, pointer: at };
  }
}

/**
 * The pointer of the field at fault: ajv points a missing or unknown field's
 * error at the object holding it (`/runs/0`), the caller needs the field
 * itself (`/runs/0/finishedAt`).
 */
function problemPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  let field: unknown;
  if (error.keyword === 'required') field = params.missingProperty;
  if (error.keyword === 'additionalProperties') {
    field = params.additionalProperty;
  }
  return typeof field === 'string'
    ? `${error.instancePath}/${escapePointerSegment(field)}`
    : error.instancePath;
}

function key(method: string, path: string): string {
  return `${method.toLowerCase()} ${path}`;
}

/** `/products/:namespace/:name` → `/products/{namespace}/{name}`. */
function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
