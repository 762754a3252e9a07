import { Card, CardGrid } from "../../platform/design/Card.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { Term } from "../types.js";
import { personaName } from "./labels.js";
import { type ListingProps, ServiceListing } from "./ServiceListing.js";

/** A persona's page: its sub-personas (a second click narrows the list) and its services. */
export function PersonaPage({ persona, children, listing }: { persona: Term; children: Term[]; listing: ListingProps }) {
  const { t, href, locale } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{t("catalogue.persona.title", { persona: personaName(persona, locale, t) })}</h1>
      <p class="lead">{persona.description[locale]}</p>
      {children.length ? (
        <nav class="chips" aria-labelledby="persona-children">
          <h2 class="heading-s" id="persona-children">
            {t("catalogue.persona.narrow")}
          </h2>
          <ul class="chips__list">
            {children.map((c) => (
              <li key={c.slug}>
                <a class="chip" href={href(`/for/${c.slug}`)}>
                  {c.name[locale]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <ServiceListing {...listing} />
    </div>
  );
}

/** A topic's or a life event's page: what it covers and its services. */
export function TermPage({ term, listing }: { term: Term; listing: ListingProps }) {
  const { locale } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{term.name[locale]}</h1>
      <p class="lead">{term.description[locale]}</p>
      <ServiceListing {...listing} />
    </div>
  );
}

/** The list of all topics, or of all life events. */
export function TermIndexPage({ title, lead, terms, base }: { title: string; lead: string; terms: Term[]; base: string }) {
  const { href, locale } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{lead}</p>
      <CardGrid>
        {terms.map((term) => (
          <Card
            key={term.slug}
            title={term.name[locale]}
            description={term.description[locale]}
            href={href(`${base}/${term.slug}`)}
            headingLevel={2}
          />
        ))}
      </CardGrid>
    </div>
  );
}

/** "Who are you looking for services for?": each persona with its sub-personas, one or two clicks from a list. */
/** The portals made for one kind of person, offered on that person's card: workers in their own languages, visitors. */
const personaPortals: Record<string, { path: string; labelKey: string }> = {
  resident: { path: "/workers", labelKey: "catalogue.persona.workersPortal" },
  visitor: { path: "/visit", labelKey: "catalogue.persona.visitArea" },
};

export function PersonaChooser({ personas, headingLevel = 2 }: { personas: Term[]; headingLevel?: 2 | 3 }) {
  const { t, href, locale } = usePage();
  const top = personas.filter((p) => !p.parent);
  const Heading = `h${headingLevel + 1}` as "h3" | "h4";
  return (
    <div class="persona-chooser">
      {top.map((p) => (
        <section class="persona-chooser__group" key={p.slug} aria-labelledby={`persona-${p.slug}`}>
          <Heading class="persona-chooser__title" id={`persona-${p.slug}`}>
            <a href={href(`/for/${p.slug}`)}>{p.name[locale]}</a>
          </Heading>
          <ul class="persona-chooser__list">
            {personas
              .filter((c) => c.parent === p.slug)
              .map((c) => (
                <li key={c.slug}>
                  <a
                    href={href(`/for/${c.slug}`)}
                    aria-label={t("catalogue.persona.childLabel", { persona: p.name[locale], child: c.name[locale] })}
                  >
                    {c.name[locale]}
                  </a>
                </li>
              ))}
            {personaPortals[p.slug] ? (
              <li class="persona-chooser__portal">
                <a href={href(personaPortals[p.slug]?.path ?? "/")}>{t(personaPortals[p.slug]?.labelKey ?? "")}</a>
              </li>
            ) : null}
          </ul>
        </section>
      ))}
    </div>
  );
}
