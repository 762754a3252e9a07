import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { normalize } from "../../platform/text/normalize.js";
import { stem } from "../analyzer/index.js";
import { Highlighted } from "./Highlighted.js";

const terms = (...words: string[]) => new Set(words.map((w) => stem(normalize(w))));

describe("highlighting", () => {
  it("marks the original letters, harakat and hamza included, of words that matched after normalisation", () => {
    const html = renderToString(<Highlighted text="تَجديدُ الإقامة للمقيمين" terms={terms("اقامه")} />);
    expect(html).toBe("تَجديدُ <mark>الإقامة</mark> للمقيمين");
  });

  it("marks English words by stem and escapes the rest", () => {
    const html = renderToString(<Highlighted text="Renewing <residence> permits" terms={terms("permit", "renew")} />);
    expect(html).toBe("<mark>Renewing</mark> &lt;residence> <mark>permits</mark>");
  });
});
