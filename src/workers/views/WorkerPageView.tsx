import { ArrowIcon } from "../../platform/design/icons.js";
import type { WorkerInterface, WorkerPage } from "../content.js";
import { directionOf, formLocaleFor, type WorkerLanguage, workerPath } from "../languages.js";

export interface LanguageEntry {
  language: WorkerLanguage;
  /** The language's name in its own script. */
  name: string;
  /** The page in that language; absent when it is not written in it yet. */
  href?: string | undefined;
}

/** The page in every language of the portal: a link where it exists, a note where it does not (never a link to a missing page). */
export function PageLanguages({
  entries,
  current,
  words,
  headingId = "page-languages",
}: {
  entries: LanguageEntry[];
  current: WorkerLanguage;
  words: WorkerInterface;
  headingId?: string;
}) {
  return (
    <section class="section workers-languages" aria-labelledby={headingId}>
      <h2 class="heading-m" id={headingId}>
        {words.languagesHeading}
      </h2>
      <ul class="workers-languages__list">
        {entries.map((e) => (
          <li key={e.language} class="workers-languages__item">
            {e.language === current ? (
              <span lang={e.language} dir={directionOf(e.language)} aria-current="page" class="workers-languages__current">
                {e.name}
              </span>
            ) : e.href ? (
              <a href={e.href} lang={e.language} hrefLang={e.language} dir={directionOf(e.language)}>
                {e.name}
              </a>
            ) : (
              <span class="workers-languages__missing">
                <span lang={e.language} dir={directionOf(e.language)}>
                  {e.name}
                </span>{" "}
                ({words.notInLanguage})
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where a page's e-service button leads: the form, and the language it is in. */
export interface EserviceLink {
  href: string;
  language: string;
}

/**
 * The e-service's start page for a reader of this language: the form in their
 * language when it is translated, else the portal's form they can read best.
 */
export function eserviceLink(language: WorkerLanguage, slug: string, translated: boolean): EserviceLink {
  if (translated) return { href: `${workerPath(language)}/eservices/${slug}`, language };
  const locale = formLocaleFor(language);
  return { href: locale === "ar" ? `/eservices/${slug}` : `/en/eservices/${slug}`, language: locale };
}

export function WorkerPageView({
  page,
  words,
  languages,
  eservice,
}: {
  page: WorkerPage;
  words: WorkerInterface;
  languages: LanguageEntry[];
  /** Where the page's e-service button leads, when it has one. */
  eservice?: EserviceLink | undefined;
}) {
  return (
    <article class="content-page">
      <h1 class="heading-xl">{page.title}</h1>
      <p class="lead">{page.description}</p>
      <div class="prose" dangerouslySetInnerHTML={{ __html: page.html }} />
      {eservice ? (
        <div class="workers-eservice">
          <a
            class="button button--start"
            href={eservice.href}
            hrefLang={eservice.language}
            id="labour-complaint-link"
            draggable={false}
          >
            {words.complaintStart}
            <ArrowIcon />
          </a>
          <p class="hint">{words.formLanguages}</p>
        </div>
      ) : null}
      <PageLanguages entries={languages} current={page.language} words={words} />
    </article>
  );
}

/** A page this language does not have (yet): says so, in the language, and offers what exists. */
export function WorkerNotFoundView({
  words,
  language,
  pagesHere,
  languages,
}: {
  words: WorkerInterface;
  language: WorkerLanguage;
  pagesHere: { href: string; title: string }[];
  languages: LanguageEntry[];
}) {
  return (
    <article class="content-page">
      <h1 class="heading-xl">{words.notFoundTitle}</h1>
      <p class="lead">{words.notFoundBody}</p>
      {languages.some((l) => l.href) ? <PageLanguages entries={languages} current={language} words={words} /> : null}
      <section class="section" aria-labelledby="pages-here">
        <h2 class="heading-m" id="pages-here">
          {words.pagesHere}
        </h2>
        <ul class="list">
          {pagesHere.map((p) => (
            <li key={p.href}>
              <a href={p.href}>{p.title}</a>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
