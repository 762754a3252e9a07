import { auditedBy } from "../../audit/log.js";
import { NotFoundError } from "../../platform/http/errors.js";
import { readForm } from "../../platform/http/multipart.js";
import { diffContent } from "../diff.js";
import type { FieldSpec } from "../model.js";
import { findVersion, versionsOf } from "../repository.js";
import { ITEM, textOfForm, versionsQuery, type WorkspaceHandlers } from "../route-table.js";
import { crumbs, itemScopeOf, titleOf } from "../scope.js";
import { VersionsPage } from "../views/VersionsPage.js";
import { restoreVersion } from "../workflow.js";
import { step } from "./item-page.js";

/** An item's published versions compared with each other or the draft, and restoring one as the draft. */
export function versionRoutes({ db, route }: WorkspaceHandlers) {
  route("GET", `${ITEM}/versions`, async (request, reply) => {
    const s = await itemScopeOf(db, request);
    const versions = s.item ? await versionsOf(db, s.item.id) : [];
    const q = versionsQuery.parse(request.query ?? {});
    const latest = versions[0]?.number;
    const from = q.from ?? latest ?? "draft";
    const to = q.to ?? "draft";
    const dataOf = async (v: number | "draft") =>
      v === "draft" ? s.data : s.item ? (await findVersion(db, s.item.id, v))?.data : undefined;
    const [a, b] = await Promise.all([dataOf(from), dataOf(to)]);
    if ((q.from !== undefined && !a) || (q.to !== undefined && !b)) throw new NotFoundError();
    const choices = await s.kind.choices(db, s.agency.slug);
    const { tr, locale } = request;
    // Choices read by their labels, in the page's language, as the editor picked them.
    const valueText = (spec: FieldSpec, value: string) => {
      const choice = choices[spec.name]?.find((c) => c.value === value);
      return choice ? ("labelKey" in choice ? tr.t(choice.labelKey) : choice.label[locale]) : value;
    };
    const changes = a && b ? diffContent(s.kind.fields, a, b, { locale, valueText }) : undefined;
    const title = titleOf(s.data, request, s.slug);
    return reply.page({
      title: `${request.tr.t("workspace.versions.title")} — ${title}`,
      breadcrumbs: [...crumbs(request, s), { label: title, path: s.base }, { label: request.tr.t("workspace.versions.title") }],
      body: (
        <VersionsPage
          title={title}
          base={s.base}
          revision={s.item?.revision ?? 0}
          versions={versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt, imported: v.publishedBy === null }))}
          from={String(from)}
          to={String(to)}
          changes={changes}
        />
      ),
      noindex: true,
      hideFeedback: true,
      stylesheets: ["css/workspace.css"],
    });
  });

  route("POST", `${ITEM}/restore`, async (request, reply) => {
    const s = await itemScopeOf(db, request);
    const number = Number(textOfForm(readForm(request.body).fields, "version"));
    if (!s.item || !Number.isInteger(number) || !(await findVersion(db, s.item.id, number))) throw new NotFoundError();
    return step(db, request, reply, s, "restored", (item, revision) =>
      restoreVersion(db, { id: item.id, revision, version: number, userId: request.viewer?.id ?? "" }, auditedBy(request)),
    );
  });
}
