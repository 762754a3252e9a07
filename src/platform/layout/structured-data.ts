import type { Crumb } from "../design/Breadcrumbs.js";

/**
 * schema.org structured data (JSON-LD) for search engines. A page gives its
 * own nodes (a GovernmentService, an Event, a Dataset…); the layout adds the
 * BreadcrumbList of its trail and writes them as one @graph. Only terms the
 * schema.org vocabulary defines, on types in their domain
 * (test/integration/structured-data.test.ts checks every public template).
 */

/** One schema.org node, without @context (the layout adds it). */
export type SchemaNode = { "@type": string | string[]; "@id"?: string } & Record<string, unknown>;

/** The page's trail as a BreadcrumbList: Home, the crumbs, the current page last (at its own address). */
export function breadcrumbList(crumbs: Crumb[], home: string, pageUrl: string, absolute: (path: string) => string): SchemaNode {
  const items = [{ label: home, path: "/" }, ...crumbs];
  return {
    "@type": "BreadcrumbList",
    itemListElement: items.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.label,
      item: i === items.length - 1 || !crumb.path ? pageUrl : absolute(crumb.path),
    })),
  };
}

/** The JSON-LD document of a page: its nodes and its trail in one graph. */
export function structuredData(nodes: SchemaNode[]): object | undefined {
  if (nodes.length === 0) return undefined;
  return { "@context": "https://schema.org", "@graph": nodes };
}
