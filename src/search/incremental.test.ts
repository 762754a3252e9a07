import { describe, expect, it } from "vitest";
import type { SearchDoc } from "./documents.js";
import { SearchEngine } from "./engine.js";

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const arabic = [
  "تجديد",
  "الإقامة",
  "رخصة",
  "القيادة",
  "تأشيرة",
  "زيارة",
  "تصريح",
  "خروج",
  "فاتورة",
  "الكهرباء",
  "شهادة",
  "ميلاد",
  "سجل",
  "تجاري",
  "بطاقة",
  "صحية",
  "تسجيل",
  "مركبة",
  "عقد",
  "إيجار",
];
const english = [
  "renew",
  "residence",
  "permit",
  "driving",
  "licence",
  "visa",
  "visit",
  "exit",
  "electricity",
  "bill",
  "birth",
  "certificate",
  "commercial",
  "register",
  "health",
  "card",
  "vehicle",
  "registration",
  "lease",
  "contract",
];

function makeDoc(rand: () => number, n: number, version = 0): SearchDoc {
  const pick = (list: string[], k: number) =>
    Array.from({ length: k }, () => list[Math.floor(rand() * list.length)] as string).join(" ");
  const type = rand() < 0.9 ? "service" : "form";
  const slug = `thing-${n}`;
  return {
    id: `${type}:${slug}`,
    type,
    slug,
    path: `/services/${slug}`,
    title: { ar: pick(arabic, 3), en: pick(english, 3) },
    summary: { ar: pick(arabic, 6), en: pick(english, 6) },
    keywords: `${pick(arabic, 2)} ${pick(english, 2)} v${version}`,
    purpose: rand() < 0.5 ? pick(english, 4) : undefined,
    body: `${pick(arabic, 20)} \n ${pick(english, 20)}`,
    personas: rand() < 0.5 ? ["resident"] : ["citizen"],
    maturity: rand() < 0.5 ? "fully-online" : "partly-online",
    // Many equal popularities, so equal scores happen and their order is tested.
    popularity: Math.floor(rand() * 5) * 100,
  };
}

const queries = [
  "تجديد الإقامة",
  "رخصة",
  "تجد",
  "renew residence permit",
  "visa",
  "vis",
  "electricty bill",
  "birth certificate health card",
  "شهادة ميلاد",
  "registr",
  "lease contract vehicle",
  "خروج",
  "commercial register",
  "v3",
];

function results(engine: SearchEngine) {
  return queries.map((q) => {
    const out = engine.search(q, {}, { offset: 0, limit: 30 });
    return {
      q,
      total: out.total,
      didYouMean: out.didYouMean,
      relaxed: out.relaxed,
      hits: out.hits.map((h) => `${h.doc.id} ${h.score} ${h.terms.join(",")}`),
    };
  });
}

describe("an index updated in place", () => {
  it("answers exactly as a fresh build after edits, publications and withdrawals", () => {
    const rand = random(23);
    // Over a thousand documents, so that terms common enough to be left out are left out.
    let docs = Array.from({ length: 1200 }, (_, n) => makeDoc(rand, n));
    let next = docs.length;
    const engine = new SearchEngine(docs);
    for (let round = 0; round < 6; round++) {
      const removed: string[] = [];
      const upserted: SearchDoc[] = [];
      const kept: SearchDoc[] = [];
      for (const d of docs) {
        const r = rand();
        if (r < 0.03) removed.push(d.id);
        else if (r < 0.08) {
          const edited = { ...makeDoc(rand, Number(d.slug.slice(6)), round + 1), id: d.id, type: d.type };
          upserted.push(edited);
          kept.push(edited);
        } else kept.push(d);
      }
      for (let i = 0; i < 25; i++) {
        const fresh = makeDoc(rand, next++, round + 1);
        upserted.push(fresh);
        // A fresh build reads new services among the old ones, not after them.
        kept.splice(Math.floor(rand() * kept.length), 0, fresh);
      }
      engine.update(removed, upserted);
      docs = kept;
      expect(engine.documentCount).toBe(docs.length);
      expect(results(engine)).toEqual(results(new SearchEngine(docs)));
    }
  });

  it("forgets a withdrawn document's words, and finds a new one's", () => {
    const base = Array.from({ length: 20 }, (_, n) => makeDoc(random(n + 1), n));
    const engine = new SearchEngine(base);
    const quokka = { ...makeDoc(random(99), 99), title: { ar: "كوكا", en: "Quokka permit" } };
    engine.update([], [quokka]);
    expect(engine.search("quokka").hits.map((h) => h.doc.id)).toEqual([quokka.id]);
    engine.update([quokka.id], []);
    expect(engine.search("quokka").total).toBe(0);
    expect(engine.finds("service", quokka.slug)).toBe(false);
    expect(engine.documentCount).toBe(20);
  });
});
