import { ForbiddenError } from "../../platform/http/errors.js";
import { canApprove, contentAgencies, toolsFor } from "../access.js";
import { contentKinds } from "../kinds/index.js";
import { itemsOf, submittedOf } from "../repository.js";
import type { WorkspaceHandlers } from "../route-table.js";
import { agenciesOf, crumbs, scopeOf, titleOf } from "../scope.js";
import { ContentOverview, ItemList, type ListedItem, WorkspaceHome } from "../views/HomePages.js";

/** The staff home, the overview of an agency's content, and the list of one kind of it. */
export function overviewRoutes({ db, route }: WorkspaceHandlers) {
  route("GET", "/workspace", async (request, reply) => {
    const tools = toolsFor(request.viewer);
    if (tools.length === 0) throw new ForbiddenError();
    const mine = contentAgencies(request.viewer);
    const approves = mine === "all" ? "all" : mine.filter((a) => canApprove(request.viewer, a));
    const waiting = approves === "all" || approves.length ? (await submittedOf(db, approves)).length : 0;
    const title = request.tr.t("workspace.home.title");
    return reply.page({
      title,
      breadcrumbs: [{ label: title }],
      body: <WorkspaceHome tools={tools} waiting={waiting} />,
      noindex: true,
      hideFeedback: true,
    });
  });

  route("GET", "/workspace/content", async (request, reply) => {
    const agencies = await agenciesOf(db, request);
    const approves = agencies.filter((a) => canApprove(request.viewer, a.slug)).map((a) => a.slug);
    const overview = await Promise.all(
      agencies.map(async (a) => ({
        slug: a.slug,
        name: a.name,
        kinds: await Promise.all(
          contentKinds.map(async (k) => ({ name: k.name, count: (await k.listPublished(db, a.slug)).length })),
        ),
      })),
    );
    const waiting = approves.length ? await submittedOf(db, approves) : [];
    const { tr } = request;
    const title = tr.t("workspace.content.title");
    return reply.page({
      title,
      breadcrumbs: [{ label: tr.t("workspace.home.title"), path: "/workspace" }, { label: title }],
      body: (
        <ContentOverview
          agencies={overview}
          waiting={waiting.map((w) => ({
            agency: w.agency,
            kind: w.kind,
            slug: w.slug,
            title: titleOf(w.draft, request, w.slug),
          }))}
        />
      ),
      noindex: true,
      hideFeedback: true,
    });
  });

  route("GET", "/workspace/content/:agency/:kind", async (request, reply) => {
    const s = await scopeOf(db, request);
    const [published, items] = await Promise.all([
      s.kind.listPublished(db, s.agency.slug),
      itemsOf(db, s.agency.slug, s.kind.name),
    ]);
    const bySlug = new Map(items.map((i) => [i.slug, i]));
    const listed: ListedItem[] = [
      ...items.map((i) => ({ slug: i.slug, title: titleOf(i.draft, request, i.slug), state: i.state, live: i.live })),
      ...published
        .filter((p) => !bySlug.has(p.slug))
        .map((p) => ({ slug: p.slug, title: p.title[request.locale], state: "unedited", live: true })),
    ];
    const title = request.tr.t(`workspace.kinds.${s.kind.name}.many`);
    return reply.page({
      title: `${title} — ${s.agencyName}`,
      breadcrumbs: [...crumbs(request, s).slice(0, 2), { label: title }],
      body: (
        <ItemList
          agency={{ slug: s.agency.slug, name: s.agencyName }}
          kind={s.kind.name}
          creatable={s.kind.creatable}
          items={listed}
        />
      ),
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  });
}
