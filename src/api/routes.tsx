import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { MOBILE_APP_CLIENT_ID } from "../idp/demo-client.js";
import { describeDocument, type OpenApiDocument } from "./openapi.js";
import { ApiDocsPage } from "./views/ApiDocsPage.js";

export interface ApiDocumentOptions {
  baseUrl: string;
  version: string;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The OpenAPI 3.1 document of /api/v1 and /api/3, made once the app is ready. */
    apiDocument(): OpenApiDocument;
  }
}

/** GET /api/openapi.json: the document, made from the route schemas once every route is known. */
export const apiDocumentRoutes = fp(async (app: FastifyInstance, { baseUrl, version }: ApiDocumentOptions) => {
  let made: OpenApiDocument | undefined;
  app.decorate("apiDocument", () => {
    made ??= describeDocument(app.swagger() as OpenApiDocument, baseUrl, version);
    return made;
  });
  app.get("/api/openapi.json", async (_request, reply) =>
    reply.header("cache-control", "public, max-age=300").type("application/json; charset=utf-8").send(app.apiDocument()),
  );
});

/** /api/docs and /en/api/docs: the documentation, rendered on the server from the document. */
export async function apiDocsPageRoutes(app: FastifyInstance, { baseUrl }: { baseUrl: string }) {
  app.get("/api/docs", async (request, reply) => {
    const title = request.tr.t("apiDocs.page.title");
    return reply.page({
      title,
      description: request.tr.t("apiDocs.page.lead"),
      breadcrumbs: [{ label: title }],
      body: <ApiDocsPage doc={app.apiDocument()} baseUrl={baseUrl} demoClientId={MOBILE_APP_CLIENT_ID} />,
    });
  });
}
