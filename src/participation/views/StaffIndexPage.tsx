import { Button, ButtonGroup } from "../../platform/design/Button.js";
import { Table } from "../../platform/design/Table.js";
import { Tag } from "../../platform/design/Tag.js";
import { formatDate } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import { type ListedItem, participationKinds, staffPath } from "../listing.js";

/** The agency staff's participation: everything of theirs, and the way to create each kind. */
export function StaffIndexPage({ items }: { items: ListedItem[] }) {
  const { t, locale, href } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("participation.staff.title")}</h1>
      <ButtonGroup>
        {participationKinds.map((k) => (
          <Button variant="secondary" href={href(`/workspace/participation/${k}/new`)} key={k}>
            {t(`participation.staff.new.${k}`)}
          </Button>
        ))}
      </ButtonGroup>
      {items.length ? (
        <Table
          caption={t("participation.staff.caption")}
          columns={[
            { label: t("participation.staff.item") },
            { label: t("participation.staff.kind") },
            { label: t("participation.staff.phase") },
            { label: t("participation.staff.period") },
          ]}
          rows={items.map((i) => [
            <a href={href(staffPath(i.kind, i.slug))} key="title">
              {i.title[locale]}
            </a>,
            t(`participation.kinds.${i.kind}`),
            <Tag colour={i.phase === "open" ? "green" : i.phase === "draft" ? "yellow" : "grey"} key="phase">
              {t(`participation.phase.${i.phase}`)}
            </Tag>,
            `${formatDate(i.opensAt, locale)} – ${formatDate(i.closesAt, locale)}`,
          ])}
        />
      ) : (
        <p class="empty-state">{t("participation.staff.empty")}</p>
      )}
    </div>
  );
}
