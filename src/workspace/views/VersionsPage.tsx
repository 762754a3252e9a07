import { Button } from "../../platform/design/Button.js";
import { Table } from "../../platform/design/Table.js";
import { formatDateTime } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { FieldChange } from "../diff.js";
import { useFieldLabel } from "./ContentForm.js";

export interface VersionRow {
  number: number;
  publishedAt: Date;
  imported: boolean;
}

/** One changed field: removed words struck through and added words underlined, each named for screen readers. */
function Change({ change }: { change: FieldChange }) {
  const { t } = usePage();
  const label = useFieldLabel();
  const lang = change.lang;
  return (
    <div class="workspace-diff__field">
      <h3 class="heading-s">{label(change.field, lang)}</h3>
      <p class="workspace-diff__text" lang={lang} dir={lang ? (lang === "ar" ? "rtl" : "ltr") : "auto"}>
        {change.parts.map((part, i) =>
          part.kind === "added" ? (
            <ins key={i}>
              <span class="visually-hidden">{t("workspace.versions.added")} </span>
              {part.text}
              <span class="visually-hidden"> {t("workspace.versions.end")}</span>
            </ins>
          ) : part.kind === "removed" ? (
            <del key={i}>
              <span class="visually-hidden">{t("workspace.versions.removed")} </span>
              {part.text}
              <span class="visually-hidden"> {t("workspace.versions.end")}</span>
            </del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
    </div>
  );
}

/** Every kept version of an item, a comparison of any two (or a version and the draft), and restoring one. */
export function VersionsPage({
  title,
  base,
  revision,
  versions,
  from,
  to,
  changes,
}: {
  title: string;
  base: string;
  revision: number;
  versions: VersionRow[];
  from: string;
  to: string;
  changes: FieldChange[] | undefined;
}) {
  const { t, href, locale, csrfToken } = usePage();
  const options = [
    { value: "draft", label: t("workspace.versions.draft") },
    ...versions.map((v) => ({ value: String(v.number), label: t("workspace.versions.number", { number: v.number }) })),
  ];
  const select = (name: "from" | "to", value: string) => (
    <div class="form-group">
      <label class="label" for={name}>
        {t(`workspace.versions.${name}`)}
      </label>
      <select class="select" id={name} name={name}>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div>
      <p class="caption">{title}</p>
      <h1 class="heading-xl">{t("workspace.versions.title")}</h1>
      {versions.length ? (
        <Table
          caption={t("workspace.versions.caption")}
          columns={[
            { label: t("workspace.versions.version") },
            { label: t("workspace.versions.publishedAt") },
            { label: t("workspace.versions.restoreColumn") },
          ]}
          rows={versions.map((v) => [
            <span key="n">
              {t("workspace.versions.number", { number: v.number })}
              {v.imported ? <span class="hint"> {t("workspace.versions.imported")}</span> : null}
            </span>,
            <time key="d" dateTime={v.publishedAt.toISOString()}>
              {formatDateTime(v.publishedAt, locale)}
            </time>,
            <form key="r" method="post" action={href(`${base}/restore`)} class="workspace-inline-form">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="revision" value={String(revision)} />
              <input type="hidden" name="version" value={String(v.number)} />
              <Button variant="secondary">{t("workspace.versions.restore", { number: v.number })}</Button>
            </form>,
          ])}
        />
      ) : (
        <p>{t("workspace.versions.none")}</p>
      )}
      <h2 class="heading-l">{t("workspace.versions.compare")}</h2>
      <form method="get" action={href(`${base}/versions`)} class="workspace-compare">
        <div class="two-columns">
          {select("from", from)}
          {select("to", to)}
        </div>
        <Button variant="secondary">{t("workspace.versions.show")}</Button>
      </form>
      {changes ? (
        <section class="workspace-diff" aria-labelledby="changes-title">
          <h2 class="heading-l" id="changes-title">
            {t("workspace.versions.changes", {
              from: from === "draft" ? t("workspace.versions.draft") : t("workspace.versions.number", { number: from }),
              to: to === "draft" ? t("workspace.versions.draft") : t("workspace.versions.number", { number: to }),
            })}
          </h2>
          {changes.length ? (
            changes.map((c) => <Change key={`${c.field}-${c.lang ?? ""}`} change={c} />)
          ) : (
            <p>{t("workspace.versions.noChanges")}</p>
          )}
        </section>
      ) : null}
      <p>
        <a href={href(base)}>{t("workspace.versions.back")}</a>
      </p>
    </div>
  );
}
