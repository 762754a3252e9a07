import { assetUrl } from "../platform/http/assets.js";
import { direction, type Locale, localizePath } from "../platform/i18n/locales.js";
import { translator } from "../platform/i18n/messages.js";

/** The design tokens of public/css/hukoomi.css the installed app uses: --maroon and --white. */
export const THEME_COLOUR = "#8a1538";
export const BACKGROUND_COLOUR = "#ffffff";

/** The PNG icons in public/images/icons (drawn by scripts/make-icons.ts from the favicon's mark). */
export const manifestIcons = [
  { name: "images/icons/icon-192.png", sizes: "192x192", purpose: "any" },
  { name: "images/icons/icon-512.png", sizes: "512x512", purpose: "any" },
  { name: "images/icons/icon-maskable-512.png", sizes: "512x512", purpose: "maskable" },
] as const;

/**
 * The web app manifest in one language: installing from an English page
 * gives the English app. The two apps are distinct (their own id) and each
 * keeps to its own pages: the Arabic app's scope is the site (/), the
 * English one's /en/; start_url lies inside the scope, as the manifest
 * specification requires for the scope to count.
 */
export function webManifest(locale: Locale) {
  const tr = translator(locale);
  const home = locale === "en" ? "/en/" : localizePath(locale, "/");
  return {
    id: home,
    name: tr.t("pwa.manifest.name"),
    short_name: tr.t("pwa.manifest.shortName"),
    description: tr.t("pwa.manifest.description"),
    lang: locale,
    dir: direction[locale],
    start_url: home,
    scope: home,
    display: "standalone",
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    icons: manifestIcons.map((icon) => ({
      src: assetUrl(icon.name),
      sizes: icon.sizes,
      type: "image/png",
      purpose: icon.purpose,
    })),
  };
}
