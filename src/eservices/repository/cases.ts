import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, ne, type SQL, sql } from "drizzle-orm";
import { accountIdsWith, namesOf, peopleWithRole } from "../../accounts/service.js";
import type { AnswerSources, Answers, FileRef } from "../../forms/engine/answers.js";
import { type Db, inTransaction } from "../../platform/db/client.js";
import { dohaDayStart } from "../../platform/time/doha.js";
import { addWorkingDays } from "../../platform/time/working-days.js";
import { newReference } from "../references.js";
import { caseEvents, cases, drafts } from "../tables.js";
import { attachUploadsToCase } from "./uploads.js";

export type Case = typeof cases.$inferSelect;
export type CaseEvent = typeof caseEvents.$inferSelect;

export const caseStatuses = ["payment-due", "submitted", "in-review", "info-requested", "approved", "rejected"] as const;
export type CaseStatus = (typeof caseStatuses)[number];
/** Statuses in which the agency still owes an answer. */
/** What officers see: a request whose fee is unpaid has not reached the agency yet. */
export const queueStatuses = caseStatuses.filter((s) => s !== "payment-due");
export const openStatuses: CaseStatus[] = ["submitted", "in-review", "info-requested"];

export interface Submission {
  draftId: string;
  userId: string;
  eservice: string;
  version: number;
  agency: string;
  queue: string;
  answers: Answers;
  fee: number;
  targetDays: number;
  files: FileRef[];
  /** Where prefilled answers came from, for the officer to see what to verify. */
  sources?: AnswerSources;
}

/**
 * Turns a draft into a case in one transaction: the case, its first
 * history step, its files, and the draft's removal. The draft's id is
 * unique among cases, so a double click, a refresh or a retry finds the
 * case already made instead of making a second.
 */
export async function submitCase(
  db: Db,
  s: Submission,
  /** Runs in the same transaction once the case exists (notifications, payment due…). */
  onCreated?: (tx: Db, created: Case) => Promise<void>,
): Promise<{ case: Case; created: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await inTransaction(db, async (tx) => {
      const now = new Date();
      const id = randomUUID();
      const [created] = await tx
        .insert(cases)
        .values({
          id,
          reference: newReference(),
          draftId: s.draftId,
          userId: s.userId,
          eservice: s.eservice,
          version: s.version,
          agency: s.agency,
          queue: s.queue,
          answers: s.answers,
          sources: s.sources ?? {},
          // A fee to pay first: the agency sees the request once it is paid.
          status: s.fee > 0 ? "payment-due" : "submitted",
          feeAmount: s.fee.toFixed(2),
          submittedAt: now,
          dueAt: addWorkingDays(now, s.targetDays),
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!created) return undefined;
      await tx.insert(caseEvents).values({ caseId: id, at: now, actorId: s.userId, kind: "submitted" });
      await attachUploadsToCase(
        tx,
        s.draftId,
        id,
        s.files.map((f) => f.id),
      );
      await tx.delete(drafts).where(eq(drafts.id, s.draftId));
      await onCreated?.(tx, created);
      return created;
    });
    if (result) return { case: result, created: true };
    const existing = await caseFromDraft(db, s.userId, s.draftId);
    if (existing) return { case: existing, created: false };
    // The reference was taken (about one chance in billions): try another.
  }
  throw new Error("could not find a free reference");
}

/** The case a draft became, if it was submitted already (the applicant's own only). */
export async function caseFromDraft(db: Db, userId: string, draftId: string): Promise<Case | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.draftId, draftId), eq(cases.userId, userId)));
  return row;
}

/** The applicant's own case by its reference; anyone else's is as good as missing. */
export async function findOwnCase(db: Db, userId: string, reference: string): Promise<Case | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.reference, reference), eq(cases.userId, userId)));
  return row;
}

export async function findCase(db: Db, reference: string): Promise<Case | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
  return row;
}

export async function findCaseById(db: Db, id: string): Promise<Case | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

/** The applicant's requests, newest first. */
export async function casesOf(db: Db, userId: string, limit = 50, offset = 0, reference?: string): Promise<Case[]> {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.userId, userId), reference ? eq(cases.reference, reference) : undefined))
    .orderBy(desc(cases.submittedAt), desc(cases.id))
    .limit(limit)
    .offset(offset);
}

/** How many requests the applicant has made. */
export async function countCasesOf(db: Db, userId: string, reference?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(eq(cases.userId, userId), reference ? eq(cases.reference, reference) : undefined));
  return row?.n ?? 0;
}

export interface HistoryStep extends CaseEvent {
  actorNameAr: string | null;
  actorNameEn: string | null;
}

/** A case's history in order; the applicant's view leaves out staff-only steps. */
export async function historyOf(db: Db, caseId: string, forApplicant: boolean): Promise<HistoryStep[]> {
  const where = forApplicant
    ? and(eq(caseEvents.caseId, caseId), eq(caseEvents.visibleToApplicant, 1))
    : eq(caseEvents.caseId, caseId);
  const steps = await db.select(allColumns()).from(caseEvents).where(where).orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const names = await namesOf(db, [...new Set(steps.flatMap((s) => (s.actorId ? [s.actorId] : [])))]);
  return steps.map((s) => {
    const name = s.actorId ? names.get(s.actorId) : undefined;
    return { ...s, actorNameAr: name?.ar ?? null, actorNameEn: name?.en ?? null };
  });
}

function allColumns() {
  return {
    id: caseEvents.id,
    caseId: caseEvents.caseId,
    at: caseEvents.at,
    actorId: caseEvents.actorId,
    kind: caseEvents.kind,
    message: caseEvents.message,
    files: caseEvents.files,
    visibleToApplicant: caseEvents.visibleToApplicant,
  };
}

export interface QueueFilter {
  /** The agencies whose cases the officer may see; undefined for every agency (administrators). */
  agencies?: string[] | undefined;
  eservice?: string | undefined;
  status?: CaseStatus | undefined;
  /** Submitted on or after / before the end of (YYYY-MM-DD, Qatar time). */
  from?: string | undefined;
  to?: string | undefined;
  due?: "overdue" | "week" | undefined;
  assigned?: { to: string } | "unassigned" | undefined;
  /** One case by its reference, or the cases of one applicant by QID or passport number (read by platform/text/identifiers). */
  find?: { reference: string } | { qid: string } | { passport: string } | undefined;
  page: number;
  pageSize: number;
}

export interface QueueItem {
  case: Case;
  applicantAr: string;
  applicantEn: string;
  assigneeAr: string | null;
  assigneeEn: string | null;
}

/** No account has this id: the search for an applicant found no one. */
const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

type QueueWhere = Omit<QueueFilter, "page" | "pageSize" | "status"> & { applicants: string[] | undefined };

/** The filter with its applicant search (by QID or passport) turned into the accounts it names, asked of accounts. */
async function withApplicants(db: Db, f: Omit<QueueFilter, "page" | "pageSize" | "status">): Promise<QueueWhere> {
  const find = f.find;
  if (!find || "reference" in find) return { ...f, applicants: undefined };
  const ids = await accountIdsWith(db, find);
  return { ...f, applicants: ids.length ? ids : [NO_ACCOUNT] };
}

function queueWhere(f: QueueWhere): SQL | undefined {
  const now = new Date();
  const parts: (SQL | undefined)[] = [
    ne(cases.status, "payment-due"),
    f.agencies ? inArray(cases.agency, f.agencies.length ? f.agencies : [""]) : undefined,
    f.eservice ? eq(cases.eservice, f.eservice) : undefined,
    f.from ? gte(cases.submittedAt, dohaDayStart(f.from)) : undefined,
    f.to ? lt(cases.submittedAt, dohaDayStart(f.to, 1)) : undefined,
    f.due === "overdue" ? and(lt(cases.dueAt, now), inArray(cases.status, openStatuses)) : undefined,
    f.due === "week"
      ? and(lte(cases.dueAt, new Date(now.getTime() + 7 * 86_400_000)), inArray(cases.status, openStatuses))
      : undefined,
    f.assigned === "unassigned" ? isNull(cases.assignedTo) : f.assigned ? eq(cases.assignedTo, f.assigned.to) : undefined,
    !f.find
      ? undefined
      : "reference" in f.find
        ? eq(cases.reference, f.find.reference)
        : inArray(cases.userId, f.applicants ?? [NO_ACCOUNT]),
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

/** The officers' queue: open cases first by due date, then decided ones. */
export async function listQueue(db: Db, f: QueueFilter): Promise<{ total: number; items: QueueItem[] }> {
  const where = and(queueWhere(await withApplicants(db, f)), f.status ? eq(cases.status, f.status) : undefined);
  const [totalRow] = await db.select({ n: count() }).from(cases).where(where);
  const found = await db
    .select()
    .from(cases)
    .where(where)
    .orderBy(
      sql`case when ${cases.status} in ('approved', 'rejected') then 1 else 0 end`,
      asc(cases.dueAt),
      asc(cases.submittedAt),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const names = await namesOf(db, [...new Set(found.flatMap((c) => (c.assignedTo ? [c.userId, c.assignedTo] : [c.userId])))]);
  const items = found.flatMap((c) => {
    const applicant = names.get(c.userId);
    // As the join on accounts did: a case is listed with its applicant.
    if (!applicant) return [];
    const assignee = c.assignedTo ? names.get(c.assignedTo) : undefined;
    return [
      {
        case: c,
        applicantAr: applicant.ar,
        applicantEn: applicant.en,
        assigneeAr: assignee?.ar ?? null,
        assigneeEn: assignee?.en ?? null,
      },
    ];
  });
  return { total: totalRow?.n ?? 0, items };
}

/** How many cases are in each status, and how many are overdue, for the queue's filters (status aside). */
export async function queueCounts(
  db: Db,
  f: Omit<QueueFilter, "page" | "pageSize" | "status">,
): Promise<{ byStatus: Record<CaseStatus, number>; overdue: number }> {
  const filter = queueWhere(await withApplicants(db, f));
  const rows = await db.select({ status: cases.status, n: count() }).from(cases).where(filter).groupBy(cases.status);
  const byStatus = Object.fromEntries(caseStatuses.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const r of rows) if ((caseStatuses as readonly string[]).includes(r.status)) byStatus[r.status as CaseStatus] = r.n;
  const [overdue] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(filter, lt(cases.dueAt, new Date()), inArray(cases.status, openStatuses)));
  return { byStatus, overdue: overdue?.n ?? 0 };
}

/** The e-services that have cases for these agencies, for the queue's service filter. */
export async function eservicesInQueue(db: Db, agencies: string[] | undefined): Promise<string[]> {
  const rows = await db
    .selectDistinct({ eservice: cases.eservice })
    .from(cases)
    .where(agencies ? inArray(cases.agency, agencies.length ? agencies : [""]) : undefined)
    .orderBy(cases.eservice);
  return rows.map((r) => r.eservice);
}

type Step = {
  kind: string;
  actorId: string;
  message?: string | undefined;
  files?: FileRef[] | undefined;
  visibleToApplicant?: boolean;
};

/**
 * Changes a case and records the step, in one transaction, only when the
 * case is still in one of the statuses the step starts from (two officers
 * deciding at once cannot both succeed).
 */
export async function advanceCase(
  db: Db,
  caseId: string,
  from: CaseStatus[],
  change: Partial<Pick<Case, "status" | "assignedTo" | "decidedAt" | "dueAt" | "submittedAt">>,
  step: Step,
  /** Runs in the same transaction after the change (notifications, issued documents…); throwing undoes the change. */
  within?: (tx: Db, updated: Case) => Promise<void>,
): Promise<Case | undefined> {
  return inTransaction(db, async (tx) => {
    const now = new Date();
    const [updated] = await tx
      .update(cases)
      .set({ ...change, updatedAt: now })
      .where(and(eq(cases.id, caseId), inArray(cases.status, from)))
      .returning();
    if (!updated) return undefined;
    await tx.insert(caseEvents).values({
      caseId,
      at: now,
      actorId: step.actorId,
      kind: step.kind,
      message: step.message ?? null,
      files: step.files ?? null,
      visibleToApplicant: step.visibleToApplicant === false ? 0 : 1,
    });
    await within?.(tx, updated);
    return updated;
  });
}

/** When the agency last asked the applicant for more information (the clock stops while they answer). */
export async function lastInfoRequest(db: Db, caseId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: caseEvents.at })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, "info-requested")))
    .orderBy(desc(caseEvents.at))
    .limit(1);
  return row?.at;
}

/** Officers who may be given a case of this agency. */
export async function officersOf(db: Db, agency: string): Promise<{ id: string; nameAr: string; nameEn: string }[]> {
  return peopleWithRole(db, "officer", agency);
}
