import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Select, Textarea, TextInput } from "../../platform/design/fields.js";
import { Table } from "../../platform/design/Table.js";
import { errorFor } from "../../platform/http/forms.js";
import { usePage } from "../../platform/layout/page-context.js";
import { bestBetTypes } from "../../search/service.js";
import type { AgencyNames, BestBetRow, SynonymGroup } from "../../search/settings.js";
import { AgencyNamesSection } from "./AgencyNamesPage.js";
import { DoneBanner } from "./DoneBanner.js";
import { EditOrRemovePage } from "./EditOrRemovePage.js";

export interface SearchSettingsProps {
  synonyms: SynonymGroup[];
  bestBets: BestBetRow[];
  agencyNames: AgencyNames[];
  /** Every agency, by name in the page's language, for the agency names form. */
  agencies: { slug: string; name: string }[];
  /** Which form was refused, what was typed in it and why. */
  refused?: { form: "synonyms" | "bestBet" | "agencyNames"; values: Record<string, string>; errors: FieldError[] } | undefined;
  done?: string | undefined;
}

/** Synonym groups and best bets: what search treats as the same, and what it pins to the top. */
export function SearchSettingsPage({ synonyms, bestBets, agencyNames, agencies, refused, done }: SearchSettingsProps) {
  const { t, href, csrfToken } = usePage();
  const errors = refused?.errors ?? [];
  const synonymValues = refused?.form === "synonyms" ? refused.values : {};
  const betValues = refused?.form === "bestBet" ? refused.values : {};
  const synonymErrors = refused?.form === "synonyms" ? errors : [];
  const betErrors = refused?.form === "bestBet" ? errors : [];
  return (
    <div>
      <ErrorSummary errors={errors} />
      <DoneBanner done={done} />
      <h1 class="heading-xl">{t("admin.search.title")}</h1>
      <p class="lead">{t("admin.search.lead")}</p>

      <h2 class="heading-l">{t("admin.search.synonyms")}</h2>
      <Table
        caption={t("admin.search.synonymsCaption")}
        columns={[{ label: t("admin.search.terms") }, { label: t("admin.actions") }]}
        rows={synonyms.map((g) => [
          <bdi key="terms">{g.terms.join(" · ")}</bdi>,
          <a key="edit" href={href(`/admin/search/synonyms/${g.id}`)}>
            {t("admin.change")}
            <span class="visually-hidden"> {g.terms.join(", ")}</span>
          </a>,
        ])}
      />
      <h3 class="heading-m">{t("admin.search.addSynonyms")}</h3>
      <form method="post" action={href("/admin/search/synonyms")} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Textarea
          name="terms"
          label={t("admin.search.terms")}
          hint={t("admin.search.termsHint")}
          value={synonymValues.terms}
          dir="auto"
          rows={4}
          error={errorFor(synonymErrors, "terms")}
        />
        <Button>{t("admin.search.addSynonymsButton")}</Button>
      </form>

      <AgencyNamesSection
        rows={agencyNames}
        agencies={agencies}
        values={refused?.form === "agencyNames" ? refused.values : {}}
        errors={refused?.form === "agencyNames" ? errors : []}
      />

      <h2 class="heading-l">{t("admin.search.bestBets")}</h2>
      <Table
        caption={t("admin.search.bestBetsCaption")}
        columns={[{ label: t("admin.search.query") }, { label: t("admin.search.target") }, { label: t("admin.actions") }]}
        rows={bestBets.map((b) => [
          <bdi key="q">{b.query}</bdi>,
          <bdi dir="ltr" key="target">
            {`${b.type}: ${b.slug}`}
          </bdi>,
          <form key="remove" method="post" action={href(`/admin/search/best-bets/${b.id}/delete`)}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button class="button button--warning" type="submit">
              {t("admin.search.removeBestBet")}
              <span class="visually-hidden"> {b.query}</span>
            </button>
          </form>,
        ])}
      />
      <h3 class="heading-m">{t("admin.search.addBestBet")}</h3>
      <form method="post" action={href("/admin/search/best-bets")} novalidate class="narrow">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <TextInput
          name="query"
          label={t("admin.search.query")}
          value={betValues.query}
          dir="auto"
          error={errorFor(betErrors, "query")}
        />
        <Select
          name="type"
          label={t("admin.search.type")}
          items={[
            { value: "", label: t("admin.choose") },
            ...bestBetTypes.map((d) => ({ value: d, label: t(`search.types.${d}`) })),
          ]}
          value={betValues.type}
          error={errorFor(betErrors, "type")}
        />
        <TextInput
          name="slug"
          label={t("admin.search.slug")}
          hint={t("admin.search.slugHint")}
          value={betValues.slug}
          dir="ltr"
          spellcheck={false}
          error={errorFor(betErrors, "slug")}
        />
        <Button>{t("admin.search.addBestBetButton")}</Button>
      </form>
    </div>
  );
}

/** Changing or removing one synonym group. */
export function SynonymEditPage({
  group,
  values,
  errors,
  done,
}: {
  group: SynonymGroup;
  values: Record<string, string>;
  errors: FieldError[];
  done?: string | undefined;
}) {
  const { t } = usePage();
  return (
    <EditOrRemovePage
      title={t("admin.search.editSynonyms")}
      action={`/admin/search/synonyms/${group.id}`}
      removeLabel={t("admin.search.removeSynonyms")}
      errors={errors}
      done={done}
    >
      <Textarea
        name="terms"
        label={t("admin.search.terms")}
        hint={t("admin.search.termsHint")}
        value={values.terms}
        dir="auto"
        rows={5}
        error={errorFor(errors, "terms")}
      />
    </EditOrRemovePage>
  );
}
