import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNull, like, or } from "drizzle-orm";
import { type Db, inTransaction } from "../../platform/db/client.js";
import { bumpVersion } from "../../platform/db/versions.js";
import { pollChoices, pollOptions, polls, pollVotes } from "../tables.js";
import { PARTICIPATION_VERSION } from "../version.js";

export type Poll = typeof polls.$inferSelect;
export type PollOption = typeof pollOptions.$inferSelect;

/** What staff write: the poll without its bookkeeping columns. */
export type PollInput = Pick<
  Poll,
  | "agency"
  | "kind"
  | "questionAr"
  | "questionEn"
  | "descriptionAr"
  | "descriptionEn"
  | "multiple"
  | "maxChoices"
  | "audience"
  | "showResults"
  | "status"
  | "opensAt"
  | "closesAt"
>;

/** How many people voted, and how many chose each option. */
export interface PollResults {
  voters: number;
  counts: Map<string, number>;
}

export async function findPoll(db: Db, slug: string): Promise<Poll | undefined> {
  const [row] = await db.select().from(polls).where(eq(polls.slug, slug));
  return row;
}

/** A poll's options in their order. */
export function optionsOf(db: Db, pollId: string): Promise<PollOption[]> {
  return db.select().from(pollOptions).where(eq(pollOptions.pollId, pollId)).orderBy(asc(pollOptions.position));
}

/** Every published poll (scheduled, open and closed), newest first. */
export function publishedPolls(db: Db): Promise<Poll[]> {
  return db.select().from(polls).where(eq(polls.status, "published")).orderBy(desc(polls.opensAt));
}

/** The options the person chose, or undefined when they have not voted. */
export async function choicesOf(db: Db, pollId: string, userId: string): Promise<string[] | undefined> {
  const [vote] = await db
    .select({ id: pollVotes.id })
    .from(pollVotes)
    .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.userId, userId)));
  if (!vote) return undefined;
  const rows = await db.select({ option: pollChoices.optionId }).from(pollChoices).where(eq(pollChoices.voteId, vote.id));
  return rows.map((r) => r.option);
}

/**
 * Records a vote and its choices in one transaction. The database keeps one
 * vote per person and poll: a second one (another tab, a replay, requests at
 * the same moment) inserts nothing and returns false.
 */
export function castVote(db: Db, pollId: string, userId: string, optionIds: string[]): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const [vote] = await tx
      .insert(pollVotes)
      .values({ pollId, userId })
      .onConflictDoNothing({ target: [pollVotes.pollId, pollVotes.userId] })
      .returning({ id: pollVotes.id });
    if (!vote) return false;
    await tx.insert(pollChoices).values([...new Set(optionIds)].map((optionId) => ({ voteId: vote.id, pollId, optionId })));
    return true;
  });
}

export async function resultsOf(db: Db, pollId: string): Promise<PollResults> {
  const [voters] = await db.select({ n: count() }).from(pollVotes).where(eq(pollVotes.pollId, pollId));
  const rows = await db
    .select({ option: pollChoices.optionId, n: count() })
    .from(pollChoices)
    .where(eq(pollChoices.pollId, pollId))
    .groupBy(pollChoices.optionId);
  return { voters: Number(voters?.n ?? 0), counts: new Map(rows.map((r) => [r.option, Number(r.n)])) };
}

/** The number of people who voted in each of these polls. */
export async function voterCounts(db: Db, pollIds: string[]): Promise<Map<string, number>> {
  if (!pollIds.length) return new Map();
  const rows = await db
    .select({ poll: pollVotes.pollId, n: count() })
    .from(pollVotes)
    .where(inArray(pollVotes.pollId, pollIds))
    .groupBy(pollVotes.pollId);
  return new Map(rows.map((r) => [r.poll, Number(r.n)]));
}

/** An address name from the English question: "preferred-opening-hours", with "-2" and so on when taken. */
async function freeSlug(db: Db, question: string): Promise<string> {
  const base =
    question
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "poll";
  const stem = base === "new" ? "poll-new" : base;
  const taken = new Set(
    (
      await db
        .select({ slug: polls.slug })
        .from(polls)
        .where(or(eq(polls.slug, stem), like(polls.slug, `${stem}-%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

function optionRows(pollId: string, options: { ar: string; en: string }[]) {
  return options.map((o, i) => ({ id: randomUUID(), pollId, position: i + 1, labelAr: o.ar, labelEn: o.en }));
}

/** A new poll and its options; returns its address name. */
export function createPoll(
  db: Db,
  input: PollInput,
  options: { ar: string; en: string }[],
  createdBy: string,
  slug?: string,
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const id = randomUUID();
    const name = slug ?? (await freeSlug(tx, input.questionEn));
    await tx.insert(polls).values({ ...input, id, slug: name, createdBy });
    await tx.insert(pollOptions).values(optionRows(id, options));
    await bumpVersion(tx, PARTICIPATION_VERSION);
    return name;
  });
}

/** Rewrites a draft and its options; false when it is no longer a draft (published meanwhile). */
export function updateDraft(db: Db, id: string, input: PollInput, options: { ar: string; en: string }[]): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const changed = await tx
      .update(polls)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(polls.id, id), eq(polls.status, "draft")))
      .returning({ id: polls.id });
    if (!changed.length) return false;
    await tx.delete(pollOptions).where(eq(pollOptions.pollId, id));
    await tx.insert(pollOptions).values(optionRows(id, options));
    await bumpVersion(tx, PARTICIPATION_VERSION);
    return true;
  });
}

/** Closes a published poll now (once: a poll already closed early keeps its first closing time). */
export async function closePoll(db: Db, id: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(polls)
    .set({ closedAt: now, updatedAt: now })
    .where(and(eq(polls.id, id), eq(polls.status, "published"), isNull(polls.closedAt)))
    .returning({ id: polls.id });
  if (rows.length) await bumpVersion(db, PARTICIPATION_VERSION);
  return rows.length > 0;
}
