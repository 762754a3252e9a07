import { Button } from "../../platform/design/Button.js";
import { Card, CardGrid } from "../../platform/design/Card.js";
import { Table } from "../../platform/design/Table.js";
import { Tag, type TagColour } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { WorkspaceTool } from "../access.js";
import type { BilingualText } from "../model.js";

export const stateColour: Record<string, TagColour> = {
  unedited: "grey",
  draft: "yellow",
  submitted: "blue",
  returned: "red",
  scheduled: "maroon",
  published: "green",
};

export function StateTag({ state }: { state: string }) {
  const { t } = usePage();
  return <Tag colour={stateColour[state] ?? "grey"}>{t(`workspace.state.${state}`)}</Tag>;
}

/** The staff home: the tools the person's roles open. */
export function WorkspaceHome({ tools, waiting }: { tools: WorkspaceTool[]; waiting: number }) {
  const { t, href, number } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("workspace.home.title")}</h1>
      <p class="lead">{t("workspace.home.lead")}</p>
      {waiting > 0 ? (
        <p>
          <a href={href("/workspace/content")}>{t("workspace.home.waiting", { count: number(waiting), n: waiting })}</a>
        </p>
      ) : null}
      <CardGrid>
        {tools.map((tool) => (
          <Card
            key={tool.path}
            title={t(`workspace.home.tools.${tool.name}.title`)}
            href={href(tool.path)}
            description={t(`workspace.home.tools.${tool.name}.description`)}
            headingLevel={2}
          />
        ))}
      </CardGrid>
    </div>
  );
}

export interface AgencyKinds {
  slug: string;
  name: BilingualText;
  kinds: { name: string; count: number }[];
}

export interface WaitingItem {
  agency: string;
  kind: string;
  slug: string;
  title: string;
}

/** The content part of the workspace: each of the person's agencies, its kinds of content, and what waits for review. */
export function ContentOverview({ agencies, waiting }: { agencies: AgencyKinds[]; waiting: WaitingItem[] }) {
  const { t, href, locale, number } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("workspace.content.title")}</h1>
      <p class="lead">{t("workspace.content.lead")}</p>
      {waiting.length ? (
        <Table
          caption={t("workspace.content.waiting")}
          columns={[{ label: t("workspace.list.columns.title") }, { label: t("workspace.list.columns.kind") }]}
          rows={waiting.map((w) => [
            <a href={href(`/workspace/content/${w.agency}/${w.kind}/${w.slug}`)} key="a">
              {w.title}
            </a>,
            t(`workspace.kinds.${w.kind}.one`),
          ])}
        />
      ) : null}
      {agencies.map((a) => (
        <section key={a.slug} aria-labelledby={`agency-${a.slug}`}>
          <h2 class="heading-l" id={`agency-${a.slug}`}>
            {a.name[locale]}
          </h2>
          <ul class="list">
            {a.kinds.map((k) => (
              <li key={k.name}>
                <a href={href(`/workspace/content/${a.slug}/${k.name}`)}>{t(`workspace.kinds.${k.name}.many`)}</a>{" "}
                <span class="hint">
                  (<bdi>{number(k.count)}</bdi>)
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export interface ListedItem {
  slug: string;
  title: string;
  state: string;
  live: boolean;
}

/** An agency's items of one kind: what the catalogue holds and what is being edited. */
export function ItemList({
  agency,
  kind,
  creatable,
  items,
}: {
  agency: { slug: string; name: string };
  kind: string;
  creatable: boolean;
  items: ListedItem[];
}) {
  const { t, href } = usePage();
  const base = `/workspace/content/${agency.slug}/${kind}`;
  return (
    <div>
      <p class="caption">{agency.name}</p>
      <h1 class="heading-xl">{t(`workspace.kinds.${kind}.many`)}</h1>
      {creatable ? <Button href={href(`${base}/new`)}>{t(`workspace.kinds.${kind}.new`)}</Button> : null}
      {items.length ? (
        <Table
          caption={t("workspace.list.caption", { kind: t(`workspace.kinds.${kind}.many`) })}
          columns={[
            { label: t("workspace.list.columns.title") },
            { label: t("workspace.list.columns.state") },
            { label: t("workspace.list.columns.public") },
          ]}
          rows={items.map((i) => [
            <a href={href(`${base}/${i.slug}`)} key="a">
              {i.title || i.slug}
            </a>,
            <StateTag state={i.state} key="s" />,
            i.live ? t("workspace.live.yes") : t("workspace.live.no"),
          ])}
        />
      ) : (
        <p>{t("workspace.list.none")}</p>
      )}
    </div>
  );
}
