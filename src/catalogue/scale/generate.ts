import { count } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { bumpVersion } from "../../platform/db/versions.js";
import { CATALOGUE_VERSION, type Maturity, maturities } from "../model.js";
import {
  agencies,
  categories,
  lifeEvents,
  personas,
  serviceCategories,
  serviceLifeEvents,
  servicePersonas,
  services,
} from "../tables.js";
import { actions, agencyForms, domains, objects, type Pair, regions } from "./vocabulary.js";

/** A small deterministic random generator (mulberry32), so two runs make the same catalogue. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
  };
}

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export interface ScaleTarget {
  agencies: number;
  services: number;
}

export interface ScaleProgress {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

/** The n-th generated agency: a domain in a region, in one of the agency forms. */
function agencyAt(n: number): { slug: string; type: string; en: string; ar: string; domain: Pair } {
  const domain = domains[n % domains.length] as Pair;
  const region = regions[Math.floor(n / domains.length) % regions.length] as Pair;
  const form = agencyForms[Math.floor(n / (domains.length * regions.length)) % agencyForms.length] ?? agencyForms[0]!;
  const round = Math.floor(n / (domains.length * regions.length * agencyForms.length));
  const suffix = round ? ` ${round + 1}` : "";
  const en = form.en(domain[0], region[0]) + suffix;
  return { slug: `gen-${slugify(en)}`, type: form.type, en, ar: form.ar(domain[1], region[1]) + suffix, domain };
}

const BATCH = 500;

/**
 * Fills the catalogue up to the target numbers of agencies and services
 * with plausible bilingual entries (for benchmarks). It adds to what is
 * there, so running it twice does nothing more.
 */
export async function generateScaleCatalogue(
  db: Db,
  target: ScaleTarget,
  progress?: ScaleProgress,
  seed = 2247,
): Promise<{ agencies: number; services: number }> {
  const rnd = randomSource(seed);
  const [[a0], [s0]] = await Promise.all([db.select({ n: count() }).from(agencies), db.select({ n: count() }).from(services)]);
  const existingAgencies = Number(a0?.n ?? 0);
  const existingServices = Number(s0?.n ?? 0);
  const [personaRows, categoryRows, lifeEventRows] = await Promise.all([
    db.select({ slug: personas.slug }).from(personas),
    db.select({ slug: categories.slug }).from(categories),
    db.select({ slug: lifeEvents.slug }).from(lifeEvents),
  ]);
  if (!personaRows.length || !categoryRows.length)
    throw new Error("load the demo catalogue first: it holds the personas and categories");

  const newAgencies = Math.max(0, target.agencies - existingAgencies);
  const newServices = Math.max(0, target.services - existingServices);
  progress?.start(newAgencies + newServices);

  const created: { id: number; en: string; ar: string; domain: Pair }[] = [];
  for (let i = 0; i < newAgencies; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, newAgencies - i) }, (_, k) => {
      const a = agencyAt(existingAgencies + i + k);
      return {
        slug: a.slug,
        type: a.type,
        nameAr: a.ar,
        nameEn: a.en,
        shortNameAr: a.ar,
        shortNameEn: a.en,
        descriptionAr: `تتولى ${a.ar} تقديم خدمات ${a.domain[1]} للأفراد والشركات.`,
        descriptionEn: `The ${a.en} provides ${a.domain[0].toLowerCase()} services to people and businesses.`,
        website: `https://${a.slug}.gov.example`,
        phone: `+974 4${String(rnd.int(1000)).padStart(3, "0")} ${String(rnd.int(10000)).padStart(4, "0")}`,
        email: `info@${a.slug}.gov.example`,
        addressAr: "الدوحة",
        addressEn: "Doha",
        openingHoursAr: "من الأحد إلى الخميس، 7 صباحاً حتى 2 ظهراً",
        openingHoursEn: "Sunday to Thursday, 7 am to 2 pm",
        latitude: 25.2 + rnd.next() * 0.2,
        longitude: 51.4 + rnd.next() * 0.2,
        _domain: a.domain,
      };
    });
    const inserted = await db
      .insert(agencies)
      .values(rows.map(({ _domain, ...r }) => r))
      .returning({ id: agencies.id, en: agencies.nameEn, ar: agencies.nameAr });
    for (const [k, r] of inserted.entries()) created.push({ ...r, domain: rows[k]?._domain ?? (domains[0] as Pair) });
    progress?.update(i + rows.length);
  }
  const owners = created.length
    ? created
    : (await db.select({ id: agencies.id, en: agencies.nameEn, ar: agencies.nameAr }).from(agencies)).map((r, i) => ({
        ...r,
        domain: domains[i % domains.length] as Pair,
      }));

  for (let i = 0; i < newServices; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, newServices - i) }, (_, k) => {
      const n = existingServices + i + k;
      const owner = owners[n % owners.length] ?? owners[0]!;
      const action = rnd.pick(actions);
      const object = rnd.pick(objects);
      const thing = `${owner.domain[0].toLowerCase()} ${object[0]}`;
      const titleEn = action[0].replace("{x}", `${/^[aeiou]/.test(thing) ? "an" : "a"} ${thing}`);
      const titleAr = `${action[1]} ${object[1]} ${owner.domain[1]}`;
      const maturity: Maturity = rnd.next() < 0.25 ? "fully-online" : (rnd.pick(maturities) as Maturity);
      const online = maturity === "fully-online" || maturity === "partly-online";
      return {
        row: {
          slug: `gen-${slugify(titleEn)}-${n}`,
          agencyId: owner.id,
          titleAr,
          titleEn,
          summaryAr: `${titleAr} من ${owner.ar}.`,
          summaryEn: `${titleEn} from the ${owner.en}.`,
          sections: {
            ar: {
              description: `تتيح هذه الخدمة ${titleAr}. يقدّم الطلب صاحب الشأن أو من ينوب عنه.`,
              eligibility: "المواطنون والمقيمون والشركات المسجلة في الدولة.",
              requirements: ["البطاقة الشخصية أو السجل التجاري", "المستندات الداعمة للطلب"],
              steps: ["قدّم الطلب", "ادفع الرسوم إن وجدت", "استلم النتيجة"],
              fees: `${50 + rnd.int(20) * 25} ريال`,
              processingTime: `${1 + rnd.int(10)} أيام عمل`,
            },
            en: {
              description: `Use this service to ${titleEn.charAt(0).toLowerCase()}${titleEn.slice(1)}. The person concerned, or someone acting for them, applies.`,
              eligibility: "Citizens, residents and companies registered in the country.",
              requirements: ["Your ID card or commercial registration", "Documents that support the request"],
              steps: ["Apply", "Pay any fee", "Receive the result"],
              fees: `QAR ${50 + rnd.int(20) * 25}`,
              processingTime: `${1 + rnd.int(10)} working days`,
            },
          },
          maturity,
          startUrl: online ? `https://services.gov.example/${n}` : null,
          channels: online ? ["online", "centre"] : ["centre"],
          keywordsAr: owner.domain[1],
          keywordsEn: owner.domain[0].toLowerCase(),
          popularity: rnd.int(2000),
          lastReviewed: `2026-${String(1 + rnd.int(10)).padStart(2, "0")}-${String(1 + rnd.int(28)).padStart(2, "0")}`,
        },
        persona: rnd.pick(personaRows).slug,
        category: rnd.pick(categoryRows).slug,
        lifeEvent: rnd.next() < 0.3 && lifeEventRows.length ? rnd.pick(lifeEventRows).slug : undefined,
      };
    });
    const inserted = await db
      .insert(services)
      .values(batch.map((b) => b.row))
      .returning({ id: services.id });
    await db.insert(servicePersonas).values(inserted.map((r, k) => ({ serviceId: r.id, slug: batch[k]?.persona ?? "" })));
    await db.insert(serviceCategories).values(inserted.map((r, k) => ({ serviceId: r.id, slug: batch[k]?.category ?? "" })));
    const events = inserted.flatMap((r, k) => (batch[k]?.lifeEvent ? [{ serviceId: r.id, slug: batch[k].lifeEvent }] : []));
    if (events.length) await db.insert(serviceLifeEvents).values(events);
    progress?.update(newAgencies + i + batch.length);
  }
  await bumpVersion(db, CATALOGUE_VERSION);
  progress?.stop();
  return { agencies: existingAgencies + newAgencies, services: existingServices + newServices };
}
