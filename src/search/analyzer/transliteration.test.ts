import { describe, expect, it } from "vitest";
import { normalize } from "../../platform/text/normalize.js";
import { skeleton } from "./transliteration.js";

const key = (w: string) => skeleton(normalize(w));

describe("transliteration keys", () => {
  it("meets Arabic words typed in Latin letters", () => {
    expect(key("iqama")).toBe(key("إقامة"));
    expect(key("sijil")).toBe(key("سجل"));
    expect(key("tijari")).toBe(key("تجاري"));
    expect(key("bitaqa")).toBe(key("بطاقة"));
    expect(key("ta2sheera")).toBe(key("تأشيرة"));
    expect(key("man3")).toBe(key("منع"));
    expect(key("tibbi")).toBe(key("طبي"));
  });

  it("meets English words typed in Arabic letters", () => {
    expect(key("اكزت")).toBe(key("exit"));
    expect(key("برمت")).toBe(key("permit"));
    expect(key("ميديكال")).toBe(key("medical"));
    expect(key("فاميلي")).toBe(key("family"));
  });

  it("gives no key to words with too few consonants", () => {
    expect(key("او")).toBe("");
    expect(key("ai")).toBe("");
  });
});
