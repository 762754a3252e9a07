import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { type Db, inTransaction } from "../../platform/db/client.js";
import { bumpVersion } from "../../platform/db/versions.js";
import { commentReports, consultationComments, consultationSections, consultations } from "../tables.js";
import { PARTICIPATION_VERSION } from "../version.js";

export type Consultation = typeof consultations.$inferSelect;
export type Section = typeof consultationSections.$inferSelect;
export type Comment = typeof consultationComments.$inferSelect;

/**
 * published: shown at once; approved: a moderator kept it, reports no
 * longer hide it; held: reported by several people, hidden until a
 * moderator decides; hidden: a moderator removed it.
 */
export type CommentStatus = "published" | "approved" | "held" | "hidden";

/** Reports by different people that hold a comment (not yet approved) for a moderator. */
export const REPORTS_TO_HOLD = 3;

/** The statuses the public sees. */
export const visibleStatuses: CommentStatus[] = ["published", "approved"];

/** A section as staff write it, in both languages. */
export interface SectionInput {
  headingAr: string;
  headingEn: string;
  bodyAr: string;
  bodyEn: string;
}

/** Everything the staff form sets. */
export interface ConsultationInput {
  agency: string;
  titleAr: string;
  titleEn: string;
  summaryAr: string;
  summaryEn: string;
  opensAt: Date;
  closesAt: Date;
  sections: SectionInput[];
}

export async function findConsultation(db: Db, slug: string): Promise<Consultation | undefined> {
  const [row] = await db.select().from(consultations).where(eq(consultations.slug, slug));
  return row;
}

export function sectionsOf(db: Db, consultationId: string): Promise<Section[]> {
  return db
    .select()
    .from(consultationSections)
    .where(eq(consultationSections.consultationId, consultationId))
    .orderBy(asc(consultationSections.position));
}

/** The comments the public sees, oldest first. */
export function visibleComments(db: Db, consultationId: string): Promise<Comment[]> {
  return db
    .select()
    .from(consultationComments)
    .where(and(eq(consultationComments.consultationId, consultationId), inArray(consultationComments.status, visibleStatuses)))
    .orderBy(asc(consultationComments.createdAt), asc(consultationComments.id));
}

/** Every comment, for the moderators: held first, then published ones not yet approved (most reported first), then the rest. */
export async function commentsToModerate(db: Db, consultationId: string): Promise<Comment[]> {
  const rows = await db
    .select()
    .from(consultationComments)
    .where(eq(consultationComments.consultationId, consultationId))
    .orderBy(asc(consultationComments.createdAt), asc(consultationComments.id));
  const rank: Record<string, number> = { held: 0, published: 1, approved: 2, hidden: 3 };
  return rows.sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || b.reports - a.reports);
}

/** How many comments wait for a moderator's decision (held, or published and not yet approved). */
export async function countNeedingDecision(db: Db, consultationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(consultationComments)
    .where(
      and(eq(consultationComments.consultationId, consultationId), inArray(consultationComments.status, ["held", "published"])),
    );
  return Number(row?.n ?? 0);
}

/** The comments among `commentIds` that this person has reported. */
export async function reportedBy(db: Db, userId: string, commentIds: string[]): Promise<Set<string>> {
  if (commentIds.length === 0) return new Set();
  const rows = await db
    .select({ id: commentReports.commentId })
    .from(commentReports)
    .where(and(eq(commentReports.userId, userId), inArray(commentReports.commentId, commentIds)));
  return new Set(rows.map((r) => r.id));
}

export async function findComment(db: Db, consultationId: string, commentId: string): Promise<Comment | undefined> {
  const [row] = await db
    .select()
    .from(consultationComments)
    .where(and(eq(consultationComments.id, commentId), eq(consultationComments.consultationId, consultationId)));
  return row;
}

export async function addComment(
  db: Db,
  c: { consultationId: string; sectionId: string; userId: string; body: string },
): Promise<Comment> {
  const [row] = await db
    .insert(consultationComments)
    .values({ id: randomUUID(), ...c })
    .returning();
  if (!row) throw new Error("comment not saved");
  return row;
}

/**
 * One report per person per comment (the reports table's key refuses a
 * second); each new report counts once, and the report that reaches
 * REPORTS_TO_HOLD holds a comment a moderator has not approved. Returns
 * false when the person had already reported it.
 */
export async function reportComment(db: Db, commentId: string, userId: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const inserted = await tx
      .insert(commentReports)
      .values({ commentId, userId })
      .onConflictDoNothing()
      .returning({ id: commentReports.commentId });
    if (inserted.length === 0) return false;
    await tx
      .update(consultationComments)
      .set({
        reports: sql`${consultationComments.reports} + 1`,
        status: sql`case when ${consultationComments.status} = 'published' and ${consultationComments.reports} + 1 >= ${REPORTS_TO_HOLD} then 'held' else ${consultationComments.status} end`,
      })
      .where(eq(consultationComments.id, commentId));
    return true;
  });
}

/** A moderator's decision: approve (shown whatever the reports; also restores a hidden one) or hide. */
export async function moderateComment(
  db: Db,
  m: { consultationId: string; commentId: string; decision: "approve" | "hide"; moderatorId: string },
  now = new Date(),
): Promise<boolean> {
  const changed = await db
    .update(consultationComments)
    .set({ status: m.decision === "approve" ? "approved" : "hidden", moderatedBy: m.moderatorId, moderatedAt: now })
    .where(and(eq(consultationComments.id, m.commentId), eq(consultationComments.consultationId, m.consultationId)))
    .returning({ id: consultationComments.id });
  return changed.length > 0;
}

/** A readable address from the English title: "draft-regulation-on-shared-e-scooters". */
export function slugFrom(title: string): string {
  const words = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const w of words) {
    if (slug && slug.length + w.length + 1 > 60) break;
    slug = slug ? `${slug}-${w}` : w.slice(0, 60);
  }
  return !slug || slug === "new" ? `consultation${slug ? `-${slug}` : ""}` : slug;
}

/** The slug, with -2, -3… added when another consultation has it. */
async function freeSlug(db: Db, base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ slug: consultations.slug })
        .from(consultations)
        .where(like(consultations.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

async function writeSections(db: Db, consultationId: string, sections: SectionInput[]): Promise<void> {
  await db.delete(consultationSections).where(eq(consultationSections.consultationId, consultationId));
  if (sections.length === 0) return;
  await db
    .insert(consultationSections)
    .values(sections.map((s, i) => ({ id: randomUUID(), consultationId, position: i + 1, ...s })));
}

/** A new consultation with its sections; published at once or kept as a draft. */
export async function createConsultation(
  db: Db,
  input: ConsultationInput,
  options: { createdBy: string; publish: boolean; slug?: string },
): Promise<Consultation> {
  return inTransaction(db, async (tx) => {
    const { sections, ...fields } = input;
    const [row] = await tx
      .insert(consultations)
      .values({
        id: randomUUID(),
        slug: options.slug ?? (await freeSlug(tx, slugFrom(input.titleEn))),
        ...fields,
        status: options.publish ? "published" : "draft",
        createdBy: options.createdBy,
      })
      .returning();
    if (!row) throw new Error("consultation not saved");
    await writeSections(tx, row.id, sections);
    await bumpVersion(tx, PARTICIPATION_VERSION);
    return row;
  });
}

/** Changes a draft (and publishes it when asked); false when it is no longer a draft. */
export async function updateDraft(
  db: Db,
  id: string,
  input: ConsultationInput,
  options: { publish: boolean },
  now = new Date(),
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { sections, ...fields } = input;
    const changed = await tx
      .update(consultations)
      .set({ ...fields, status: options.publish ? "published" : "draft", updatedAt: now })
      .where(and(eq(consultations.id, id), eq(consultations.status, "draft")))
      .returning({ id: consultations.id });
    if (changed.length === 0) return false;
    await writeSections(tx, id, sections);
    await bumpVersion(tx, PARTICIPATION_VERSION);
    return true;
  });
}

/** Closes a published consultation before its closing date; false when it was not published or already closed. */
export async function closeEarly(db: Db, id: string, now = new Date()): Promise<boolean> {
  const changed = await db
    .update(consultations)
    .set({ closedAt: now, updatedAt: now })
    .where(and(eq(consultations.id, id), eq(consultations.status, "published"), isNull(consultations.closedAt)))
    .returning({ id: consultations.id });
  if (changed.length) await bumpVersion(db, PARTICIPATION_VERSION);
  return changed.length > 0;
}

/** Publishes (or corrects) the agency's response, in both languages. */
export async function publishResponse(db: Db, id: string, response: { ar: string; en: string }, now = new Date()) {
  await db
    .update(consultations)
    .set({ responseAr: response.ar, responseEn: response.en, respondedAt: now, updatedAt: now })
    .where(eq(consultations.id, id));
  await bumpVersion(db, PARTICIPATION_VERSION);
}
