import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { listAgencies } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { modifiedOf } from "./data.js";
import { type Licence, licences } from "./model.js";
import { type DatasetWithResources, findDataset, publishingAgencies, searchDatasets } from "./repository.js";

/**
 * A CKAN-compatible Action API (read-only) under /api/3/action/, so CKAN
 * clients and harvesters (ckanapi, CKAN's own harvester) read the catalogue:
 * package_list, package_show, package_search and organization_list, answered
 * as { help, success, result } or { help, success: false, error: { message, __type } }.
 */

type Lang = "ar" | "en";
type Names = Map<string, { ar: string; en: string }>;

class ActionError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const lang = (request: FastifyRequest): Lang => {
  const q = (request.query as Record<string, unknown>).lang;
  if (q === "ar" || q === "en") return q;
  return /^en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "ar";
};

const stamp = (d: Date | string) => (typeof d === "string" ? `${d}T00:00:00` : d.toISOString().replace(/Z$/, ""));

function organization(slug: string, names: Names, l: Lang) {
  const name = names.get(slug);
  return {
    id: slug,
    name: slug,
    title: name?.[l] ?? slug,
    display_name: name?.[l] ?? slug,
    type: "organization",
    state: "active",
    is_organization: true,
  };
}

/** A dataset as CKAN's package dictionary. */
function pkg(base: string, d: DatasetWithResources, names: Names, l: Lang) {
  const licence = licences[d.licence as Licence];
  const keywords = (l === "ar" ? d.keywordsAr : d.keywordsEn).split(" | ").filter(Boolean);
  return {
    id: d.id,
    name: d.slug,
    title: l === "ar" ? d.titleAr : d.titleEn,
    notes: l === "ar" ? d.descriptionAr : d.descriptionEn,
    title_translated: { ar: d.titleAr, en: d.titleEn },
    notes_translated: { ar: d.descriptionAr, en: d.descriptionEn },
    type: "dataset",
    state: "active",
    private: false,
    url: `${base}/opendata/${d.slug}`,
    license_id: licence?.ckan ?? d.licence,
    license_url: licence?.uri ?? null,
    metadata_created: stamp(d.createdAt),
    metadata_modified: stamp(modifiedOf(d)),
    owner_org: d.agency,
    organization: organization(d.agency, names, l),
    num_resources: d.resources.length,
    num_tags: keywords.length,
    tags: keywords.map((name) => ({ name, display_name: name })),
    groups: [{ name: d.theme.toLowerCase(), title: d.theme }],
    extras: [
      { key: "theme", value: d.theme },
      { key: "frequency", value: d.frequency },
      { key: "issued", value: d.issued },
      ...(d.temporalStart ? [{ key: "temporal_start", value: d.temporalStart }] : []),
      ...(d.temporalEnd ? [{ key: "temporal_end", value: d.temporalEnd }] : []),
    ],
    resources: d.resources.map((r, position) => ({
      id: r.id,
      package_id: d.id,
      name: `${l === "ar" ? r.nameAr : r.nameEn} (${r.format})`,
      format: r.format,
      mimetype: r.format === "CSV" ? "text/csv" : "application/json",
      url: `${base}/opendata/${d.slug}/${r.format.toLowerCase()}`,
      size: r.format === "CSV" ? r.sizeBytes : null,
      position,
      last_modified: stamp(d.generator ? modifiedOf(d) : r.modified),
      created: stamp(r.modified),
    })),
  };
}

const searchParams = z.object({
  q: z.string().max(200).default(""),
  fq: z.string().max(200).default(""),
  rows: z.coerce.number().int().min(0).max(1000).default(10),
  start: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** The organization a CKAN filter query asks for: organization:slug or organization:"slug"; other terms are refused. */
function organizationOf(fq: string): string | undefined {
  if (!fq.trim()) return undefined;
  const m = /^\s*\+?organization:"?([a-z0-9-]+)"?\s*$/.exec(fq);
  if (!m) throw new ActionError(409, "Validation Error", "fq: only organization:<name> is supported");
  return m[1];
}

function validation(error: z.ZodError): ActionError {
  const issue = error.issues[0];
  return new ActionError(409, "Validation Error", `${issue?.path.join(".") || "parameters"}: ${issue?.message ?? "invalid"}`);
}

export async function ckanRoutes(app: FastifyInstance, { db, baseUrl }: { db: Db; baseUrl: string }) {
  const base = baseUrl.replace(/\/$/, "");
  const help = (action: string) => `${base}/api/3/action/help_show?name=${action}`;
  const names = async (): Promise<Names> => new Map((await listAgencies(db)).map((a) => [a.slug, a.name]));

  const descriptions: Record<string, string> = {
    package_list: "Return the names of the site's published datasets.",
    package_show: "Return the metadata of a dataset and its resources. Parameters: id (the dataset's name or id).",
    package_search:
      "Search for datasets. Parameters: q (words to find), fq (organization:<name>), rows (default 10, at most 1000), start (default 0).",
    organization_list: "Return the names of the organizations that publish datasets. Parameters: all_fields (true for details).",
    help_show: "Return the help string for an action. Parameters: name.",
  };
  const actions: Record<string, (request: FastifyRequest) => Promise<unknown>> = {
    async help_show(request) {
      const name = String((request.query as Record<string, unknown>).name ?? "");
      const text = Object.hasOwn(descriptions, name) ? descriptions[name] : undefined;
      if (!text) throw new ActionError(404, "Not Found Error", "Action name not known");
      return text;
    },
    async package_list() {
      return (await searchDatasets(db)).map((d) => d.slug).sort();
    },
    async package_show(request) {
      const id = (request.query as Record<string, unknown>).id;
      if (typeof id !== "string" || !id) throw new ActionError(409, "Validation Error", "id: Missing value");
      const d = /^[a-z0-9-]{1,100}$/.test(id) ? await findDataset(db, id) : undefined;
      const found = d?.published ? d : (await searchDatasets(db)).find((x) => x.id === id);
      if (!found) throw new ActionError(404, "Not Found Error", "Not found");
      return pkg(base, found, await names(), lang(request));
    },
    async package_search(request) {
      const parsed = searchParams.safeParse(request.query ?? {});
      if (!parsed.success) throw validation(parsed.error);
      const { q, fq, rows, start } = parsed.data;
      const agency = organizationOf(fq);
      const found = await searchDatasets(db, { q: q === "*:*" ? "" : q, agency });
      const n = await names();
      return {
        count: found.length,
        sort: "metadata_modified desc",
        facets: {},
        search_facets: {},
        results: found.slice(start, start + rows).map((d) => pkg(base, d, n, lang(request))),
      };
    },
    async organization_list(request) {
      const allFields = ["true", "True", "1"].includes(String((request.query as Record<string, unknown>).all_fields ?? ""));
      const [counts, n] = await Promise.all([publishingAgencies(db), names()]);
      const slugs = [...counts.keys()].sort();
      if (!allFields) return slugs;
      return slugs.map((s) => ({ ...organization(s, n, lang(request)), package_count: counts.get(s) ?? 0 }));
    },
  };

  /** Answers one action in CKAN's envelope; a refusal as { success: false, error } with its status. */
  const answer = (action: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    // Harvesters are servers: no CORS header, like the rest of the API (closed by default).
    reply.header("cache-control", "public, max-age=60");
    const run = actions[action];
    if (!run) throw new Error(`no action ${action}`);
    try {
      return reply.send({ help: help(action), success: true, result: await run(request) });
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      return reply
        .code(error.status)
        .send({ help: help(action), success: false, error: { message: error.message, __type: error.type } });
    }
  };
  for (const action of Object.keys(actions)) app.get(`/api/3/action/${action}`, answer(action));
  // Any other action: refused as CKAN refuses an unknown one.
  app.get("/api/3/action/:action", async (request, reply) =>
    reply.code(400).send({
      help: help("help_show"),
      success: false,
      error: {
        message: `Bad request - Action name not known: ${String((request.params as { action?: string }).action ?? "").slice(0, 100)}`,
        __type: "Bad Request",
      },
    }),
  );
}
