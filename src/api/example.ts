/** A JSON Schema as the OpenAPI 3.1 document holds it (2020-12), loosely typed for reading. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  "date-time": "2026-01-31T09:30:00.000Z",
  date: "2026-01-31",
  email: "name@example.com",
  uri: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
};

/**
 * An example value of the shape a schema describes, for the documentation:
 * each property with a value of its type (the first of an enum, a default,
 * a sample date for a date), each array with one item.
 */
export function exampleOf(schema: JsonSchema | undefined, resolve: (ref: string) => JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 12) return null;
  if (schema.$ref) return exampleOf(resolve(schema.$ref), resolve, depth + 1);
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) {
    const first = variants.find((v) => v.type !== "null") ?? variants[0];
    return exampleOf(first, resolve, depth + 1);
  }
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s, resolve, depth + 1) as object));
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? schema.type[0]) : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, s]) => [name, exampleOf(s, resolve, depth + 1)]),
      );
    case "array":
      return [exampleOf(schema.items, resolve, depth + 1)];
    case "string":
      return (schema.format && FORMAT_EXAMPLES[schema.format]) ?? "string";
    case "integer":
      return schema.minimum ?? 0;
    case "number":
      return schema.minimum ?? 0;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return null;
  }
}

/** A short description of a parameter's type: "integer, 1–100, default 20" is composed by the page from these parts. */
export function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  if (schema.enum?.length) return schema.enum.map(String).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
  return schema.format ? `${type} (${schema.format})` : type;
}
