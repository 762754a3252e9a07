import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import type { OpenAPIV3_1 } from "openapi-types";
import { z } from "zod";
import { translator } from "../platform/i18n/messages.js";
import { API_TAGS, isDocumented, operationIdOf, tagOf } from "./operations.js";
import { apiError, ME_SCOPE, SECURITY_SCHEME } from "./schemas.js";

export type OpenApiDocument = OpenAPIV3_1.Document;
export type Operation = OpenAPIV3_1.OperationObject;

export const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/**
 * Collects the routes' zod schemas for the OpenAPI 3.1 document
 * (@fastify/swagger with fastify-type-provider-zod's transform). Registered
 * before the areas, so it sees every route; only /api/v1 and /api/3 are
 * documented, everything else (pages, the identity provider) is hidden.
 */
export const openApiCollector = fp(async (app: FastifyInstance, { baseUrl }: { baseUrl: string }) => {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Hukoomi API", version: "1" },
      servers: [{ url: baseUrl }],
      components: { securitySchemes: securitySchemes(baseUrl) },
    },
    transform: (document) => {
      // The open-data portal's CKAN-style API is documented once its routes declare schemas.
      const hidden = !isDocumented(document.url) || (document.url.startsWith("/api/3/") && !document.schema);
      if (hidden) return { schema: { hide: true }, url: document.url };
      return jsonSchemaTransform(document);
    },
  });
});

/** How the signed-in calls are authorised: OAuth 2.0 authorization code (with PKCE) at the portal's identity provider. */
function securitySchemes(baseUrl: string): Record<string, OpenAPIV3_1.SecuritySchemeObject> {
  const tr = translator("en");
  return {
    [SECURITY_SCHEME]: {
      type: "oauth2",
      description: tr.t("apiDocs.document.security"),
      flows: {
        authorizationCode: {
          authorizationUrl: `${baseUrl}/idp/auth`,
          tokenUrl: `${baseUrl}/idp/token`,
          scopes: { [ME_SCOPE]: tr.t("apiDocs.document.scope") },
        },
      },
    },
  };
}

/** The JSON Schema of a refusal, as the document's components hold it. */
const errorJsonSchema = z.toJSONSchema(apiError, { target: "draft-2020-12", io: "output" }) as OpenAPIV3_1.SchemaObject;
delete (errorJsonSchema as { $schema?: string }).$schema;

const ERROR_REF = { $ref: "#/components/schemas/Error" };

/**
 * Completes what the route schemas give (paths, parameters, bodies,
 * response schemas) with what people read: the title, groups, each
 * operation's id and summary and each response's description (English, from
 * the catalogue), the refusals every operation may answer, and how to sign
 * calls with a bearer token from the portal's identity provider.
 */
export function describeDocument(raw: OpenApiDocument, baseUrl: string, version: string): OpenApiDocument {
  const tr = translator("en");
  const text = (key: string) => (tr.has(key) ? tr.t(key) : undefined);
  const doc = structuredClone(raw);
  doc.info = {
    title: tr.t("apiDocs.document.title"),
    description: tr.t("apiDocs.document.description"),
    version,
    // The portal's own licence (package.json), as an SPDX identifier.
    license: { name: "MIT License", identifier: "MIT" },
  };
  doc.servers = [{ url: baseUrl }];
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Error: errorJsonSchema },
    securitySchemes: securitySchemes(baseUrl),
  };
  const used = new Set<string>();
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const path of Object.keys(doc.paths ?? {}).sort()) {
    const item = doc.paths?.[path];
    if (!item) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const id = operationIdOf(method, path);
      const tag = tagOf(path);
      used.add(tag);
      op.operationId = id;
      op.tags = [tag];
      // A public operation says so (an empty list), so no reader takes a missing list for an oversight.
      op.security ??= [];
      const summary = text(`apiDocs.operations.${id}`);
      if (summary) op.summary = summary;
      const responses = op.responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if ("$ref" in response) continue;
        if (response.description === "Default Response")
          response.description =
            text(`apiDocs.operationResponses.${id}.${status}`) ?? text(`apiDocs.responses.${status}`) ?? status;
      }
      if (!Object.keys(responses).some((s) => s.startsWith("4"))) {
        responses["4XX"] = {
          description: tr.t("apiDocs.responses.4XX"),
          content: { "application/json": { schema: ERROR_REF } },
        };
      }
      op.responses = responses;
    }
    paths[path] = item;
  }
  doc.paths = paths;
  const order = (tag: string) => {
    const at = (API_TAGS as readonly string[]).indexOf(tag);
    return at === -1 ? API_TAGS.length : at;
  };
  doc.tags = [...used]
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((name) => ({ name, description: text(`apiDocs.tags.${name}.description`) ?? name }));
  return doc;
}
