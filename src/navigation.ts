import type { NavItem } from "./platform/layout/page-context.js";

/** The main navigation, in order; each area adds its entry here as it lands. */
export const navigation: NavItem[] = [
  { path: "/", labelKey: "nav.home" },
  { path: "/about", labelKey: "nav.about" },
  { path: "/contact", labelKey: "nav.contact" },
];
