import type { ServiceSummary } from "../../catalogue/service.js";
import { Card, CardGrid } from "../../platform/design/Card.js";
import { StartButton } from "../../platform/design/StartButton.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { VisitTopic } from "../content.js";

/** The catalogue's services for the page's visitors, and a link to all of them. */
function VisitorServices({
  services,
  heading,
  persona,
}: {
  services: ServiceSummary[];
  heading: string;
  persona: { slug: string; name: string };
}) {
  const { locale, t, href } = usePage();
  return (
    <section class="section" aria-labelledby="visit-services">
      <h2 class="heading-m" id="visit-services">
        {heading}
      </h2>
      {services.length ? (
        <CardGrid>
          {services.map((s) => (
            <Card
              key={s.slug}
              title={s.title[locale]}
              description={s.summary[locale]}
              href={href(`/services/${s.slug}`)}
              meta={s.agency.name[locale]}
            />
          ))}
        </CardGrid>
      ) : (
        <p>{t("visit.noServices")}</p>
      )}
      <p>
        <a href={href(`/for/${persona.slug}`)}>{t("visit.allServices", { persona: persona.name })}</a>
      </p>
    </section>
  );
}

function eserviceButton(topic: VisitTopic, href: (path: string) => string, t: (key: string) => string) {
  if (topic.eservice !== "visitor-visa") return null;
  return <StartButton href={href(`/eservices/${topic.eservice}`)} label={t("visit.startVisa")} />;
}

export function VisitIndexView({
  index,
  topics,
  services,
  persona,
}: {
  index: VisitTopic;
  topics: VisitTopic[];
  services: ServiceSummary[];
  persona: { slug: string; name: string };
}) {
  const { locale, t, href } = usePage();
  const text = index.text[locale];
  return (
    <article class="content-page">
      <h1 class="heading-xl">{text.title}</h1>
      <p class="lead">{text.description}</p>
      <div class="prose" dangerouslySetInnerHTML={{ __html: text.html }} />
      <section class="section" aria-labelledby="visit-topics">
        <h2 class="heading-m" id="visit-topics">
          {t("visit.topicsHeading")}
        </h2>
        <CardGrid>
          {topics.map((topic) => (
            <Card
              key={topic.slug}
              title={topic.text[locale].title}
              description={topic.text[locale].description}
              href={href(topic.path)}
            />
          ))}
        </CardGrid>
      </section>
      <VisitorServices services={services} heading={t("visit.popularHeading")} persona={persona} />
    </article>
  );
}

export function VisitTopicView({
  topic,
  others,
  services,
  persona,
}: {
  topic: VisitTopic;
  others: VisitTopic[];
  services: ServiceSummary[];
  persona: { slug: string; name: string };
}) {
  const { locale, t, href } = usePage();
  const text = topic.text[locale];
  return (
    <article class="content-page">
      <h1 class="heading-xl">{text.title}</h1>
      <p class="lead">{text.description}</p>
      <div class="prose" dangerouslySetInnerHTML={{ __html: text.html }} />
      {eserviceButton(topic, href, t)}
      <VisitorServices services={services} heading={t("visit.servicesHeading")} persona={persona} />
      <nav class="section" aria-labelledby="visit-more">
        <h2 class="heading-m" id="visit-more">
          {t("visit.otherTopics")}
        </h2>
        <ul class="list list--bullet">
          {others.map((o) => (
            <li key={o.slug}>
              <a href={href(o.path)}>{o.text[locale].title}</a>
            </li>
          ))}
        </ul>
      </nav>
    </article>
  );
}
