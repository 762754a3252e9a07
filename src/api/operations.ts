/** The documented API's addresses: version 1 of the portal's own API and the open-data portal's CKAN-style API. */
export const DOCUMENTED_PREFIXES = ["/api/v1/", "/api/3/"] as const;

export function isDocumented(url: string): boolean {
  return DOCUMENTED_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** The groups of operations, in the order the documentation shows them. */
export const API_TAGS = [
  "catalogue",
  "search",
  "eservices",
  "appointments",
  "participation",
  "facts",
  "opendata",
  "me",
  "payments",
  "health",
] as const;

/** The first path segment after /api/v1/ names the group. */
const TAG_OF_SEGMENT: Record<string, (typeof API_TAGS)[number]> = {
  services: "catalogue",
  agencies: "catalogue",
  personas: "catalogue",
  search: "search",
  eservices: "eservices",
  appointments: "appointments",
  polls: "participation",
  stats: "facts",
  statistics: "facts",
  datasets: "opendata",
  me: "me",
  payments: "payments",
  health: "health",
};

/** The group of an operation, from its OpenAPI path (/api/v1/services/{slug} → catalogue). */
export function tagOf(path: string): string {
  if (path.startsWith("/api/3/")) return "opendata";
  const segment = path.slice("/api/v1/".length).split("/")[0] ?? "";
  return TAG_OF_SEGMENT[segment] ?? segment;
}

const word = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A stable operation id from the method and path: GET /api/v1/services/{slug}
 * → getServicesBySlug; GET /api/3/action/package_show → getCkanActionPackageShow.
 * Catalogue messages are keyed by it (apiDocs.operations.<id>).
 */
export function operationIdOf(method: string, path: string): string {
  const ckan = path.startsWith("/api/3/");
  const rest = path.replace(/^\/api\/(v1|3)\//, "");
  const parts = rest
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const words = (param ? param[1] : segment) ?? "";
      const camel = words
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map(word)
        .join("");
      return param ? `By${camel}` : camel;
    });
  return `${method.toLowerCase()}${ckan ? "Ckan" : ""}${parts.join("")}`;
}
