import { createHash } from "node:crypto";
import { checkQid } from "../platform/text/identifiers.js";
import { addDays, dohaToday } from "../platform/time/doha.js";

/**
 * The simulated registries' entries: fixed ones for the demo people, and
 * for any other valid Qatari ID entries made up from the number itself, so
 * the same ID always gives the same answer. Citizens hold no residence
 * permit; not everyone owns a vehicle or a company.
 */
export type SandboxRegistry = "residency" | "vehicles" | "companies";

interface Bilingual {
  ar: string;
  en: string;
}

export interface ResidencyRecord {
  qid: string;
  permitNumber: string;
  nationality: string;
  profession: Bilingual;
  sponsor: { kind: "employer" | "family"; nameAr: string; nameEn: string; crNumber?: string };
  issueDate: string;
  expiryDate: string;
  address: { zone: string; street: string; building: string };
}

export interface Vehicle {
  plate: string;
  plateType: "private" | "commercial";
  make: string;
  model: string;
  year: number;
  colour: Bilingual;
  registrationExpiry: string;
}

export interface Company {
  crNumber: string;
  tradeName: Bilingual;
  legalForm: "sole-proprietorship" | "llc" | "partnership";
  activity: Bilingual;
  status: "active" | "expired" | "suspended";
  issueDate: string;
  expiryDate: string;
}

const MARYAM = "28663400101";
const ANIL = "29035600102";

/**
 * Days until the demo resident's permit expires, counted from today: always
 * inside the 90 days before expiry when renewal is open, so the demo renewal
 * (and its browser test) works whatever the date.
 */
export const DEMO_PERMIT_EXPIRES_IN_DAYS = 45;

/** The demo resident's residence permit: three years long, expiring DEMO_PERMIT_EXPIRES_IN_DAYS from today. */
function anilResidency(today = dohaToday()): ResidencyRecord {
  const expiryDate = addDays(today, DEMO_PERMIT_EXPIRES_IN_DAYS);
  const issueDate = addDays(yearsLater(addDays(expiryDate, 1), -3), 1);
  return {
    qid: ANIL,
    permitNumber: `RP-${issueDate.slice(0, 4)}-3561027`,
    nationality: "IN",
    profession: { ar: "مهندس مدني", en: "Civil engineer" },
    sponsor: {
      kind: "employer",
      nameAr: "شركة آفاق الخليج للهندسة ذ.م.م",
      nameEn: "Gulf Horizon Engineering W.L.L.",
      crNumber: "98231",
    },
    issueDate,
    expiryDate,
    address: { zone: "38", street: "950", building: "17" },
  };
}

const fixedResidency: Record<string, () => ResidencyRecord> = { [ANIL]: anilResidency };

const fixedVehicles: Record<string, Vehicle[]> = {
  [MARYAM]: [
    {
      plate: "318452",
      plateType: "private",
      make: "Nissan",
      model: "Patrol",
      year: 2022,
      colour: { ar: "أبيض", en: "White" },
      registrationExpiry: "2027-03-14",
    },
    {
      plate: "72190",
      plateType: "private",
      make: "Toyota",
      model: "Camry",
      year: 2019,
      colour: { ar: "فضي", en: "Silver" },
      registrationExpiry: "2026-12-09",
    },
  ],
  [ANIL]: [
    {
      plate: "540318",
      plateType: "private",
      make: "Toyota",
      model: "Corolla",
      year: 2020,
      colour: { ar: "رمادي", en: "Grey" },
      registrationExpiry: "2027-02-02",
    },
  ],
};

const fixedCompanies: Record<string, Company[]> = {
  [MARYAM]: [
    {
      crNumber: "143872",
      tradeName: { ar: "السليطي للتجارة والمقاولات", en: "Al-Sulaiti Trading and Contracting" },
      legalForm: "llc",
      activity: { ar: "تجارة مواد البناء", en: "Building materials trading" },
      status: "active",
      issueDate: "2019-05-12",
      expiryDate: "2027-05-11",
    },
  ],
  [ANIL]: [],
};

/** ISO numeric nationality codes (in the QID) of many of Qatar's residents, with their alpha-2 codes. */
const NATIONALITIES: Record<string, string> = {
  "356": "IN",
  "586": "PK",
  "050": "BD",
  "524": "NP",
  "608": "PH",
  "144": "LK",
  "818": "EG",
  "400": "JO",
  "760": "SY",
  "422": "LB",
  "729": "SD",
  "788": "TN",
  "826": "GB",
  "840": "US",
  "364": "IR",
  "404": "KE",
};

const PROFESSIONS: Bilingual[] = [
  { ar: "مهندس", en: "Engineer" },
  { ar: "محاسب", en: "Accountant" },
  { ar: "ممرض", en: "Nurse" },
  { ar: "فني كهرباء", en: "Electrician" },
  { ar: "سائق", en: "Driver" },
  { ar: "مدرس", en: "Teacher" },
  { ar: "طبيب", en: "Doctor" },
  { ar: "مندوب مبيعات", en: "Sales representative" },
];

const EMPLOYERS = [
  { nameAr: "شركة الدوحة للإنشاءات ذ.م.م", nameEn: "Doha Construction Company W.L.L.", crNumber: "31457" },
  { nameAr: "مستشفى الريان الأهلي", nameEn: "Al Rayyan Private Hospital", crNumber: "52093" },
  { nameAr: "مجموعة اللؤلؤة للتجارة", nameEn: "Pearl Trading Group", crNumber: "27816" },
  { nameAr: "شركة الوكرة للخدمات الفنية", nameEn: "Al Wakra Technical Services", crNumber: "64120" },
  { nameAr: "مدرسة الخليج الدولية", nameEn: "Gulf International School", crNumber: "40988" },
  { nameAr: "شركة قطر للأنظمة الذكية", nameEn: "Qatar Smart Systems", crNumber: "88412" },
];

const CARS: [string, string][] = [
  ["Toyota", "Land Cruiser"],
  ["Nissan", "Patrol"],
  ["Lexus", "LX 600"],
  ["Toyota", "Camry"],
  ["Hyundai", "Elantra"],
  ["Kia", "Sportage"],
  ["Mitsubishi", "Pajero"],
  ["GMC", "Yukon"],
  ["Honda", "Accord"],
];

const COLOURS: Bilingual[] = [
  { ar: "أبيض", en: "White" },
  { ar: "أسود", en: "Black" },
  { ar: "فضي", en: "Silver" },
  { ar: "رمادي", en: "Grey" },
  { ar: "أزرق", en: "Blue" },
];

const TRADE_NAMES: Bilingual[] = [
  { ar: "النخبة للاستشارات", en: "Elite Consulting" },
  { ar: "الصقر للتجارة العامة", en: "Al Saqr General Trading" },
  { ar: "البحر الأزرق للخدمات البحرية", en: "Blue Sea Marine Services" },
  { ar: "الواحة للمطاعم", en: "Oasis Restaurants" },
  { ar: "الفنار للتقنية", en: "Al Fanar Technology" },
];

const ACTIVITIES: Bilingual[] = [
  { ar: "الاستشارات الإدارية", en: "Management consulting" },
  { ar: "التجارة العامة", en: "General trading" },
  { ar: "الخدمات البحرية", en: "Marine services" },
  { ar: "المطاعم والمقاهي", en: "Restaurants and cafés" },
  { ar: "تقنية المعلومات", en: "Information technology" },
];

/** A small generator of numbers, the same for the same seed. */
function randomFrom(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** A day as YYYY-MM-DD, `days` after 1 January 2023. */
function day(days: number): string {
  return new Date(Date.UTC(2023, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

function yearsLater(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function isCitizen(qid: string): boolean {
  return qid.slice(3, 6) === "634";
}

function residency(qid: string): ResidencyRecord | undefined {
  if (isCitizen(qid)) return undefined;
  const random = randomFrom(`residency:${qid}`);
  const issueDate = day(between(random, 0, 1300));
  const employer = pick(random, EMPLOYERS);
  return {
    qid,
    permitNumber: `RP-${issueDate.slice(0, 4)}-${String(between(random, 1_000_000, 9_999_999))}`,
    nationality: NATIONALITIES[qid.slice(3, 6)] ?? pick(random, Object.values(NATIONALITIES)),
    profession: pick(random, PROFESSIONS),
    sponsor: { kind: "employer", ...employer },
    issueDate,
    expiryDate: yearsLater(issueDate, between(random, 1, 3)),
    address: {
      zone: String(between(random, 1, 98)),
      street: String(between(random, 100, 999)),
      building: String(between(random, 1, 99)),
    },
  };
}

function vehicles(qid: string): Vehicle[] {
  const random = randomFrom(`vehicles:${qid}`);
  return Array.from({ length: between(random, 0, 2) }, () => {
    const [make, model] = pick(random, CARS);
    return {
      plate: String(between(random, 10_000, 999_999)),
      plateType: "private" as const,
      make,
      model,
      year: between(random, 2012, 2026),
      colour: pick(random, COLOURS),
      registrationExpiry: day(between(random, 1400, 1850)),
    };
  });
}

function companies(qid: string): Company[] {
  const random = randomFrom(`companies:${qid}`);
  const count = random() < (isCitizen(qid) ? 0.6 : 0.15) ? between(random, 1, 2) : 0;
  return Array.from({ length: count }, () => {
    const issueDate = day(between(random, -2500, 1300));
    const i = between(random, 0, TRADE_NAMES.length - 1);
    return {
      crNumber: String(between(random, 10_000, 199_999)),
      tradeName: TRADE_NAMES[i] as Bilingual,
      legalForm: pick(random, ["sole-proprietorship", "llc", "partnership"] as const),
      activity: ACTIVITIES[i] as Bilingual,
      status: random() < 0.85 ? ("active" as const) : ("expired" as const),
      issueDate,
      expiryDate: yearsLater(issueDate, 5),
    };
  });
}

/** The entry of a registry for a Qatari ID, or undefined when it has none (or the ID is not valid). */
export function registryEntry(registry: SandboxRegistry, rawQid: string): Record<string, unknown> | undefined {
  const checked = checkQid(rawQid);
  if (!("qid" in checked)) return undefined;
  const qid = checked.qid;
  switch (registry) {
    case "residency": {
      const record = Object.hasOwn(fixedResidency, qid) ? fixedResidency[qid]?.() : residency(qid);
      return record ? { ...record } : undefined;
    }
    case "vehicles": {
      const list = Object.hasOwn(fixedVehicles, qid) ? (fixedVehicles[qid] ?? []) : vehicles(qid);
      return list.length ? { qid, vehicles: list } : undefined;
    }
    case "companies": {
      const list = Object.hasOwn(fixedCompanies, qid) ? (fixedCompanies[qid] ?? []) : companies(qid);
      return list.length ? { qid, companies: list } : undefined;
    }
  }
}
