// Zod writes JSON Schema (2020-12 keywords even with its 'openapi-3.0' target for some types:
// `propertyNames` for z.record, `const` for literals); the document is OpenAPI 3.0.3, whose
// Schema Object knows a fixed set of keywords. This maps or drops what 3.0 does not know, so
// the document validates (http/openapi-validity.test.ts).

type Json = Record<string, unknown>;

/** JSON Schema keywords OpenAPI 3.0 has no place for (validation stays with zod). */
const DROP = new Set([
  '$schema', '$id', '$defs', 'definitions', 'propertyNames', 'patternProperties', 'unevaluatedProperties',
  'unevaluatedItems', 'prefixItems', 'contains', 'minContains', 'maxContains', 'dependentRequired',
  'dependentSchemas', 'if', 'then', 'else', 'contentEncoding', 'contentMediaType', '$comment',
]);
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** An OpenAPI 3.0 Schema Object from a JSON Schema (recursively; the input is not changed). */
export function toOpenApi30(schema: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (DROP.has(k)) continue;
    if (k === 'const') out.enum = [v];
    else if (k === 'examples') { if (Array.isArray(v) && v.length) out.example = v[0]; }
    else if ((k === 'properties') && isObj(v)) out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, isObj(s) ? toOpenApi30(s) : s]));
    else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && isObj(v)) out[k] = toOpenApi30(v);
    else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) out[k] = v.map((s) => (isObj(s) ? toOpenApi30(s) : s));
    else if (k === 'type' && Array.isArray(v)) {
      // ["string","null"] → type string, nullable (3.0 has one type per schema).
      const types = v.filter((t) => t !== 'null');
      if (types.length === 1) out.type = types[0];
      if (types.length < v.length) out.nullable = true;
    } else out[k] = v;
  }
  return out;
}
