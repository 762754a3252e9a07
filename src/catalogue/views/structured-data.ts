import type { SchemaNode } from "../../platform/layout/structured-data.js";
import type { Agency, AgencyRef, EventItem, NewsItem, Service } from "../types.js";

/**
 * The catalogue's pages as schema.org nodes: a service is a GovernmentService
 * of its agency, an agency a GovernmentOrganization, news a NewsArticle, an
 * event an Event. Each node names itself by its page's address, so the
 * pages' nodes link up (a service's provider is its agency's node).
 */

type Locale = "ar" | "en";
const prefix = (locale: Locale) => (locale === "en" ? "/en" : "");
const agencyUrl = (baseUrl: string, locale: Locale, slug: string) => `${baseUrl}${prefix(locale)}/agencies/${slug}`;

/** The country every service and agency serves. */
const country = (locale: Locale): SchemaNode => ({ "@type": "Country", name: locale === "en" ? "Qatar" : "قطر" });

/** A page's main node: named by its page's address, with the page's title and summary. */
const pageNode = (type: string, url: string, name: string, description: string): SchemaNode => ({
  "@type": type,
  "@id": url,
  name,
  description,
  url,
});

/** An agency as a reference: its node's id, type and name. */
export function organizationRef(agency: AgencyRef, locale: Locale, baseUrl: string): SchemaNode {
  const url = agencyUrl(baseUrl, locale, agency.slug);
  return { "@type": "GovernmentOrganization", "@id": url, name: agency.name[locale], url };
}

/** A service: what it is, who provides it, for whom, and where to start it online. */
export function governmentServiceJsonLd(
  service: Service,
  locale: Locale,
  baseUrl: string,
  pageUrl: string,
  start?: string,
): SchemaNode {
  return {
    ...pageNode("GovernmentService", `${baseUrl}${pageUrl}`, service.title[locale], service.summary[locale]),
    ...(service.categories[0] ? { serviceType: service.categories[0].name[locale] } : {}),
    provider: organizationRef(service.agency, locale, baseUrl),
    areaServed: country(locale),
    audience: service.personas.map((p) => ({
      "@type": "Audience",
      audienceType: p.parentName ? `${p.parentName[locale]}: ${p.name[locale]}` : p.name[locale],
    })),
    ...(start
      ? { availableChannel: { "@type": "ServiceChannel", serviceUrl: start.startsWith("http") ? start : `${baseUrl}${start}` } }
      : {}),
  };
}

/** An agency: its contacts, place, parent and the bodies under it. */
export function agencyJsonLd(agency: Agency, locale: Locale, baseUrl: string): SchemaNode {
  return {
    ...organizationRef(agency, locale, baseUrl),
    alternateName: agency.shortName[locale],
    description: agency.description[locale],
    ...(agency.website ? { sameAs: agency.website } : {}),
    ...(agency.email ? { email: agency.email } : {}),
    ...(agency.phone ? { telephone: agency.phone } : {}),
    address: { "@type": "PostalAddress", streetAddress: agency.address[locale], addressCountry: "QA" },
    location: {
      "@type": "Place",
      geo: { "@type": "GeoCoordinates", latitude: agency.location.lat, longitude: agency.location.lng },
    },
    areaServed: country(locale),
    ...(agency.parent ? { parentOrganization: organizationRef(agency.parent, locale, baseUrl) } : {}),
    ...(agency.children.length ? { subOrganization: agency.children.map((c) => organizationRef(c, locale, baseUrl)) } : {}),
  };
}

/** A news article, published by its agency (or the portal). */
export function newsJsonLd(item: NewsItem, locale: Locale, baseUrl: string, pageUrl: string, portal: string): SchemaNode {
  const url = `${baseUrl}${pageUrl}`;
  const publisher = item.agency
    ? organizationRef(item.agency, locale, baseUrl)
    : { "@type": "GovernmentOrganization", name: portal, url: `${baseUrl}${prefix(locale)}/` };
  return {
    ...pageNode("NewsArticle", url, item.title[locale], item.summary[locale]),
    headline: item.title[locale],
    mainEntityOfPage: url,
    inLanguage: locale,
    datePublished: item.publishedAt.toISOString(),
    author: publisher,
    publisher,
  };
}

/** An event: when, where, and who organises it; people attend in person. */
export function eventJsonLd(item: EventItem, locale: Locale, baseUrl: string, pageUrl: string): SchemaNode {
  return {
    ...pageNode("Event", `${baseUrl}${pageUrl}`, item.title[locale], item.summary[locale]),
    inLanguage: locale,
    startDate: item.startsAt.toISOString(),
    endDate: item.endsAt.toISOString(),
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: { "@type": "Place", name: item.place[locale], address: { "@type": "PostalAddress", addressCountry: "QA" } },
    ...(item.agency ? { organizer: organizationRef(item.agency, locale, baseUrl) } : {}),
  };
}
