import type { ComponentChildren } from "preact";
import { Card, CardGrid } from "../../platform/design/Card.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { TaskFirst } from "../repository/task-first.js";
import type { ServiceSummary, Term } from "../types.js";
import { personaName } from "./labels.js";
import { type ListingProps, ServiceListing } from "./ServiceListing.js";

/** Services as short links, one a line, big enough to tap. */
function TaskLinks({ services }: { services: ServiceSummary[] }) {
  const { href, locale } = usePage();
  return (
    <ul class="task-list">
      {services.map((s) => (
        <li class="task-list__item" key={s.slug}>
          <a class="task-list__link" href={href(`/services/${s.slug}`)}>
            {s.title[locale]}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The task-first head of a persona's, topic's or life event's page: the
 * top tasks (most used first), then the services grouped by topic (or by
 * life event), each group short with a link to the rest. The full,
 * filterable list follows it on the page.
 */
export function TaskFirstSections({
  tasks,
  groupedBy,
  between,
}: {
  tasks: TaskFirst;
  groupedBy: "category" | "lifeEvent";
  /** What goes between the top tasks and the groups (a persona's sub-personas). */
  between?: ComponentChildren;
}) {
  const { t, href, locale } = usePage();
  const base = groupedBy === "category" ? "/topics" : "/life-events";
  return (
    <>
      {tasks.topTasks.length ? (
        <section class="task-first task-first--top" aria-labelledby="top-tasks">
          <h2 class="heading-l" id="top-tasks">
            {t("catalogue.taskFirst.topTasks")}
          </h2>
          <p class="hint">{t("catalogue.taskFirst.topTasksLead")}</p>
          <TaskLinks services={tasks.topTasks} />
        </section>
      ) : null}
      {between}
      {tasks.groups.length ? (
        <section class="task-first" aria-labelledby="service-groups">
          <h2 class="heading-l" id="service-groups">
            {t(groupedBy === "category" ? "catalogue.taskFirst.byTopic" : "catalogue.taskFirst.byLifeEvent")}
          </h2>
          <div class="task-groups">
            {tasks.groups.map((g) => (
              <section class="task-group" key={g.term.slug} aria-labelledby={`group-${g.term.slug}`}>
                <h3 class="heading-m" id={`group-${g.term.slug}`}>
                  {g.term.name[locale]}
                </h3>
                <TaskLinks services={g.services} />
                {g.total > g.services.length ? (
                  <p class="task-group__more">
                    <a href={href(`${base}/${g.term.slug}`)}>{t("catalogue.taskFirst.more", { term: g.term.name[locale] })}</a>
                  </p>
                ) : null}
              </section>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}

/** A persona's page: its sub-personas (a second click narrows the list), its top tasks, its services by topic, then all its services. */
export function PersonaPage({
  persona,
  children,
  listing,
  tasks,
}: {
  persona: Term;
  children: Term[];
  listing: ListingProps;
  tasks?: TaskFirst | undefined;
}) {
  const { t, href, locale } = usePage();
  const narrow = children.length ? (
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
  ) : null;
  return (
    <div>
      <h1 class="heading-xl">{t("catalogue.persona.title", { persona: personaName(persona, locale, t) })}</h1>
      <p class="lead">{persona.description[locale]}</p>
      {tasks ? <TaskFirstSections tasks={tasks} groupedBy="category" between={narrow} /> : narrow}
      <ServiceListing {...listing} />
    </div>
  );
}

/** A topic's or a life event's page: what it covers, its top tasks, its services by life event (or topic), then all of them. */
export function TermPage({
  term,
  listing,
  tasks,
  groupedBy,
}: {
  term: Term;
  listing: ListingProps;
  tasks?: TaskFirst | undefined;
  groupedBy: "category" | "lifeEvent";
}) {
  const { locale } = usePage();
  return (
    <div>
      <h1 class="heading-xl">{term.name[locale]}</h1>
      <p class="lead">{term.description[locale]}</p>
      {tasks ? <TaskFirstSections tasks={tasks} groupedBy={groupedBy} /> : null}
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
