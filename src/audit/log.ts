import { createHash } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import { type Db, inTransaction } from "../platform/db/client.js";
import { canonicalJson } from "../platform/text/canonical-json.js";
import { auditLog } from "./tables.js";

/** Arbitrary constant naming the advisory lock that makes appends take turns, so the chain never forks. */
const AUDIT_LOCK = 72_410_002;
/** The previous hash of the very first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** Who acted: their account and the roles they held (accounts' RoleGrant fits; audit knows no area). */
export interface AuditActor {
  id: string;
  roles: readonly { role: string; agency?: string | undefined }[];
}

export interface AuditEntry {
  actor: AuditActor;
  /** What was done, e.g. "case.decided", "poll.published". */
  action: string;
  objectType: string;
  objectId: string;
  agency?: string | null | undefined;
  /** The changed row's relevant fields before and after (never secrets). */
  before?: Record<string, unknown> | null | undefined;
  after?: Record<string, unknown> | null | undefined;
  requestId?: string | null | undefined;
}

/** The staff member behind a request and the request's id, for an audit entry. */
export function auditedBy(request: { id: string; viewer?: AuditActor | undefined }): Pick<AuditEntry, "actor" | "requestId"> {
  if (!request.viewer) throw new Error("an audited action needs a signed-in person");
  return { actor: { id: request.viewer.id, roles: request.viewer.roles }, requestId: request.id };
}

/** The named fields of a row, for an entry's before or after. */
export function fieldsOf<T extends object, K extends keyof T>(
  row: T | undefined | null,
  keys: readonly K[],
): Record<string, unknown> | null {
  if (!row) return null;
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
}

interface Hashed {
  id: number;
  at: Date;
  actorId: string;
  actorRoles: string[];
  agency: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

/** SHA-256 (hex) of the previous hash followed by the entry's canonical JSON. */
export function entryHash(prevHash: string, e: Hashed): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRoles: e.actorRoles,
    agency: e.agency,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
  });
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}

/** The value as the database's jsonb gives it back (dates as ISO strings, undefined dropped). */
const asStored = (v: Record<string, unknown> | null | undefined) =>
  v ? (JSON.parse(JSON.stringify(v)) as Record<string, unknown>) : null;

/**
 * Appends an entry inside the caller's transaction, so the entry exists if and
 * only if the action does. Appends take turns on an advisory lock held until
 * the transaction ends, then chain onto the last entry's hash.
 */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // The id is taken first so that the hash covers it (appends hold the lock, so ids still grow along the chain).
  const next = (await tx.execute(sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id`)) as {
    rows: { id: string | number }[];
  };
  const row: Hashed = {
    id: Number(next.rows[0]?.id),
    at: new Date(),
    actorId: entry.actor.id,
    actorRoles: entry.actor.roles.map((r) => (r.agency ? `${r.role}:${r.agency}` : r.role)),
    agency: entry.agency ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    before: asStored(entry.before),
    after: asStored(entry.after),
    requestId: entry.requestId ?? null,
  };
  await tx.insert(auditLog).values({ ...row, prevHash, hash: entryHash(prevHash, row) });
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; firstBadId: number; reason: string };

/** Walks the whole log in id order, in batches, checking each entry's link and hash. */
export async function verifyAuditChain(db: Db, batchSize = 500): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(batchSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          firstBadId: row.id,
          reason: "its previous hash does not match the entry before it (an entry was removed, added or changed)",
        };
      }
      if (entryHash(row.prevHash, row) !== row.hash) {
        return { ok: false, firstBadId: row.id, reason: "its hash does not match its contents (the entry was changed)" };
      }
      prevHash = row.hash;
      afterId = row.id;
      entries += 1;
    }
    if (rows.length < batchSize) return { ok: true, entries };
  }
}

/**
 * Runs a staff action and its audit entry in one transaction: the entry is
 * written when `entry` gives one for the action's result (none when nothing changed).
 */
export function withAudit<T>(db: Db, action: (tx: Db) => Promise<T>, entry: (result: T) => AuditEntry | undefined): Promise<T> {
  return inTransaction(db, async (tx) => {
    const result = await action(tx);
    const e = entry(result);
    if (e) await recordAudit(tx, e);
    return result;
  });
}
