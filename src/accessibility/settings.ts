/**
 * The display settings a person chooses with the accessibility tools, kept in
 * the `a11y` preference cookie (no identifier, nothing tracked): larger text,
 * high contrast, underlined links, reduced motion and a readable font.
 *
 * The cookie holds dot-separated tokens, for example `text150.contrast.motion`.
 * Reading is forgiving (an unknown token is ignored); the form that writes it
 * is strict (src/accessibility/schemas.ts).
 */

export const ACCESSIBILITY_COOKIE = "a11y";

/** How long the choice is remembered: a year, renewed each time it is saved. */
export const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export const textSizes = ["100", "125", "150", "200"] as const;
export type TextSize = (typeof textSizes)[number];

export const toggles = ["contrast", "underline", "motion", "readable"] as const;
export type Toggle = (typeof toggles)[number];

export interface DisplaySettings {
  textSize: TextSize;
  /** The switched-on toggles, in the order of `toggles`. */
  on: Toggle[];
}

export const defaultSettings: DisplaySettings = { textSize: "100", on: [] };

function isTextSize(value: string): value is TextSize {
  return (textSizes as readonly string[]).includes(value);
}

function isToggle(value: string): value is Toggle {
  return (toggles as readonly string[]).includes(value);
}

/** The settings a cookie value names; anything it does not recognise is left at the default. */
export function parseSettings(value: string | undefined): DisplaySettings {
  if (!value || value.length > 100) return defaultSettings;
  let textSize: TextSize = "100";
  const on = new Set<Toggle>();
  for (const token of value.split(".")) {
    if (token.startsWith("text") && isTextSize(token.slice(4))) textSize = token.slice(4) as TextSize;
    else if (isToggle(token)) on.add(token);
  }
  return { textSize, on: toggles.filter((t) => on.has(t)) };
}

/** The cookie value for these settings; empty when they are all the defaults (the cookie is then removed). */
export function serializeSettings(settings: DisplaySettings): string {
  const tokens = [...(settings.textSize === "100" ? [] : [`text${settings.textSize}`]), ...settings.on];
  return tokens.join(".");
}

export function isDefault(settings: DisplaySettings): boolean {
  return settings.textSize === "100" && settings.on.length === 0;
}

/**
 * What the settings put on the page's <html> element: `data-text-size` and one
 * class per toggle (`a11y-contrast`, …), which public/css/hukoomi.css implements.
 * Nothing at all for the defaults, so the page is the same as without a cookie.
 */
export function htmlAttributesFor(settings: DisplaySettings): Record<string, string> | undefined {
  if (isDefault(settings)) return undefined;
  const attributes: Record<string, string> = {};
  if (settings.textSize !== "100") attributes["data-text-size"] = settings.textSize;
  if (settings.on.length) attributes.class = settings.on.map((t) => `a11y-${t}`).join(" ");
  return attributes;
}

/** The <html> attributes for a request: read from its `a11y` cookie (given to the layout by server.ts). */
export function displayAttributes(request: { cookies?: Record<string, string | undefined> }): Record<string, string> | undefined {
  return htmlAttributesFor(parseSettings(request.cookies?.[ACCESSIBILITY_COOKIE]));
}
