import { and, asc, desc, eq, lte, max, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import type { ContentData } from "./model.js";
import { workspaceItems, workspaceVersions } from "./tables.js";

export type Item = typeof workspaceItems.$inferSelect;
export type Version = typeof workspaceVersions.$inferSelect;
export type ItemState = "draft" | "submitted" | "returned" | "scheduled" | "published";

export async function findItem(db: Db, kind: string, slug: string): Promise<Item | undefined> {
  const [row] = await db
    .select()
    .from(workspaceItems)
    .where(and(eq(workspaceItems.kind, kind), eq(workspaceItems.slug, slug)));
  return row;
}

/** The item, locked until the transaction ends (every workflow step changes it under this lock). */
export async function lockItem(tx: Db, id: number): Promise<Item | undefined> {
  const [row] = await tx.select().from(workspaceItems).where(eq(workspaceItems.id, id)).for("update");
  return row;
}

export async function itemsOf(db: Db, agency: string, kind: string): Promise<Item[]> {
  return db
    .select()
    .from(workspaceItems)
    .where(and(eq(workspaceItems.agency, agency), eq(workspaceItems.kind, kind)))
    .orderBy(desc(workspaceItems.updatedAt));
}

/** Items of the agencies waiting for an approver. */
export async function submittedOf(db: Db, agencies: string[] | "all"): Promise<Item[]> {
  const rows = await db
    .select()
    .from(workspaceItems)
    .where(eq(workspaceItems.state, "submitted"))
    .orderBy(asc(workspaceItems.updatedAt));
  return agencies === "all" ? rows : rows.filter((r) => agencies.includes(r.agency));
}

export async function insertItem(
  tx: Db,
  values: { kind: string; agency: string; slug: string; draft: ContentData; state: ItemState; live: boolean; updatedBy: string },
): Promise<Item | undefined> {
  // Someone else creating the same item at the same moment: nothing is inserted, and the caller says so.
  const [row] = await tx.insert(workspaceItems).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateItem(tx: Db, id: number, set: Partial<Omit<Item, "id" | "kind" | "slug" | "agency">>): Promise<Item> {
  const [row] = await tx
    .update(workspaceItems)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(workspaceItems.id, id))
    .returning();
  if (!row) throw new Error("item vanished");
  return row;
}

/** Claims a scheduled item whose time has come; at most one caller (one instance) gets it. */
export async function claimDue(tx: Db, id: number, now: Date): Promise<Item | undefined> {
  const [row] = await tx
    .update(workspaceItems)
    .set({ state: "published", updatedAt: now })
    .where(and(eq(workspaceItems.id, id), eq(workspaceItems.state, "scheduled"), lte(workspaceItems.publishAt, now)))
    .returning();
  return row;
}

/** Ids of scheduled items whose publishing time has passed. */
export async function dueIds(db: Db, now: Date): Promise<number[]> {
  const rows = await db
    .select({ id: workspaceItems.id })
    .from(workspaceItems)
    .where(and(eq(workspaceItems.state, "scheduled"), lte(workspaceItems.publishAt, now)))
    .orderBy(asc(workspaceItems.publishAt))
    .limit(100);
  return rows.map((r) => r.id);
}

export async function addVersion(tx: Db, itemId: number, data: ContentData, publishedBy: string | null): Promise<Version> {
  const [last] = await tx
    .select({ n: max(workspaceVersions.number) })
    .from(workspaceVersions)
    .where(eq(workspaceVersions.itemId, itemId));
  const [row] = await tx
    .insert(workspaceVersions)
    .values({ itemId, number: (last?.n ?? 0) + 1, data, publishedBy })
    .returning();
  if (!row) throw new Error("version not kept");
  return row;
}

export async function versionsOf(db: Db, itemId: number): Promise<Version[]> {
  return db.select().from(workspaceVersions).where(eq(workspaceVersions.itemId, itemId)).orderBy(desc(workspaceVersions.number));
}

export async function findVersion(db: Db, itemId: number, number: number): Promise<Version | undefined> {
  const [row] = await db
    .select()
    .from(workspaceVersions)
    .where(and(eq(workspaceVersions.itemId, itemId), eq(workspaceVersions.number, number)));
  return row;
}

/** How many items of each state an agency has (for the workspace's summary). */
export async function stateCounts(db: Db, agency: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: workspaceItems.state, n: sql<number>`count(*)`.mapWith(Number) })
    .from(workspaceItems)
    .where(eq(workspaceItems.agency, agency))
    .groupBy(workspaceItems.state);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
