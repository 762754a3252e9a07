import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { withAudit } from "../audit/log.js";
import { agencyName, findAgency, listAgencies } from "../catalogue/service.js";
import { problemMessage } from "../forms/problems.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { NotFoundError } from "../platform/http/errors.js";
import { formBody, parseOrRefuse } from "../platform/http/forms.js";
import type { BestBet } from "../search/service.js";
import {
  type AgencyNames,
  addAgencyNames,
  addBestBet,
  addSynonymGroup,
  deleteAgencyNames,
  deleteBestBet,
  deleteSynonymGroup,
  listAgencyNames,
  listBestBetRows,
  listSynonymGroups,
  type SynonymGroup,
  updateAgencyNames,
  updateSynonymGroup,
} from "../search/settings.js";
import { adminAudit, adminPage, doneRedirect, formErrors, typedValues } from "./render.js";
import type { AdminRouteOptions } from "./routes.js";
import { agencyNamesBody, bestBetBody, doneQuery, idParams, newAgencyNamesBody, synonymBody } from "./schemas.js";
import { AgencyNamesEditPage } from "./views/AgencyNamesPage.js";
import { SearchSettingsPage, type SearchSettingsProps, SynonymEditPage } from "./views/SearchPages.js";

/**
 * Search synonyms, agencies' other names and best bets, stored by src/search/settings.ts: every
 * change bumps the "search-settings" counter, so every instance rebuilds its
 * index within seconds.
 */
export async function searchSettingRoutes(app: FastifyInstance, { db, findsResult }: AdminRouteOptions) {
  const title = (request: FastifyRequest) => request.tr.t("admin.search.title");

  async function showSettings(request: FastifyRequest, reply: FastifyReply, refused?: SearchSettingsProps["refused"]) {
    const { done } = doneQuery.parse(request.query);
    const [synonyms, bestBets, agencyNames, agencies] = await Promise.all([
      listSynonymGroups(db),
      listBestBetRows(db),
      listAgencyNames(db),
      listAgencies(db),
    ]);
    const sorted = agencies
      .map((a) => ({ slug: a.slug, name: a.name[request.locale] }))
      .sort((a, b) => a.name.localeCompare(b.name, request.locale));
    return adminPage(request, reply, {
      title: title(request),
      errors: refused?.errors,
      body: (
        <SearchSettingsPage
          synonyms={synonyms}
          bestBets={bestBets}
          agencyNames={agencyNames}
          agencies={sorted}
          refused={refused}
          done={done}
        />
      ),
    });
  }

  /** True when search finds the pinned result (so a best bet never points at nothing). */
  const targetExists = (bet: BestBet): Promise<boolean> => findsResult(bet.type, bet.slug);

  app.get("/admin/search", async (request, reply) => showSettings(request, reply));

  app.post("/admin/search/synonyms", async (request, reply) => {
    const body = formBody(request.body);
    const parsed = synonymBody.safeParse(body);
    if (!parsed.success) {
      return showSettings(request, reply, {
        form: "synonyms",
        values: typedValues(body),
        errors: formErrors(request, parsed.error),
      });
    }
    await withAudit(
      db,
      (tx) => addSynonymGroup(tx, parsed.data.terms),
      (made) =>
        adminAudit(request, {
          action: "search-synonyms.created",
          objectType: "search-synonyms",
          objectId: String(made.id),
          before: null,
          after: { terms: made.terms },
        }),
    );
    return doneRedirect(request, reply, "/admin/search", "created");
  });

  async function group(request: FastifyRequest): Promise<SynonymGroup> {
    const { id } = parseOrRefuse(idParams, request.params, { notFound: true });
    const found = (await listSynonymGroups(db)).find((g) => g.id === id);
    if (!found) throw new NotFoundError();
    return found;
  }

  function showGroup(
    request: FastifyRequest,
    reply: FastifyReply,
    g: SynonymGroup,
    values: Record<string, string>,
    errors: FieldError[],
  ) {
    const { done } = doneQuery.parse(request.query);
    return adminPage(request, reply, {
      title: request.tr.t("admin.search.editSynonyms"),
      trail: [{ label: title(request), path: "/admin/search" }],
      errors,
      body: <SynonymEditPage group={g} values={values} errors={errors} done={done} />,
    });
  }

  app.get("/admin/search/synonyms/:id", async (request, reply) => {
    const g = await group(request);
    return showGroup(request, reply, g, { terms: g.terms.join("\n") }, []);
  });

  app.post("/admin/search/synonyms/:id", async (request, reply) => {
    const before = await group(request);
    const body = formBody(request.body);
    const parsed = synonymBody.safeParse(body);
    if (!parsed.success) return showGroup(request, reply, before, typedValues(body), formErrors(request, parsed.error));
    await withAudit(
      db,
      (tx) => updateSynonymGroup(tx, before.id, parsed.data.terms),
      (after) =>
        after
          ? adminAudit(request, {
              action: "search-synonyms.changed",
              objectType: "search-synonyms",
              objectId: String(before.id),
              before: { terms: before.terms },
              after: { terms: after.terms },
            })
          : undefined,
    );
    return doneRedirect(request, reply, `/admin/search/synonyms/${before.id}`, "saved");
  });

  app.post("/admin/search/synonyms/:id/delete", async (request, reply) => {
    const before = await group(request);
    await withAudit(
      db,
      (tx) => deleteSynonymGroup(tx, before.id),
      (gone) =>
        gone
          ? adminAudit(request, {
              action: "search-synonyms.removed",
              objectType: "search-synonyms",
              objectId: String(before.id),
              before: { terms: gone.terms },
              after: null,
            })
          : undefined,
    );
    return doneRedirect(request, reply, "/admin/search", "deleted");
  });

  app.post("/admin/search/agency-names", async (request, reply) => {
    const body = formBody(request.body);
    const parsed = newAgencyNamesBody.safeParse(body);
    const refuse = (errors: FieldError[]) =>
      showSettings(request, reply, { form: "agencyNames", values: typedValues(body), errors });
    if (!parsed.success) return refuse(formErrors(request, parsed.error));
    if (!(await findAgency(db, parsed.data.agency))) {
      return refuse([problemMessage(request.tr, { field: "agency", key: "admin.search.errors.agency" })]);
    }
    const made = await withAudit(
      db,
      (tx) => addAgencyNames(tx, parsed.data.agency, parsed.data.names),
      (row) =>
        row
          ? adminAudit(request, {
              action: "search-agency-names.created",
              objectType: "search-agency-names",
              objectId: String(row.id),
              before: null,
              after: { agency: row.agencySlug, names: row.names },
            })
          : undefined,
    );
    if (!made) return refuse([problemMessage(request.tr, { field: "agency", key: "admin.search.errors.agencyTaken" })]);
    return doneRedirect(request, reply, "/admin/search", "created");
  });

  async function namesRow(request: FastifyRequest): Promise<AgencyNames & { agencyName: string }> {
    const { id } = parseOrRefuse(idParams, request.params, { notFound: true });
    const found = (await listAgencyNames(db)).find((r) => r.id === id);
    if (!found) throw new NotFoundError();
    return { ...found, agencyName: (await agencyName(db, found.agencySlug))[request.locale] };
  }

  function showNames(
    request: FastifyRequest,
    reply: FastifyReply,
    row: AgencyNames & { agencyName: string },
    values: Record<string, string>,
    errors: FieldError[],
  ) {
    const { done } = doneQuery.parse(request.query);
    return adminPage(request, reply, {
      title: request.tr.t("admin.search.editAgencyNames", { agency: row.agencyName }),
      trail: [{ label: title(request), path: "/admin/search" }],
      errors,
      body: <AgencyNamesEditPage row={row} values={values} errors={errors} done={done} />,
    });
  }

  app.get("/admin/search/agency-names/:id", async (request, reply) => {
    const row = await namesRow(request);
    return showNames(request, reply, row, { names: row.names.join("\n") }, []);
  });

  app.post("/admin/search/agency-names/:id", async (request, reply) => {
    const before = await namesRow(request);
    const body = formBody(request.body);
    const parsed = agencyNamesBody.safeParse(body);
    if (!parsed.success) return showNames(request, reply, before, typedValues(body), formErrors(request, parsed.error));
    await withAudit(
      db,
      (tx) => updateAgencyNames(tx, before.id, parsed.data.names),
      (after) =>
        after
          ? adminAudit(request, {
              action: "search-agency-names.changed",
              objectType: "search-agency-names",
              objectId: String(before.id),
              before: { agency: before.agencySlug, names: before.names },
              after: { agency: after.agencySlug, names: after.names },
            })
          : undefined,
    );
    return doneRedirect(request, reply, `/admin/search/agency-names/${before.id}`, "saved");
  });

  app.post("/admin/search/agency-names/:id/delete", async (request, reply) => {
    const before = await namesRow(request);
    await withAudit(
      db,
      (tx) => deleteAgencyNames(tx, before.id),
      (gone) =>
        gone
          ? adminAudit(request, {
              action: "search-agency-names.removed",
              objectType: "search-agency-names",
              objectId: String(before.id),
              before: { agency: gone.agencySlug, names: gone.names },
              after: null,
            })
          : undefined,
    );
    return doneRedirect(request, reply, "/admin/search", "deleted");
  });

  app.post("/admin/search/best-bets", async (request, reply) => {
    const body = formBody(request.body);
    const parsed = bestBetBody.safeParse(body);
    if (!parsed.success) {
      return showSettings(request, reply, {
        form: "bestBet",
        values: typedValues(body),
        errors: formErrors(request, parsed.error),
      });
    }
    const bet: BestBet = parsed.data;
    if (!(await targetExists(bet))) {
      return showSettings(request, reply, {
        form: "bestBet",
        values: typedValues(body),
        errors: [problemMessage(request.tr, { field: "slug", key: "admin.search.errors.noTarget" })],
      });
    }
    await withAudit(
      db,
      (tx) => addBestBet(tx, bet),
      (made) =>
        adminAudit(request, {
          action: "search-best-bet.created",
          objectType: "search-best-bet",
          objectId: String(made.id),
          before: null,
          after: { query: made.query, type: made.type, slug: made.slug, position: made.position },
        }),
    );
    return doneRedirect(request, reply, "/admin/search", "created");
  });

  app.post("/admin/search/best-bets/:id/delete", async (request, reply) => {
    const { id } = parseOrRefuse(idParams, request.params, { notFound: true });
    const gone = await withAudit(
      db,
      (tx) => deleteBestBet(tx, id),
      (row) =>
        row
          ? adminAudit(request, {
              action: "search-best-bet.removed",
              objectType: "search-best-bet",
              objectId: String(id),
              before: { query: row.query, type: row.type, slug: row.slug, position: row.position },
              after: null,
            })
          : undefined,
    );
    if (!gone) throw new NotFoundError();
    return doneRedirect(request, reply, "/admin/search", "deleted");
  });
}
