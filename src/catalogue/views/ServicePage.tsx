import { Button } from "../../platform/design/Button.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { StartButton } from "../../platform/design/StartButton.js";
import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { Service } from "../types.js";
import { channelKey, maturityColour, maturityKey, personaName } from "./labels.js";
import { Paragraphs } from "./Paragraphs.js";
import { ServiceFacts, workingDaysInWords } from "./ServiceFacts.js";
import { ServiceList } from "./ServiceList.js";

function fileSize(bytes: number, number: (n: number, o?: Intl.NumberFormatOptions) => string): string {
  return bytes < 1024 * 1024
    ? number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" })
    : number(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}

/** Where "Start now" leads: an e-service of this portal, or the agency's own site. */
export function startHref(service: Service, href: (p: string) => string): string | undefined {
  if (service.startEservice) return href(`/eservices/${service.startEservice}`);
  return service.startUrl;
}

/** A service described in the portal's one consistent way. */
export function ServicePage({
  service,
  rules = [],
  bookHref,
}: {
  service: Service;
  rules?: string[];
  /** Where to book a visit to a service centre (language-neutral), when centres offer the service. */
  bookHref?: string | undefined;
}) {
  const page = usePage();
  // The token is read only for a signed-in person's form: the public page carries none.
  const { t, href, locale, number, viewerName } = page;
  const s = service.sections[locale];
  const start =
    service.maturity === "partly-online" || service.maturity === "fully-online" ? startHref(service, href) : undefined;
  return (
    <article class="service">
      <div class="service__main">
        <p class="caption">{service.agency.name[locale]}</p>
        <h1 class="heading-xl">{service.title[locale]}</h1>
        <p class="lead">{service.summary[locale]}</p>
        <p>
          <Tag colour={maturityColour(service.maturity)}>{t(maturityKey(service.maturity))}</Tag>
        </p>
        {start ? (
          <div class="service__start">
            <StartButton href={start} />
            {service.startUrl && !service.startEservice ? (
              <p class="hint">{t("catalogue.service.startElsewhere", { agency: service.agency.name[locale] })}</p>
            ) : null}
          </div>
        ) : null}

        {bookHref ? (
          <div class="service__start">
            <Button href={href(bookHref)} variant={start ? "secondary" : "primary"}>
              {t("booking.serviceLink")}
            </Button>
            <p class="hint">{t("booking.serviceLinkHint")}</p>
          </div>
        ) : null}

        {service.facts ? <ServiceFacts facts={service.facts} /> : null}

        {s.easyRead?.length ? (
          <section class="easy-read" aria-labelledby="easy-read-heading">
            <h2 class="easy-read__heading heading-m" id="easy-read-heading">
              {t("accessibility.easyRead.heading")}
            </h2>
            <p class="easy-read__hint">{t("accessibility.easyRead.hint")}</p>
            <ul class="easy-read__list">
              {s.easyRead.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          </section>
        ) : null}

        <h2 class="heading-l">{t("catalogue.service.description")}</h2>
        <Paragraphs text={s.description} />

        <h2 class="heading-l">{t("catalogue.service.eligibility")}</h2>
        <Paragraphs text={s.eligibility} />
        {rules.length ? (
          <section aria-labelledby="service-online-rules">
            <h3 class="heading-m" id="service-online-rules">
              {t("catalogue.service.onlineRules")}
            </h3>
            <ul class="list list--bullet">
              {rules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </section>
        ) : null}

        <h2 class="heading-l">{t("catalogue.service.requirements")}</h2>
        <ul class="list list--bullet">
          {s.requirements.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>

        <h2 class="heading-l">{t("catalogue.service.steps")}</h2>
        <ol class="list list--number">
          {s.steps.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ol>

        <h2 class="heading-l">{t("catalogue.service.fees")}</h2>
        <Paragraphs text={s.fees} />

        <h2 class="heading-l">{t("catalogue.service.processingTime")}</h2>
        {service.facts?.workingDays !== undefined ? (
          <p>{workingDaysInWords(service.facts.workingDays, page.tr)}</p>
        ) : (
          <Paragraphs text={s.processingTime} />
        )}

        <h2 class="heading-l">{t("catalogue.service.channels")}</h2>
        <ul class="list list--bullet">
          {service.channels.map((c) => (
            <li key={c}>{t(channelKey(c))}</li>
          ))}
        </ul>

        {service.documents.length ? (
          <section aria-labelledby="service-documents">
            <h2 class="heading-l" id="service-documents">
              {t("catalogue.service.documents")}
            </h2>
            <ul class="list documents">
              {service.documents.map((d) => (
                <li class="documents__item" key={d.slug}>
                  <a href={href(`/services/${service.slug}/documents/${d.slug}`)} download={d.fileName}>
                    {d.title[locale]}
                  </a>
                  <span class="documents__meta">
                    {t("catalogue.service.documentMeta", { size: fileSize(d.sizeBytes, number) })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <p class="page-meta">
          {t("catalogue.service.lastReviewed")} <DateDisplay date={service.lastReviewed} withHijri />
        </p>
      </div>

      <aside class="service__aside" aria-labelledby="service-aside-agency">
        {viewerName ? (
          <form class="aside-box" method="post" action={href("/my/saved-services")}>
            <input type="hidden" name="_csrf" value={page.csrfToken} />
            <input type="hidden" name="service" value={service.slug} />
            <input type="hidden" name="saved" value="1" />
            <input type="hidden" name="returnTo" value={href("/my")} />
            <button class="button button--secondary" type="submit">
              {t("catalogue.service.save")}
            </button>
          </form>
        ) : null}
        <div class="aside-box">
          <h2 class="heading-s" id="service-aside-agency">
            {t("catalogue.service.providedBy")}
          </h2>
          <p>
            <a href={href(`/agencies/${service.agency.slug}`)}>{service.agency.name[locale]}</a>
          </p>
        </div>
        {service.personas.length ? (
          <div class="aside-box">
            <h2 class="heading-s">{t("catalogue.service.audiences")}</h2>
            <ul class="list">
              {service.personas.map((p) => (
                <li key={p.slug}>
                  <a href={href(`/for/${p.slug}`)}>{personaName(p, locale, t)}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {service.categories.length ? (
          <div class="aside-box">
            <h2 class="heading-s">{t("catalogue.service.topics")}</h2>
            <ul class="list">
              {service.categories.map((c) => (
                <li key={c.slug}>
                  <a href={href(`/topics/${c.slug}`)}>{c.name[locale]}</a>
                </li>
              ))}
              {service.lifeEvents.map((c) => (
                <li key={c.slug}>
                  <a href={href(`/life-events/${c.slug}`)}>{c.name[locale]}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </aside>

      {service.related.length ? (
        <section class="service__related" aria-labelledby="service-related">
          <h2 class="heading-l" id="service-related">
            {t("catalogue.service.related")}
          </h2>
          <ServiceList services={service.related} />
        </section>
      ) : null}
    </article>
  );
}
