import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "../openapi";

/**
 * Checks a real response against what the OpenAPI document promises for that operation and
 * status (the body's JSON Schema; an undocumented status fails). Used by the API's integration
 * and end-to-end tests.
 */
export function responseChecker(doc = openApiDocument()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const base = "https://tailnet-connect.invalid/openapi.json";
  ajv.addSchema({ $id: base, components: doc.components });
  const paths = doc.paths as Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>
  >;

  return function check(method: string, pathTemplate: string, status: number, body: unknown): string[] {
    const op = paths[pathTemplate]?.[method.toLowerCase()];
    if (!op) return [`${method} ${pathTemplate} is not in the document`];
    const response = op.responses[String(status)] ?? op.responses.default;
    if (!response) return [`${method} ${pathTemplate} does not document status ${status}`];
    const schema = response.content?.["application/json"]?.schema;
    if (!schema)
      return body === undefined || body === null || body === ""
        ? []
        : op.responses.default
          ? []
          : [`${status} has no documented body`];
    const ref = schema.$ref ? { $ref: `${base}${schema.$ref}` } : schema;
    const validate = ajv.compile(ref);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
