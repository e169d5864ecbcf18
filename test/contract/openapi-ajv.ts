import Ajv from 'ajv';
import addFormats from 'ajv-formats';

// An Ajv set up to read OpenAPI 3.0 schemas as the JSON Schema they almost are.
//
// - `nullable: true`: Ajv 8 supports it natively when the schema also has `type` (it throws
//   otherwise). Both Jira files always put `type` next to `nullable` (checked), and
//   normalizeOpenApi() rewrites any that would not, so no schema can make compilation fail.
// - OpenAPI-only keywords (`example`, `discriminator`, `xml`, `externalDocs`, `x-*`) are
//   annotations: `strict: false` makes Ajv ignore unknown keywords instead of refusing the
//   schema. `readOnly`, `writeOnly` and `deprecated` are JSON Schema annotations Ajv knows.
// - Formats: ajv-formats covers the JSON Schema ones and OpenAPI's int32, int64, float,
//   double, byte, binary. `date-time` is widened to Jira's own dialect, see below.

/** ISO 8601 date-time with a zone: `Z`, `+01:00`, or Jira's `+0100` (no colon). */
const JIRA_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export function createOpenApiAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, verbose: false });
  addFormats(ajv);
  // Jira Cloud writes its times as `2020-03-31T16:43:50.000+0000`: the spec's own examples do
  // (ServerInformation.serverTime), and the app parses that form. RFC 3339 wants `+00:00`,
  // so the strict ajv-formats check would reject every real Jira answer; accept both.
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) =>
      JIRA_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))),
  });
  return ajv;
}

type Json = unknown;

/**
 * Rewrites an OpenAPI 3.0 document in place so that its schemas mean, for Ajv, what they
 * mean for a response:
 * - `$ref` siblings are dropped (OpenAPI 3.0 says they are ignored);
 * - `nullable: true` without `type` becomes `anyOf: [{ type: 'null' }, rest]`;
 * - a `writeOnly` property is never required in a response (OpenAPI 3.0 rule).
 */
export function normalizeOpenApi(node: Json): Json {
  if (Array.isArray(node)) {
    node.forEach((item, i) => (node[i] = normalizeOpenApi(item)));
    return node;
  }
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, Json>;
  if (typeof obj.$ref === 'string') return { $ref: obj.$ref };
  for (const key of Object.keys(obj)) obj[key] = normalizeOpenApi(obj[key]);
  if (Array.isArray(obj.required) && obj.properties && typeof obj.properties === 'object') {
    const props = obj.properties as Record<string, { writeOnly?: unknown } | undefined>;
    obj.required = (obj.required as Json[]).filter(
      (name) => typeof name !== 'string' || props[name]?.writeOnly !== true,
    );
  }
  if (obj.nullable === true && obj.type === undefined) {
    const { nullable: _nullable, ...rest } = obj;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return obj;
}

/** A copy of an inline schema whose local refs (`#/...`) point into the document `docId`. */
export function anchorRefs(node: Json, docId: string): Json {
  if (Array.isArray(node)) return node.map((item) => anchorRefs(item, docId));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${docId}${value}`
        : anchorRefs(value, docId);
  }
  return out;
}
