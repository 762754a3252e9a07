import {
  AREA_SLUGS,
  activeBookingsOn,
  centreBySlug,
  centresOf,
  closuresFrom,
  readWeekHours,
  unpublishCentre,
  WEEKDAYS,
  writeCentre,
  writeClosures,
} from "../../appointments/service.js";
import { catalogueEditing as edit } from "../../catalogue/service.js";
import type { Problem } from "../../forms/problems.js";
import type { Db } from "../../platform/db/client.js";
import { foldDigits } from "../../platform/text/clean.js";
import { dohaToday } from "../../platform/time/doha.js";
import { bilingualOf, fieldProblem, stringOf } from "../fields.js";
import type { ContentData, ContentKind, FieldSpec } from "../model.js";
import { findItem, versionsOf } from "../repository.js";
import { CentrePreview } from "../views/CentrePreview.js";
import { closuresText, hoursFields, offeredText, readClosures, readOffered, readWhole } from "./centre-lines.js";

/**
 * A service centre of the agency, where people book visits: its name and
 * address, its area, opening hours for each weekday, how far ahead people may
 * book and until when they may change a visit, the services it offers (each
 * with its minutes and counters), and its holidays and closures. Publishing
 * writes it to appointments; unpublishing takes it off booking (its bookings stay).
 */
export const centreFields: FieldSpec[] = [
  { name: "name", type: "text", bilingual: true, required: true },
  { name: "address", type: "text", bilingual: true, required: true },
  { name: "area", type: "select", bilingual: false, required: true },
  { name: "mapUrl", type: "url", bilingual: false, required: false },
  ...hoursFields.map(
    (name): FieldSpec => ({ name, type: "text", bilingual: false, required: false, hint: "workspace.form.hints.centreHours" }),
  ),
  { name: "bookAheadDays", type: "number", bilingual: false, required: true, hint: "workspace.form.hints.bookAheadDays" },
  { name: "changeCutoffHours", type: "number", bilingual: false, required: true, hint: "workspace.form.hints.changeCutoffHours" },
  { name: "centreServices", type: "lines", bilingual: false, required: true, hint: "workspace.form.hints.centreServices" },
  { name: "closures", type: "lines", bilingual: true, required: false, hint: "workspace.form.hints.closures" },
];

const LIMITS = { bookAheadDays: [1, 365], changeCutoffHours: [0, 168] } as const;

/** Everything of a centre's draft read, or what stops it being read. */
function readCentre(data: ContentData) {
  const problems: Problem[] = [];
  const hours = readWeekHours(
    Object.fromEntries(WEEKDAYS.map((d, i) => [d, foldDigits(stringOf(data, hoursFields[i] as string))])) as Record<
      (typeof WEEKDAYS)[number],
      string
    >,
  );
  if ("badDay" in hours)
    problems.push({
      field: hoursFields[Number(hours.badDay)] as string,
      key: "workspace.errors.centreHours",
      values: { day: { key: `centreStaff.weekdays.${hours.badDay}` } },
    });
  const numbers = {} as Record<keyof typeof LIMITS, number>;
  for (const [name, [min, max]] of Object.entries(LIMITS) as [keyof typeof LIMITS, readonly [number, number]][]) {
    const text = stringOf(data, name);
    const n = readWhole(text, min, max);
    if (n === undefined && text !== "")
      problems.push({
        field: name,
        key: "workspace.errors.centreNumber",
        values: { field: { key: `workspace.fields.${name}` }, min, max },
      });
    numbers[name] = n ?? 0;
  }
  const offered = readOffered(stringOf(data, "centreServices"));
  const closures = readClosures(bilingualOf(data, "closures"));
  problems.push(...offered.problems, ...closures.problems);
  return {
    hours: "hours" in hours ? hours.hours : undefined,
    numbers,
    offered: offered.offered,
    closures: closures.closures,
    problems,
  };
}

/** The draft's lines that cannot be read, and services that are not the agency's. */
async function unreadable(data: ContentData, db: Db, agency: string): Promise<Problem[]> {
  const read = readCentre(data);
  if (read.problems.length) return read.problems;
  const mine = new Set((await edit.agencyServiceRows(db, agency)).map((s) => s.slug));
  const unknown = read.offered.find((o) => !mine.has(o.serviceSlug));
  return unknown
    ? [{ field: "centreServices", key: "workspace.errors.centreServiceUnknown", values: { service: unknown.serviceSlug } }]
    : [];
}

/** The days the centre's previous published version listed as closed (publishing a list without one reopens it). */
async function previouslyClosed(tx: Db, slug: string): Promise<string[]> {
  const item = await findItem(tx, "centre", slug);
  // The newest version is the one being published; the one before it is what the public had.
  const previous = item ? (await versionsOf(tx, item.id))[1] : undefined;
  return previous ? readClosures(bilingualOf(previous.data, "closures")).closures.map((c) => c.day) : [];
}

export const centreKind: ContentKind = {
  name: "centre",
  fields: centreFields,
  creatable: true,

  async choices() {
    return { area: AREA_SLUGS.map((a) => ({ value: a, labelKey: `booking.areas.${a}` })) };
  },

  checkDraft: unreadable,

  async check(data, db, { agency, slug }) {
    const problems = await unreadable(data, db, agency);
    if (problems.length) return problems;
    if (hoursFields.every((f) => !stringOf(data, f))) problems.push(fieldProblem("hoursSun", "missing"));
    // A new closure of a day people have booked is made at the desk, which cancels each visit and tells the person.
    const centre = await centreBySlug(db, slug);
    if (!centre || centre.agency !== agency) return problems;
    const today = dohaToday();
    const closed = new Set((await closuresFrom(db, centre.id, today)).map((c) => c.day));
    for (const c of readClosures(bilingualOf(data, "closures")).closures) {
      if (c.day < today || closed.has(c.day)) continue;
      const count = await activeBookingsOn(db, centre.id, c.day);
      if (count > 0) {
        problems.push({ field: "closures-ar", key: "workspace.errors.centreClosureBooked", values: { count, closedDay: c.day } });
        break;
      }
    }
    return problems;
  },

  // "check-in" is the desk's own address under /workspace/appointments.
  slugTaken: async (db, slug) => slug === "check-in" || (await centreBySlug(db, slug)) !== undefined,

  async listPublished(db, agency) {
    return (await centresOf(db, [agency])).map((c) => ({ slug: c.slug, title: c.name }));
  },

  async load(db, agency, slug) {
    const c = await centreBySlug(db, slug);
    if (!c || c.agency !== agency) return undefined;
    const closures = await closuresFrom(db, c.id, dohaToday());
    return {
      name: c.name,
      address: c.address,
      area: c.area,
      mapUrl: c.mapUrl,
      ...Object.fromEntries(hoursFields.map((f, i) => [f, (c.hours[WEEKDAYS[i] as (typeof WEEKDAYS)[number]] ?? []).join(", ")])),
      bookAheadDays: String(c.bookAheadDays),
      changeCutoffHours: String(c.changeCutoffHours),
      centreServices: offeredText(c.services),
      closures: closuresText(closures),
    };
  },

  async apply(tx, agency, slug, data) {
    const existing = await centreBySlug(tx, slug);
    if (existing && existing.agency !== agency) throw new Error(`centre ${slug} belongs to another agency`);
    const read = readCentre(data);
    if (!read.hours || read.problems.length) throw new Error(`centre ${slug} cannot be read`);
    const reopened = (await previouslyClosed(tx, slug)).filter((d) => d >= dohaToday());
    const centreId = await writeCentre(tx, agency, {
      slug,
      name: bilingualOf(data, "name"),
      address: bilingualOf(data, "address"),
      area: stringOf(data, "area"),
      mapUrl: stringOf(data, "mapUrl"),
      hours: read.hours,
      bookAheadDays: read.numbers.bookAheadDays,
      changeCutoffHours: read.numbers.changeCutoffHours,
      published: true,
      services: read.offered,
    });
    await writeClosures(tx, centreId, read.closures, reopened);
  },

  unapply: (tx, agency, slug) => unpublishCentre(tx, agency, slug),

  /** Its days for the first service it offers, where people book it. */
  publicPath: (slug, data) => {
    const first = readOffered(stringOf(data, "centreServices")).offered[0];
    return first ? `/appointments/${first.serviceSlug}/${slug}` : "/services";
  },

  async preview({ db, agency, slug, locale }, data) {
    const read = readCentre(data);
    const titles = new Map((await edit.agencyServiceRows(db, agency)).map((s) => [s.slug, { ar: s.titleAr, en: s.titleEn }]));
    const name = bilingualOf(data, "name");
    return {
      title: name[locale] || slug,
      body: (
        <CentrePreview
          name={name}
          address={bilingualOf(data, "address")}
          area={stringOf(data, "area")}
          mapUrl={stringOf(data, "mapUrl")}
          hours={hoursFields.map((f) => stringOf(data, f))}
          services={read.offered.map((o) => ({ ...o, title: titles.get(o.serviceSlug) }))}
          closures={read.closures}
        />
      ),
    };
  },
};
