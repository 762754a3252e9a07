import { ServiceList } from "../../catalogue/components.js";
import type { ServiceSummary } from "../../catalogue/service.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { DisabilityPortal } from "../portal-content.js";

/** /accessibility-services: rights, benefits, assistive services and accessible transport, with their services. */
export function DisabilityPortalPage({ portal, services }: { portal: DisabilityPortal; services: ServiceSummary[] }) {
  const { t, href, locale } = usePage();
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  return (
    <div class="disability-portal">
      <h1 class="heading-xl">{portal.title[locale]}</h1>
      {portal.intro[locale].map((p, i) => (
        <p class={i === 0 ? "lead" : undefined} key={p}>
          {p}
        </p>
      ))}
      <nav class="contents-list" aria-labelledby="portal-contents">
        <h2 class="heading-s" id="portal-contents">
          {t("accessibility.portal.onThisPage")}
        </h2>
        <ul class="list">
          {portal.sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title[locale]}</a>
            </li>
          ))}
        </ul>
      </nav>

      <div class="aside-box disability-portal__tools">
        <h2 class="heading-m">{t("accessibility.portal.toolsHeading")}</h2>
        <p>{t("accessibility.portal.toolsBody")}</p>
        <p>
          <a href={href("/accessibility-tools")}>{t("accessibility.portal.toolsLink")}</a>
        </p>
      </div>

      {portal.sections.map((section) => {
        const list = section.services.flatMap((slug) => bySlug.get(slug) ?? []);
        return (
          <section class="disability-portal__section" aria-labelledby={section.id} key={section.id}>
            <h2 class="heading-l" id={section.id}>
              {section.title[locale]}
            </h2>
            {section.paragraphs[locale].map((p) => (
              <p key={p}>{p}</p>
            ))}
            {section.points ? (
              <ul class="list list--bullet">
                {section.points[locale].map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
            {list.length ? <ServiceList services={list} /> : null}
          </section>
        );
      })}

      <section class="disability-portal__section" aria-labelledby="portal-help">
        <h2 class="heading-l" id="portal-help">
          {t("accessibility.portal.helpHeading")}
        </h2>
        <p>{t("accessibility.portal.helpBody")}</p>
        <ul class="list">
          <li>
            <a href={href("/accessibility")}>{t("accessibility.portal.statementLink")}</a>
          </li>
          <li>
            <a href={href("/contact")}>{t("accessibility.portal.contactLink")}</a>
          </li>
        </ul>
      </section>
    </div>
  );
}
