import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/client.js";
import { actions, Catalogue } from "./actions.js";
import type { Lang } from "./dictize.js";
import { BadRequest, CkanError } from "./errors.js";
import type { DataDict } from "./params.js";

/**
 * CKAN's Action API, read-only, where CKAN 2.10/2.11 serves it
 * (ckan/views/api.py): /api/action/<name> and /api/3/action/<name>, GET with
 * the parameters in the query string or POST with a JSON object (ckanapi's
 * RemoteCKAN POSTs to /api/action/), and GET /api/3 for the version. Answers
 * { help, success, result } or { help, success: false, error } with CKAN's
 * statuses; an unknown action or an unreadable body is a 400 whose body is
 * a JSON string, as in CKAN. Nothing here changes state, so no anti-forgery
 * check applies (no cookie is read); `lang` (ar, en) or Accept-Language
 * chooses the language of titles, Arabic by default.
 */

const jsonError = (why: string) => new BadRequest(`JSON Error: ${why}`);

/** CKAN's _get_request_data: the query string for GET, a JSON object (or a form holding one) for POST. */
function requestData(request: FastifyRequest): DataDict {
  if (request.method === "GET") return { ...(request.query as DataDict) };
  const body = request.body;
  if (body === undefined || body === null || body === "") return { ...(request.query as DataDict) };
  let data: unknown = body;
  if (typeof body === "string") {
    try {
      data = JSON.parse(body);
    } catch (error) {
      throw jsonError(`Error decoding JSON data. Error: ${(error as Error).message}`);
    }
  } else if (typeof body === "object" && !Array.isArray(body)) {
    // A form whose one field is a JSON object with an empty or "1" value, as old clients send.
    const entries = Object.entries(body as Record<string, unknown>);
    if (entries.length === 1 && ["", "1"].includes(String(entries[0]?.[1]))) {
      try {
        data = JSON.parse(entries[0]?.[0] ?? "");
      } catch (error) {
        throw jsonError(`Error decoding JSON data. Error: ${(error as Error).message}`);
      }
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw jsonError(`Request data JSON decoded to ${JSON.stringify(data)?.slice(0, 100)} but it needs to be a dictionary.`);
  return data as DataDict;
}

function languageOf(request: FastifyRequest, data: DataDict): Lang {
  const asked = data.lang;
  delete data.lang;
  if (asked === "ar" || asked === "en") return asked;
  return /^en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "ar";
}

/** CKAN's _finish_bad_request: a 400 whose body is a JSON string, not an envelope. */
const bare = (reply: FastifyReply, why: string) =>
  reply
    .code(400)
    .type("application/json; charset=utf-8")
    .send(JSON.stringify(`Bad request: ${why}`));

export async function ckanRoutes(app: FastifyInstance, { db, baseUrl }: { db: Db; baseUrl: string }) {
  const base = baseUrl.replace(/\/$/, "");
  // The body is read here, so a malformed one is CKAN's 400 rather than the portal's (this plugin's scope only).
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));

  const answer = async (request: FastifyRequest, reply: FastifyReply) => {
    const name = (request.params as { action: string }).action;
    const help = `${base}/api/3/action/help_show?name=${encodeURIComponent(name)}`;
    reply.header("cache-control", request.method === "GET" ? "public, max-age=60" : "no-store");
    const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (!action) return bare(reply, `Action name not known: ${name.slice(0, 100)}`);
    try {
      const data = requestData(request);
      delete data.callback;
      const lang = languageOf(request, data);
      const result = await action(await Catalogue.load(db, base, lang), data);
      return reply.send({ help, success: true, result });
    } catch (error) {
      if (error instanceof BadRequest) return bare(reply, error.message);
      if (!(error instanceof CkanError)) throw error;
      return reply.code(error.status).send({ help, success: false, error: error.body() });
    }
  };
  for (const prefix of ["/api/action", "/api/3/action"]) {
    app.route({ method: ["GET", "POST"], url: `${prefix}/:action`, handler: answer });
  }
  app.get("/api/3", async (_request, reply) => reply.header("cache-control", "public, max-age=3600").send({ version: 3 }));
}
