import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { type Phase, phaseOf } from "./period.js";
import { consultations, polls, surveys } from "./tables.js";

export type ParticipationKind = "polls" | "surveys" | "consultations";
export const participationKinds: ParticipationKind[] = ["polls", "surveys", "consultations"];

/** One poll, survey or consultation as the participation pages list it. */
export interface ListedItem {
  kind: ParticipationKind;
  slug: string;
  agency: string;
  title: { ar: string; en: string };
  /** Its description or introduction, as its page shows it. */
  summary: { ar: string; en: string };
  phase: Phase;
  opensAt: Date;
  closesAt: Date;
}

/** Where the public takes part in an item, by kind and slug. */
export const participatePath = (kind: ParticipationKind, slug: string) => `/participate/${kind}/${slug}`;

/** Where its agency's staff manage it. */
export const staffPath = (kind: ParticipationKind, slug: string) => `/workspace/participation/${kind}/${slug}`;

type Table = typeof polls | typeof surveys | typeof consultations;

/** Items of every kind: published ones only, or all of some agencies' (drafts included). */
async function items(db: Db, filter: { published: boolean; agencies: string[] | "all" }, now: Date): Promise<ListedItem[]> {
  const where = (t: Table): SQL | undefined =>
    and(
      filter.published ? eq(t.status, "published") : undefined,
      filter.agencies === "all" ? undefined : inArray(t.agency, filter.agencies.length ? filter.agencies : [""]),
    );
  const [p, s, c] = await Promise.all([
    db.select().from(polls).where(where(polls)),
    db.select().from(surveys).where(where(surveys)),
    db.select().from(consultations).where(where(consultations)),
  ]);
  const common = (r: (typeof p)[number] | (typeof s)[number] | (typeof c)[number]) => ({
    slug: r.slug,
    agency: r.agency,
    phase: phaseOf(r, now),
    opensAt: r.opensAt,
    closesAt: r.closedAt ?? r.closesAt,
  });
  return [
    ...p.map((r) => ({
      ...common(r),
      kind: "polls" as const,
      title: { ar: r.questionAr, en: r.questionEn },
      summary: { ar: r.descriptionAr, en: r.descriptionEn },
    })),
    ...s.map((r) => ({
      ...common(r),
      kind: "surveys" as const,
      title: { ar: r.titleAr, en: r.titleEn },
      summary: { ar: r.introAr, en: r.introEn },
    })),
    ...c.map((r) => ({
      ...common(r),
      kind: "consultations" as const,
      title: { ar: r.titleAr, en: r.titleEn },
      summary: { ar: r.summaryAr, en: r.summaryEn },
    })),
  ];
}

/** What the public sees: open items first by closing date, then closed ones newest first (scheduled ones not yet). */
export async function publishedItems(db: Db, now = new Date()): Promise<ListedItem[]> {
  const all = await items(db, { published: true, agencies: "all" }, now);
  const open = all.filter((i) => i.phase === "open").sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
  const closed = all.filter((i) => i.phase === "closed").sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime());
  return [...open, ...closed];
}

/** The staff's list: every item of their agencies, drafts included, newest first. */
export async function staffItems(db: Db, agencies: string[] | "all", now = new Date()): Promise<ListedItem[]> {
  return (await items(db, { published: false, agencies }, now)).sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime());
}

/** The pages of the polls, surveys and consultations the public can see, for the sitemap. */
export async function publishedItemPaths(db: Db, now = new Date()): Promise<string[]> {
  return (await publishedItems(db, now)).map((i) => participatePath(i.kind, i.slug));
}
