import { Button } from "../../platform/design/Button.js";
import { Card } from "../../platform/design/Card.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { TextInput } from "../../platform/design/fields.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { SearchHit } from "../content-search.js";

export function SearchPage({ query, hits, errors }: { query: string; hits: SearchHit[]; errors: FieldError[] }) {
  const { t, href } = usePage();
  return (
    <div>
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("search.title")}</h1>
      <form class="search-form" method="get" action={href("/search")} role="search">
        <TextInput name="q" type="search" label={t("search.label")} value={query} error={errors[0]?.message} />
        <Button>{t("search.submit")}</Button>
      </form>
      {query && errors.length === 0 ? (
        <section aria-labelledby="search-results-heading">
          <h2 class="heading-m" id="search-results-heading">
            {t("search.resultCount", { count: hits.length, query })}
          </h2>
          {hits.length === 0 ? (
            <div class="zero-results">
              <p>{t("search.noResults")}</p>
              <ul class="list list--bullet">
                <li>{t("search.tips.spelling")}</li>
                <li>{t("search.tips.fewerWords")}</li>
                <li>{t("search.tips.otherLanguage")}</li>
              </ul>
            </div>
          ) : (
            <ol class="search-results">
              {hits.map((h) => (
                <li key={h.path}>
                  <Card title={h.title} description={h.description} href={href(h.path)} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}
