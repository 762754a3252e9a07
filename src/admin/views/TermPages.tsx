import type { TermRecord } from "../../catalogue/service.js";
import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Select, Textarea, TextInput } from "../../platform/design/fields.js";
import { Table } from "../../platform/design/Table.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { TermKindPath } from "../schemas.js";
import { DoneBanner } from "./DoneBanner.js";

interface TermFieldsProps {
  values: Record<string, string>;
  errors: FieldError[];
  /** Terms of the same kind that may be this one's parent. */
  parents: TermRecord[];
  /** Shown (and accepted) only for a new term. */
  withSlug: boolean;
}

function TermFields({ values, errors, parents, withSlug }: TermFieldsProps) {
  const { t, locale } = usePage();
  const err = (field: string) => errorFor(errors, field);
  return (
    <>
      {withSlug ? (
        <TextInput
          name="slug"
          label={t("admin.terms.fields.slug")}
          hint={t("admin.slugHint")}
          value={values.slug}
          dir="ltr"
          spellcheck={false}
          error={err("slug")}
        />
      ) : null}
      <TextInput name="nameAr" label={t("admin.terms.fields.nameAr")} value={values.nameAr} dir="rtl" error={err("nameAr")} />
      <TextInput name="nameEn" label={t("admin.terms.fields.nameEn")} value={values.nameEn} dir="ltr" error={err("nameEn")} />
      <Textarea
        name="descriptionAr"
        label={t("admin.terms.fields.descriptionAr")}
        value={values.descriptionAr}
        dir="rtl"
        rows={3}
        error={err("descriptionAr")}
      />
      <Textarea
        name="descriptionEn"
        label={t("admin.terms.fields.descriptionEn")}
        value={values.descriptionEn}
        dir="ltr"
        rows={3}
        error={err("descriptionEn")}
      />
      <Select
        name="parent"
        label={t("admin.terms.fields.parent")}
        items={[
          { value: "", label: t("admin.terms.noParent") },
          ...parents.map((p) => ({ value: p.slug, label: locale === "ar" ? p.nameAr : p.nameEn })),
        ]}
        value={values.parent}
        error={err("parent")}
      />
      <TextInput
        name="position"
        label={t("admin.terms.fields.position")}
        hint={t("admin.positionHint")}
        value={values.position}
        inputMode="numeric"
        width="4"
        dir="ltr"
        error={err("position")}
      />
    </>
  );
}

export interface TermListProps {
  kind: TermKindPath;
  terms: TermRecord[];
  values: Record<string, string>;
  errors: FieldError[];
  done?: string | undefined;
}

/** The terms of one kind in their order, each with a change link, and the form for a new one. */
export function TermListPage({ kind, terms, values, errors, done }: TermListProps) {
  const { t, href, locale, csrfToken } = usePage();
  return (
    <div>
      <ErrorSummary errors={errors} />
      <DoneBanner done={done} />
      <h1 class="heading-xl">{t(`admin.terms.kinds.${kind}`)}</h1>
      <Table
        caption={t("admin.terms.caption")}
        firstCellIsHeader
        columns={[
          { label: t("admin.terms.fields.position"), numeric: true },
          { label: t("admin.terms.fields.nameAr") },
          { label: t("admin.terms.fields.nameEn") },
          { label: t("admin.actions") },
        ]}
        rows={terms.map((term) => [
          <bdi key="pos">{term.position}</bdi>,
          <span lang="ar" dir="rtl" key="ar">
            {term.nameAr}
          </span>,
          <span lang="en" dir="ltr" key="en">
            {term.nameEn}
          </span>,
          <a key="edit" href={href(`/admin/taxonomies/${kind}/${term.slug}`)}>
            {t("admin.change")}
            <span class="visually-hidden"> {locale === "ar" ? term.nameAr : term.nameEn}</span>
          </a>,
        ])}
      />
      <h2 class="heading-l">{t("admin.terms.add")}</h2>
      <form method="post" action={href(`/admin/taxonomies/${kind}`)} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <TermFields values={values} errors={errors} parents={terms} withSlug />
        <Button>{t("admin.terms.addButton")}</Button>
      </form>
    </div>
  );
}

export interface TermEditProps {
  kind: TermKindPath;
  slug: string;
  parents: TermRecord[];
  values: Record<string, string>;
  errors: FieldError[];
  /** Where the term is still used, when removing it was refused. */
  usedIn?: string[] | undefined;
  done?: string | undefined;
}

/** Changing a term's names, description, parent and order; removing it when nothing uses it. */
export function TermEditPage({ kind, slug, parents, values, errors, usedIn, done }: TermEditProps) {
  const { t, href, csrfToken } = usePage();
  const base = `/admin/taxonomies/${kind}/${slug}`;
  return (
    <div>
      <ErrorSummary errors={errors} />
      <DoneBanner done={done} />
      <h1 class="heading-xl">{t("admin.terms.editTitle")}</h1>
      {usedIn?.length ? (
        <div class="aside-box" id="usage">
          <p>{t("admin.terms.usedIn")}</p>
          <ul class="list list--bullet">
            {usedIn.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        {t("admin.terms.fields.slug")}:{" "}
        <bdi dir="ltr">
          <code>{slug}</code>
        </bdi>
      </p>
      <form method="post" action={href(base)} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <TermFields values={values} errors={errors} parents={parents} withSlug={false} />
        <Button>{t("admin.save")}</Button>
      </form>
      <h2 class="heading-l">{t("admin.terms.remove")}</h2>
      <p>{t("admin.terms.removeHint")}</p>
      <form method="post" action={href(`${base}/delete`)}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Button variant="warning">{t("admin.terms.removeButton")}</Button>
      </form>
    </div>
  );
}
