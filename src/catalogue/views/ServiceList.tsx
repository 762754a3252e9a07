import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { ServiceSummary } from "../types.js";
import { maturityColour, maturityKey } from "./labels.js";

/** Services as a list of linked summaries with their owning agency and how much is online. */
export function ServiceList({ services, headingLevel = 3 }: { services: ServiceSummary[]; headingLevel?: 2 | 3 }) {
  const { t, href, locale } = usePage();
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <ul class="service-list">
      {services.map((s) => (
        <li class="service-list__item" key={s.slug}>
          <Heading class="service-list__title">
            <a href={href(`/services/${s.slug}`)}>{s.title[locale]}</a>
          </Heading>
          <p class="service-list__summary">{s.summary[locale]}</p>
          <p class="service-list__meta">
            <Tag colour={maturityColour(s.maturity)}>{t(maturityKey(s.maturity))}</Tag>{" "}
            <span class="service-list__agency">{s.agency.name[locale]}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
