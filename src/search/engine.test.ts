import { describe, expect, it } from "vitest";
import type { SearchDoc } from "./documents.js";
import { SearchEngine } from "./engine.js";

function service(slug: string, ar: string, en: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id: `service:${slug}`,
    type: "service",
    slug,
    path: `/services/${slug}`,
    title: { ar, en },
    summary: { ar: `خدمة ${ar}`, en: `The ${en} service` },
    keywords: "",
    body: "",
    personas: ["resident"],
    maturity: "fully-online",
    popularity: 100,
    agency: { slug: "ministry-of-interior", name: { ar: "وزارة الداخلية", en: "Ministry of Interior" } },
    ...extra,
  };
}

const docs = [
  service("renew-residence-permit", "تجديد الإقامة", "Renew a residence permit", { popularity: 9000 }),
  service("apply-for-visitor-visa", "طلب تأشيرة زيارة", "Apply for a visit visa", { personas: ["visitor"] }),
  service("apply-for-exit-permit", "طلب تصريح خروج", "Apply for an exit permit", { popularity: 12000 }),
  service("apply-for-driving-licence", "إصدار رخصة القيادة", "Apply for a driving licence", {
    maturity: "partly-online",
    agency: { slug: "traffic-department", name: { ar: "الإدارة العامة للمرور", en: "Traffic Department" } },
  }),
  service("pay-electricity-bill", "دفع فاتورة الكهرباء", "Pay the electricity bill", { popularity: 5000 }),
  {
    id: "agency:ministry-of-interior",
    type: "agency",
    slug: "ministry-of-interior",
    path: "/agencies/ministry-of-interior",
    title: { ar: "وزارة الداخلية", en: "Ministry of Interior" },
    summary: { ar: "الأمن والجوازات", en: "Security and passports" },
    keywords: "MOI",
    body: "",
    personas: [],
    popularity: 0,
  } satisfies SearchDoc,
];

const synonyms = [
  ["تأشيرة", "فيزا", "visa"],
  ["رخصة القيادة", "رخصة سواقة", "driving licence"],
  ["إقامة", "iqama", "residence permit"],
];
const engine = new SearchEngine(docs, synonyms, [{ query: "تصريح", type: "service", slug: "apply-for-exit-permit" }]);
const top = (q: string, filters = {}) => engine.search(q, filters).hits.map((h) => h.doc.slug);

describe("search engine", () => {
  it("finds Arabic whatever the spelling, suffix or article", () => {
    for (const q of ["تجديد الإقامة", "تجديد اقامه", "تجديد إقامتي", "للاقامة"])
      expect(top(q)[0], q).toBe("renew-residence-permit");
  });

  it("finds through synonyms, dialect and loanwords", () => {
    expect(top("فيزا")[0]).toBe("apply-for-visitor-visa");
    expect(top("رخصة سواقة")[0]).toBe("apply-for-driving-licence");
  });

  it("crosses languages through the synonym and transliteration tables", () => {
    expect(top("iqama")[0]).toBe("renew-residence-permit");
    expect(top("visa")[0]).toBe("apply-for-visitor-visa");
    // Arabic typed in Latin letters, matched by sound.
    expect(top("fatoora kahraba")[0]).toBe("pay-electricity-bill");
  });

  it("retries a query typed on the other keyboard layout, and says so", () => {
    const outcome = engine.search("hrhlm");
    expect(outcome.layoutSwitchedTo).toBe("اقامة");
    expect(outcome.hits[0]?.doc.slug).toBe("renew-residence-permit");
    const english = engine.search("رهسش");
    expect(english.layoutSwitchedTo).toBe("visa");
    expect(english.hits[0]?.doc.slug).toBe("apply-for-visitor-visa");
  });

  it("tolerates typos counted in letters, and matches prefixes", () => {
    expect(top("تجدبد الاقامة")[0]).toBe("renew-residence-permit");
    expect(top("residense")[0]).toBe("renew-residence-permit");
    expect(top("electri")[0]).toBe("pay-electricity-bill");
  });

  it("puts best bets first and marks them", () => {
    const outcome = engine.search("تصاريح");
    expect(outcome.hits[0]).toMatchObject({ bestBet: true, doc: { slug: "apply-for-exit-permit" } });
    expect(outcome.hits.filter((h) => h.doc.slug === "apply-for-exit-permit")).toHaveLength(1);
  });

  it("reaches a body's own services when the query names the body inside it", () => {
    const withAgencies = new SearchEngine([
      ...docs,
      service("pay-water-bill", "دفع فاتورة الماء", "Pay the water bill", {
        popularity: 0,
        agency: { slug: "water-corporation", name: { ar: "مؤسسة المياه", en: "Water Corporation" } },
      }),
      {
        id: "agency:water-corporation",
        type: "agency",
        slug: "water-corporation",
        path: "/agencies/water-corporation",
        title: { ar: "مؤسسة المياه", en: "Water Corporation" },
        summary: { ar: "المياه", en: "Water" },
        keywords: "",
        names: ["Kahramaa", "كهرماء"],
        body: "",
        personas: [],
        popularity: 0,
      } satisfies SearchDoc,
    ]);
    for (const q of ["Kahramaa bill", "فاتورة كهرماء"]) {
      const slugs = withAgencies.search(q).hits.map((h) => h.doc.slug);
      expect(slugs.slice(0, 2), q).toContain("pay-water-bill");
    }
  });

  it("lets the words asking about a service's fees or papers add to the score, not choose the service", () => {
    const withFees = new SearchEngine([
      ...docs,
      service("fire-certificate-fees", "شهادة السلامة من الحريق", "Fire safety certificate", {
        body: "الرسوم وتجديد الشهادة كل سنة لحامل الإقامة. Fees and renewal every year, required documents, for any residence permit.",
        popularity: 20000,
      }),
    ]);
    const slugs = (q: string) => withFees.search(q).hits.map((h) => h.doc.slug);
    expect(slugs("كم رسوم تجديد الاقامة")[0]).toBe("renew-residence-permit");
    expect(slugs("residence renewal fees required documents")[0]).toBe("renew-residence-permit");
    expect(slugs("رسوم")[0]).toBe("fire-certificate-fees");
  });

  it("finds a multi-word synonym only where its words share a field", () => {
    const parks = new SearchEngine(
      [
        ...docs,
        service("parks-permit", "تصريح المتنزهات", "Apply for a parks permit", { body: "For residents.", popularity: 90000 }),
      ],
      synonyms,
    );
    expect(parks.search("iqama").hits.map((h) => h.doc.slug)).not.toContain("parks-permit");
  });

  it("filters by type, persona, agency and fully online", () => {
    expect(top("وزارة الداخلية", { type: "agency" })).toEqual(["ministry-of-interior"]);
    expect(top("طلب", { personas: ["visitor"] })).toEqual(["apply-for-visitor-visa"]);
    expect(top("apply", { agency: "traffic-department" })).toEqual(["apply-for-driving-licence"]);
    expect(top("رخصة", { fullyOnline: true })).toEqual([]);
  });

  it("uses popularity to break ties", () => {
    expect(top("طلب").indexOf("apply-for-exit-permit")).toBeLessThan(top("طلب").indexOf("apply-for-visitor-visa"));
  });

  it("suggests a spelling when words are unknown", () => {
    expect(engine.search("kahrabaxx zzz").didYouMean).toBeUndefined();
    expect(engine.search("Ministry of Intrior zzzz").didYouMean).toBe("Ministry of Interior zzzz");
  });

  it("returns nothing, without failing, for empty or odd queries", () => {
    for (const q of ["", "   ", "؟؟؟", "\u0000", "ـــ", "x".repeat(500)])
      expect(engine.search(q).total, q).toBeGreaterThanOrEqual(0);
    expect(engine.search("").total).toBe(0);
  });
});

describe("never an empty page when a word matches", () => {
  // 1,200 services: "apply" and "permit" are in most of them, as "خدمة" and "طلب" are in a large catalogue.
  const many = Array.from({ length: 1200 }, (_, i) =>
    service(`apply-for-permit-${i}`, `طلب تصريح رقم ${i}`, `Apply for permit number ${i}`, { popularity: i }),
  );
  many.push(service("apply-for-fishing-permit", "طلب تصريح صيد", "Apply for a fishing permit"));
  const big = new SearchEngine(many);

  it("falls back to the rarer words and then to any word, and says so", () => {
    const outcome = big.search("apply permit snorkelling");
    expect(outcome.total).toBeGreaterThan(0);
    expect(outcome.relaxed).toBe("some-words");
  });

  it("falls back from exact words to words a typo away, with a correction", () => {
    const outcome = big.search("apply permit fishinf");
    expect(outcome.hits[0]?.doc.slug).toBe("apply-for-fishing-permit");
  });

  it("says nothing when every word matched", () => {
    const outcome = big.search("fishing permit");
    expect(outcome.hits[0]?.doc.slug).toBe("apply-for-fishing-permit");
    expect(outcome.relaxed).toBeUndefined();
    expect(outcome.didYouMean).toBeUndefined();
  });
});

describe("English at least as Lucene's English analyzer does it", () => {
  const en = new SearchEngine([
    service("renew-driving-licence", "تجديد رخصة القيادة", "Renew a driving licence"),
    service("register-organisation", "تسجيل منظمة", "Register a non-profit organisation"),
    service("book-health-centre", "حجز موعد في المركز الصحي", "Book at a health centre"),
  ]);
  const first = (q: string) => en.search(q).hits[0]?.doc.slug;

  it("reads possessives, plurals and other word forms", () => {
    expect(first("driver's licenses renewal")).toBe("renew-driving-licence");
    expect(first("registering organisations")).toBe("register-organisation");
  });

  it("folds American and British spellings", () => {
    expect(first("driving license")).toBe("renew-driving-licence");
    expect(first("nonprofit organization")).toBe("register-organisation");
    expect(first("health center")).toBe("book-health-centre");
  });
});

describe("relevance that holds in a large catalogue", () => {
  // 1,200 services whose bodies all say "your ID card" (a catalogue's boilerplate); "lost" in one in twelve, "report" in one in fifty.
  const boiler = { body: "Bring your ID card. البطاقة الشخصية" };
  const words = (i: number) => [i % 12 ? "" : "lost property", i % 50 ? "" : "report"].join(" ");
  const many = Array.from({ length: 1200 }, (_, i) =>
    service(`gen-${i}`, `خدمة رقم ${i}`, `Service number ${i} ${words(i)}`, { ...boiler, popularity: i % 90 }),
  );
  many.push(service("report-lost-id-card", "الإبلاغ عن فقدان البطاقة الشخصية", "Report a lost ID card", boiler));
  many.push(service("renew-id-card", "تجديد البطاقة الشخصية", "Renew a national ID card", boiler));
  many.push(
    service("renew-nationality-certificate", "تجديد شهادة الجنسية", "Renew a nationality certificate", {
      popularity: 100_000,
    }),
  );
  const big = new SearchEngine(many, [["البطاقة الشخصية", "national ID", "ID card"]]);
  const first = (q: string) => big.search(q).hits[0]?.doc.slug;

  it("keeps every word of a long query in play, not only the rarest", () => {
    expect(first("Report a lost ID card")).toBe("report-lost-id-card");
  });

  it("keeps a phrase whole when one of its words is in most documents (national ID is not national)", () => {
    expect(first("renew national ID")).toBe("renew-id-card");
  });
});
