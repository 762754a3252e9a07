import { describe, expect, it } from "vitest";
import { localeOfPath, localizePath, stripLocale, switchLocale } from "./locales.js";

describe("language addresses", () => {
  it("finds the language from the prefix", () => {
    expect(localeOfPath("/")).toBe("ar");
    expect(localeOfPath("/about")).toBe("ar");
    expect(localeOfPath("/en")).toBe("en");
    expect(localeOfPath("/en/about")).toBe("en");
    expect(localeOfPath("/en?x=1")).toBe("en");
    expect(localeOfPath("/energy")).toBe("ar");
  });

  it("strips and adds the prefix", () => {
    expect(stripLocale("/en")).toBe("/");
    expect(stripLocale("/en/about/history")).toBe("/about/history");
    expect(stripLocale("/en?q=1")).toBe("/?q=1");
    expect(localizePath("en", "/")).toBe("/en");
    expect(localizePath("en", "/about")).toBe("/en/about");
    expect(localizePath("ar", "/about")).toBe("/about");
  });

  it("switches language keeping the page and its query", () => {
    expect(switchLocale("/about/history", "en")).toBe("/en/about/history");
    expect(switchLocale("/en/search?q=visa", "ar")).toBe("/search?q=visa");
    expect(switchLocale("/search?q=visa", "en")).toBe("/en/search?q=visa");
    expect(switchLocale("/en", "ar")).toBe("/");
  });
});
