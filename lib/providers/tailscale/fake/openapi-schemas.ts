import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

/*
 * Turns the vendored Tailscale OpenAPI 3.1 spec into ajv validators, so the contract tests check
 * the fake's real HTTP answers against Tailscale's own schemas. Objects are closed
 * (`additionalProperties: false` where the spec leaves it open) so the fake cannot invent fields.
 */

const SPEC_PATH = path.join(__dirname, "tailscale-v2-openapi.yaml");
const ROOT_ID = "tailscale-openapi";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Drops documentation-only keywords and points `$ref`s at the definitions root. */
function clean(schema: Json, closeObjects: boolean): Json {
  if (Array.isArray(schema)) return schema.map((s) => clean(s, closeObjects));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "example" || key === "examples" || key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string") {
      out.$ref = value.replace("#/components/schemas/", `${ROOT_ID}#/definitions/`);
      continue;
    }
    // Property names are data, not keywords: keep them all, clean their schemas.
    if (key === "properties" && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, clean(s, closeObjects)]));
      continue;
    }
    out[key] = clean(value, closeObjects);
  }
  if (closeObjects && isObject(out.properties) && !("additionalProperties" in out)) out.additionalProperties = false;
  return out;
}

export interface SpecValidators {
  component(name: string): ValidateFunction;
  response(specPath: string, method: string, status: string): ValidateFunction;
  spec: JsonObject;
}

export function loadSpecValidators({ closeObjects = true } = {}): SpecValidators {
  const spec = parse(readFileSync(SPEC_PATH, "utf8")) as JsonObject;
  const components = spec.components as JsonObject;
  const schemas = components.schemas as JsonObject;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const definitions = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, clean(s, closeObjects)]));
  ajv.addSchema({ $id: ROOT_ID, definitions });

  const responseSchema = (specPath: string, method: string, status: string): Json => {
    const operation = ((spec.paths as JsonObject)[specPath] as JsonObject)[method] as JsonObject;
    let response = (operation.responses as JsonObject)[status] as JsonObject;
    if (typeof response.$ref === "string") {
      const name = response.$ref.replace("#/components/responses/", "");
      response = (components.responses as JsonObject)[name] as JsonObject;
    }
    const content = response.content as JsonObject | undefined;
    if (!content) return {};
    return (content["application/json"] as JsonObject).schema as Json;
  };

  return {
    spec,
    component: (name) => {
      if (!(name in schemas)) throw new Error(`no schema ${name} in the spec`);
      return ajv.compile({ $ref: `${ROOT_ID}#/definitions/${name}` });
    },
    response: (specPath, method, status) =>
      ajv.compile(clean(responseSchema(specPath, method, status), closeObjects) as object),
  };
}
