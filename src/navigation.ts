import type { NavItem } from "./platform/layout/page-context.js";

/** The main navigation, in order; each area adds its entry here as it lands. */
export const navigation: NavItem[] = [
  { path: "/", labelKey: "nav.home" },
  { path: "/services", labelKey: "nav.services" },
  { path: "/agencies", labelKey: "nav.agencies" },
  { path: "/news", labelKey: "nav.news" },
  { path: "/participate", labelKey: "nav.participate" },
  { path: "/about", labelKey: "nav.about" },
];
