import fs from 'node:fs';
import path from 'node:path';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { anchorRefs, createOpenApiAjv, normalizeOpenApi } from './openapi-ajv';

// One OpenAPI 3.0 file, read as the contract of the responses it documents.

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
export interface Operation {
  responses?: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, Operation | undefined> | undefined>;
}

export type ResponseCheck = { ok: true; note?: string } | { ok: false; message: string };

/**
 * Statuses Jira may answer although an operation does not list them. Atlassian documents
 * authentication (401), rate limiting (429) and server errors (5xx) once for the whole API,
 * not per operation. 400, 403 and 404 are answered by nearly every operation (bad input, a
 * missing permission, an unknown or invisible entity) and the published file lists them
 * inconsistently (e.g. DELETE issue property omits 403 though Jira checks edit permission).
 * These are accepted when undocumented, but only with Jira's error body (ErrorCollection);
 * every other undocumented status, success ones included (200 where 201 is documented), fails.
 */
const GENERIC_ERROR_STATUSES = new Set([400, 401, 403, 404, 429, 500, 502, 503, 504]);

const ERROR_COLLECTION = {
  type: 'object',
  additionalProperties: false,
  properties: {
    errorMessages: { type: 'array', items: { type: 'string' } },
    errors: { type: 'object', additionalProperties: { type: 'string' } },
    status: { type: 'integer' },
  },
};

// One Ajv for every spec: each document is added once under its own id, and each response
// schema is compiled once, however many times it is used.
let sharedAjv: Ajv | undefined;
const ajv = (): Ajv => (sharedAjv ??= createOpenApiAjv());
const loaded = new Map<string, OpenApiSpec>();

export class OpenApiSpec {
  private readonly validators = new Map<string, ValidateFunction | null>();

  private constructor(
    readonly id: string,
    private readonly doc: Document,
  ) {}

  /** Reads a spec file once per process; later calls share it and its compiled schemas. */
  static load(file: string): OpenApiSpec {
    const known = loaded.get(file);
    if (known) return known;
    const id = path.basename(file);
    const doc = normalizeOpenApi(JSON.parse(fs.readFileSync(file, 'utf8'))) as Document;
    ajv().addSchema(doc as object, id, undefined, false);
    const spec = new OpenApiSpec(id, doc);
    loaded.set(file, spec);
    return spec;
  }

  operation(method: string, template: string): Operation | undefined {
    return this.doc.paths[template]?.[method.toLowerCase()];
  }

  hasOperation(method: string, template: string): boolean {
    return this.operation(method, template) !== undefined;
  }

  /** Checks a status and a parsed JSON body (undefined when empty) against the documented response. */
  checkResponse(method: string, template: string, status: number, body: unknown): ResponseCheck {
    const where = `${method} ${template} -> ${status}`;
    const operation = this.operation(method, template);
    if (!operation) return { ok: false, message: `${where}: the operation is not in ${this.id}` };
    const response = operation.responses?.[String(status)] ?? operation.responses?.[`${String(status)[0]}XX`];
    if (!response) return this.checkUndocumented(where, operation, status, body);
    const content = response.content ?? {};
    const media = content['application/json'] ?? Object.values(content)[0];
    // Documented without a schema (no content, or an example only): the status is the contract.
    if (!media || media.schema === undefined) return { ok: true };
    const validate = this.validator(method, template, status, media.schema);
    if (!validate) return { ok: true };
    if (body === undefined)
      return { ok: false, message: `${where}: the spec documents a JSON body, the site sent none` };
    if (validate(body)) return { ok: true };
    return { ok: false, message: `${where} does not match ${this.id}:\n${formatErrors(validate.errors, body)}` };
  }

  private checkUndocumented(where: string, operation: Operation, status: number, body: unknown): ResponseCheck {
    const documented = Object.keys(operation.responses ?? {}).join(', ') || 'none';
    if (!GENERIC_ERROR_STATUSES.has(status))
      return { ok: false, message: `${where}: status not documented (documented: ${documented})` };
    const problem = body === undefined ? undefined : errorBodyProblem(body);
    if (problem)
      return { ok: false, message: `${where}: undocumented generic error without Jira's error body:\n${problem}` };
    return {
      ok: true,
      note: `${where}: generic error status, not documented for this operation (documented: ${documented})`,
    };
  }

  /** The compiled schema of one response, or null when the schema accepts anything ({}). */
  private validator(method: string, template: string, status: number, schema: unknown): ValidateFunction | null {
    const key = `${method} ${template} ${status}`;
    if (!this.validators.has(key)) {
      const trivial = typeof schema === 'object' && schema !== null && Object.keys(schema).length === 0;
      this.validators.set(key, trivial ? null : ajv().compile(anchorRefs(schema, this.id) as object));
    }
    return this.validators.get(key) ?? null;
  }
}

let errorCollection: ValidateFunction | undefined;

/** Why a body is not Jira's error collection (`{ errorMessages, errors }`), or undefined when it is. */
export function errorBodyProblem(body: unknown): string | undefined {
  errorCollection ??= ajv().compile(ERROR_COLLECTION);
  return errorCollection(body) ? undefined : formatErrors(errorCollection.errors, body);
}

/** One line per error: where in the body, what is wrong, and the offending value. */
export function formatErrors(errors: ErrorObject[] | null | undefined, body: unknown): string {
  return (errors ?? [])
    .map((e) => {
      const at = e.instancePath || '(root)';
      const extra =
        e.keyword === 'additionalProperties'
          ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'`
          : '';
      return `  - ${at}: ${e.message ?? e.keyword}${extra} (value: ${preview(valueAt(body, e.instancePath))}; schema: ${e.schemaPath})`;
    })
    .join('\n');
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

const preview = (value: unknown): string => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};
