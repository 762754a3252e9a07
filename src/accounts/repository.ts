import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { readSignInIdentifier } from "../platform/text/identifiers.js";
import { sha256 } from "./crypto.js";
import type { RoleGrant, StaffRole } from "./model.js";
import { dataAccessLog, savedServices, userRoles, users, verifications } from "./tables.js";

export type User = typeof users.$inferSelect;
export type NewUser = Omit<typeof users.$inferInsert, "id">;

export async function createUser(db: Db, values: NewUser): Promise<User> {
  const [row] = await db
    .insert(users)
    .values({ id: randomUUID(), ...values })
    .returning();
  if (!row) throw new Error("user not created");
  return row;
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** A user by what they sign in with: email, QID, or passport number, however it was typed. */
export async function findUserByIdentifier(db: Db, identifier: string): Promise<User | undefined> {
  const id = readSignInIdentifier(identifier);
  if (!id) return undefined;
  const [row] = await db
    .select()
    .from(users)
    .where(
      id.kind === "email"
        ? eq(users.email, id.email)
        : id.kind === "qid"
          ? eq(users.qid, id.qid)
          : eq(users.passportNumber, id.number),
    )
    .limit(1);
  return row;
}

/** The accounts that already hold any of these details (an email, a QID, a passport): a registration with them cannot go ahead. */
export async function accountsHolding(
  db: Db,
  d: {
    email: string;
    qid?: string | null | undefined;
    passportNumber?: string | null | undefined;
    passportCountry?: string | null | undefined;
  },
): Promise<User[]> {
  return db
    .select()
    .from(users)
    .where(
      or(
        eq(users.email, d.email.toLowerCase()),
        d.qid ? eq(users.qid, d.qid) : undefined,
        d.passportNumber && d.passportCountry
          ? and(eq(users.passportNumber, d.passportNumber), eq(users.passportCountry, d.passportCountry))
          : undefined,
      ),
    );
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function updateUser(db: Db, id: string, values: Partial<NewUser>): Promise<void> {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function rolesOf(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.select().from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => ({ role: r.role as StaffRole, agency: r.agency ?? undefined }));
}

export async function grantRole(db: Db, userId: string, grant: RoleGrant): Promise<void> {
  await db
    .insert(userRoles)
    .values({ userId, role: grant.role, agency: grant.agency ?? null })
    .onConflictDoNothing();
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(sql`${users.phoneVerifiedAt} is not null`);
  return row?.n ?? 0;
}

/** Starts a one-time code or link; earlier unused ones for the same purpose stop working. */
export async function createVerification(
  db: Db,
  v: { userId: string; purpose: string; secret: string; target?: string; minutes: number },
): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx
      .update(verifications)
      .set({ consumedAt: new Date() })
      .where(and(eq(verifications.userId, v.userId), eq(verifications.purpose, v.purpose), isNull(verifications.consumedAt)));
    await tx.insert(verifications).values({
      id,
      userId: v.userId,
      purpose: v.purpose,
      secretHash: sha256(v.secret),
      target: v.target ?? null,
      expiresAt: new Date(Date.now() + v.minutes * 60_000),
    });
  });
  return id;
}

export type VerificationResult =
  | { ok: true; userId: string; target: string | null }
  | { ok: false; reason: "wrong" | "expired" | "tooMany" };

/**
 * Checks a code for a user and purpose: right, wrong (counted), expired, or
 * too many attempts. A right code can be used once.
 */
export async function consumeCode(
  db: Db,
  userId: string,
  purpose: string,
  code: string,
  maxAttempts = 5,
): Promise<VerificationResult> {
  const [v] = await db
    .select()
    .from(verifications)
    .where(and(eq(verifications.userId, userId), eq(verifications.purpose, purpose), isNull(verifications.consumedAt)))
    .orderBy(desc(verifications.createdAt))
    .limit(1);
  if (!v || v.expiresAt < new Date()) return { ok: false, reason: "expired" };
  if (v.attempts >= maxAttempts) return { ok: false, reason: "tooMany" };
  if (v.secretHash !== sha256(code)) {
    await db
      .update(verifications)
      .set({ attempts: sql`${verifications.attempts} + 1` })
      .where(eq(verifications.id, v.id));
    return { ok: false, reason: v.attempts + 1 >= maxAttempts ? "tooMany" : "wrong" };
  }
  const used = await db
    .update(verifications)
    .set({ consumedAt: new Date() })
    .where(and(eq(verifications.id, v.id), isNull(verifications.consumedAt)))
    .returning({ id: verifications.id });
  return used.length ? { ok: true, userId: v.userId, target: v.target } : { ok: false, reason: "expired" };
}

/** Uses a link's token (email confirmation, password reset) once. */
export async function consumeToken(db: Db, purpose: string, token: string): Promise<VerificationResult> {
  const [v] = await db
    .update(verifications)
    .set({ consumedAt: new Date() })
    .where(
      and(
        eq(verifications.purpose, purpose),
        eq(verifications.secretHash, sha256(token)),
        isNull(verifications.consumedAt),
        gt(verifications.expiresAt, new Date()),
      ),
    )
    .returning({ userId: verifications.userId, target: verifications.target });
  return v ? { ok: true, userId: v.userId, target: v.target } : { ok: false, reason: "expired" };
}

/** Checks a link's token without using it (to show the form it opens). */
export async function peekToken(db: Db, purpose: string, token: string): Promise<boolean> {
  const [v] = await db
    .select({ id: verifications.id })
    .from(verifications)
    .where(
      and(
        eq(verifications.purpose, purpose),
        eq(verifications.secretHash, sha256(token)),
        isNull(verifications.consumedAt),
        gt(verifications.expiresAt, new Date()),
      ),
    );
  return Boolean(v);
}

export interface DataAccess {
  subjectId: string;
  actorId?: string | undefined;
  agency?: string | undefined;
  /** Who read the data, in each language (an agency's or a service's name). */
  who?: { ar: string; en: string } | undefined;
  action: string;
  reference?: string | undefined;
}

/** Records that staff or an agency read a person's data; the person sees it on their dashboard. */
export async function logDataAccess(db: Db, a: DataAccess): Promise<void> {
  await db.insert(dataAccessLog).values({
    subjectId: a.subjectId,
    actorId: a.actorId ?? null,
    agency: a.agency ?? null,
    whoAr: a.who?.ar ?? null,
    whoEn: a.who?.en ?? null,
    action: a.action,
    reference: a.reference ?? null,
  });
}

/**
 * Records a reading unless the same person read the same thing within the
 * last `minutes` (an officer reopening a case while working on it is one
 * reading, not twenty).
 */
export async function logDataAccessOnce(db: Db, a: DataAccess, minutes: number): Promise<void> {
  const [recent] = await db
    .select({ id: dataAccessLog.id })
    .from(dataAccessLog)
    .where(
      and(
        eq(dataAccessLog.subjectId, a.subjectId),
        a.actorId ? eq(dataAccessLog.actorId, a.actorId) : isNull(dataAccessLog.actorId),
        eq(dataAccessLog.action, a.action),
        a.reference ? eq(dataAccessLog.reference, a.reference) : isNull(dataAccessLog.reference),
        gt(dataAccessLog.at, new Date(Date.now() - minutes * 60_000)),
      ),
    )
    .limit(1);
  if (!recent) await logDataAccess(db, a);
}

export async function dataAccessFor(db: Db, subjectId: string, limit = 20) {
  return db
    .select()
    .from(dataAccessLog)
    .where(eq(dataAccessLog.subjectId, subjectId))
    .orderBy(desc(dataAccessLog.at))
    .limit(limit);
}

export async function savedServiceSlugs(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select().from(savedServices).where(eq(savedServices.userId, userId)).orderBy(desc(savedServices.savedAt));
  return rows.map((r) => r.serviceSlug);
}

export async function saveService(db: Db, userId: string, slug: string, saved: boolean): Promise<void> {
  if (saved) await db.insert(savedServices).values({ userId, serviceSlug: slug }).onConflictDoNothing();
  else await db.delete(savedServices).where(and(eq(savedServices.userId, userId), eq(savedServices.serviceSlug, slug)));
}

/** The ids of the accounts with this QID, or this passport number (an officer's search for an applicant's requests). */
export async function accountIdsWith(db: Db, who: { qid: string } | { passport: string }): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where("qid" in who ? eq(users.qid, who.qid) : eq(users.passportNumber, who.passport));
  return rows.map((r) => r.id);
}

/** The people who hold a role for an agency, with their names, by English name (e.g. the officers a case may be given to). */
export async function peopleWithRole(
  db: Db,
  role: StaffRole,
  agency: string,
): Promise<{ id: string; nameAr: string; nameEn: string }[]> {
  return db
    .selectDistinct({ id: users.id, nameAr: users.nameAr, nameEn: users.nameEn })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), eq(userRoles.agency, agency)))
    .orderBy(users.nameEn);
}

/** The people (their whole accounts: they are written to) who hold a role for an agency, e.g. the editors told of reviews due. */
export async function usersWithRole(db: Db, role: StaffRole, agency: string): Promise<User[]> {
  const rows = await db
    .selectDistinct({ user: users })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), eq(userRoles.agency, agency)));
  return rows.map((r) => r.user);
}

/** The agencies (slugs) for which at least one person holds a role, in one query. */
export async function agenciesWithRole(db: Db, role: StaffRole): Promise<string[]> {
  const rows = await db
    .selectDistinct({ agency: userRoles.agency })
    .from(userRoles)
    .where(and(eq(userRoles.role, role), isNotNull(userRoles.agency)));
  return rows.flatMap((r) => (r.agency ? [r.agency] : []));
}

/** People's names in both languages, by id (for showing who wrote something, such as a consultation comment). */
export async function namesOf(db: Db, ids: string[]): Promise<Map<string, { ar: string; en: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, ar: users.nameAr, en: users.nameEn }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { ar: r.ar, en: r.en }]));
}

/** Takes a role away; false when the person did not hold it. */
/** The portal would be left without an administrator. */
export class LastAdministratorError extends Error {}

/** A lock taken by whoever removes an administrator role, so two removals at once are counted one after the other. */
const ADMIN_REMOVAL_LOCK = 0x4b41444d;

/**
 * Removes a role; an administrator role is removed only if another
 * administrator remains (under a lock, so two administrators removing each
 * other at the same moment cannot leave the portal with none).
 */
export async function revokeRole(db: Db, userId: string, grant: RoleGrant): Promise<boolean> {
  if (grant.role === "admin") {
    await db.execute(sql`select pg_advisory_xact_lock(${ADMIN_REMOVAL_LOCK})`);
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(userRoles).where(eq(userRoles.role, "admin"));
    if ((row?.n ?? 0) <= 1) throw new LastAdministratorError();
  }
  const gone = await db
    .delete(userRoles)
    .where(
      and(
        eq(userRoles.userId, userId),
        eq(userRoles.role, grant.role),
        grant.agency ? eq(userRoles.agency, grant.agency) : isNull(userRoles.agency),
      ),
    )
    .returning({ id: userRoles.id });
  return gone.length > 0;
}

export interface StaffMember {
  id: string;
  name: { ar: string; en: string };
  email: string;
  roles: RoleGrant[];
}

/** Everyone holding at least one staff role, by email. */
export async function listStaff(db: Db): Promise<StaffMember[]> {
  const rows = await db
    .select({
      id: users.id,
      ar: users.nameAr,
      en: users.nameEn,
      email: users.email,
      role: userRoles.role,
      agency: userRoles.agency,
    })
    .from(userRoles)
    .innerJoin(users, eq(userRoles.userId, users.id))
    .orderBy(users.email, userRoles.role, userRoles.agency);
  const byId = new Map<string, StaffMember>();
  for (const r of rows) {
    const member = byId.get(r.id) ?? { id: r.id, name: { ar: r.ar, en: r.en }, email: r.email, roles: [] };
    member.roles.push({ role: r.role as StaffRole, agency: r.agency ?? undefined });
    byId.set(r.id, member);
  }
  return [...byId.values()];
}

/** How many accounts chose a persona (so it is not removed from under them). */
export async function countUsersWithPersona(db: Db, persona: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(eq(users.persona, persona));
  return row?.n ?? 0;
}
