import { usersWithRole } from "../accounts/service.js";
import { type AuditEntry, recordAudit } from "../audit/log.js";
import { CATALOGUE_VERSION } from "../catalogue/model.js";
import type { Problem } from "../forms/problems.js";
import { type Db, inTransaction } from "../platform/db/client.js";
import { bumpVersion } from "../platform/db/versions.js";
import { ConflictError } from "../platform/http/errors.js";
import { dohaDate } from "../platform/time/doha.js";
import { missingFields } from "./fields.js";
import { singleApproverException } from "./four-eyes.js";
import type { ContentData, ContentKind } from "./model.js";
import type { ContentNotices } from "./notices.js";
import {
  addVersion,
  claimDue,
  dueIds,
  findItem,
  findVersion,
  type Item,
  type ItemState,
  insertItem,
  lockItem,
  updateItem,
} from "./repository.js";

/** The save was based on a revision someone else has since replaced. */
export class StaleDraftError extends ConflictError {
  constructor(readonly current: Item) {
    super("workspace.errors.stale");
  }
}

/** Publishing (or submitting) refused: these fields are empty or written in one language only. */
export class IncompleteError extends ConflictError {
  constructor(readonly problems: Problem[]) {
    super("workspace.errors.incomplete");
  }
}

/** The step does not fit the item's state (publishing a draft that was never submitted, say). */
export class WrongStateError extends ConflictError {
  constructor() {
    super("workspace.errors.wrongState");
  }
}

/**
 * Four eyes: the person who last changed a draft cannot also approve it,
 * unless they are the agency's only approver and an administrator allowed
 * the agency that exception. `alone` says the agency has no other approver,
 * so the person is told to have a second one named (or the exception allowed).
 */
export class OwnDraftError extends ConflictError {
  constructor(readonly alone: boolean) {
    super(alone ? "workspace.errors.ownDraftAlone" : "workspace.errors.ownDraft");
  }
}

/** Refuses an approval by the draft's last editor (under the item's lock, so it holds for a scheduled publish too). */
async function requireSecondPerson(tx: Db, item: Item, approverId: string): Promise<void> {
  if (item.updatedBy !== approverId) return;
  const others = (await usersWithRole(tx, "approver", item.agency)).filter((u) => u.id !== approverId);
  // The documented exception: an agency an administrator allowed to work with its one approver.
  if (others.length === 0 && (await singleApproverException(tx, item.agency))) return;
  throw new OwnDraftError(others.length === 0);
}

/** What stops a draft being published: empty required fields, half-translated fields, and the kind's own rules. */
export async function problemsOf(
  kind: ContentKind,
  data: ContentData,
  db: Db,
  item: { agency: string; slug: string },
): Promise<Problem[]> {
  return [...missingFields(kind.fields, data), ...((await kind.check?.(data, db, item)) ?? [])];
}

/** Who acts, for the audit log. */
export type Auditor = Pick<AuditEntry, "actor" | "requestId">;

const snapshot = (item: Item | undefined | null) =>
  item
    ? {
        state: item.state,
        live: item.live,
        revision: item.revision,
        publishAt: item.publishAt,
        reviewComment: item.reviewComment,
        unpublishReason: item.unpublishReason,
        draft: item.draft,
      }
    : null;

function entry(by: Auditor, action: string, before: Item | null | undefined, after: Item, extra?: object): AuditEntry {
  return {
    ...by,
    action: `content.${action}`,
    objectType: `content.${after.kind}`,
    objectId: after.slug,
    agency: after.agency,
    before: snapshot(before),
    after: { ...snapshot(after), ...extra },
  };
}

/** Locks the item and checks the revision the person saw and the states the step is allowed from. */
async function locked(tx: Db, id: number, revision: number | undefined, states: ItemState[]): Promise<Item> {
  const item = await lockItem(tx, id);
  if (!item) throw new WrongStateError();
  if (revision !== undefined && item.revision !== revision) throw new StaleDraftError(item);
  if (!states.includes(item.state as ItemState)) throw new WrongStateError();
  return item;
}

/**
 * Saves a draft. `revision` is the one the person's form was based on (0
 * for an item not yet in the workspace); when it is no longer the latest,
 * nothing is saved and StaleDraftError says so. The first save of an item the
 * catalogue already holds keeps the catalogue's copy as version 1.
 */
export async function saveDraft(
  db: Db,
  kind: ContentKind,
  input: { agency: string; slug: string; revision: number; data: ContentData; userId: string },
  by: Auditor,
): Promise<Item> {
  return inTransaction(db, async (tx) => {
    const existing = await findItem(tx, kind.name, input.slug);
    if (!existing) {
      if (input.revision !== 0) throw new WrongStateError();
      const current = await kind.load(tx, input.agency, input.slug);
      const item = await insertItem(tx, {
        kind: kind.name,
        agency: input.agency,
        slug: input.slug,
        draft: input.data,
        state: "draft",
        live: current !== undefined,
        updatedBy: input.userId,
      });
      if (!item) {
        const first = await findItem(tx, kind.name, input.slug);
        throw first ? new StaleDraftError(first) : new WrongStateError();
      }
      if (current) await addVersion(tx, item.id, current, null);
      await recordAudit(tx, entry(by, "created", null, item));
      return item;
    }
    if (existing.agency !== input.agency) throw new WrongStateError();
    const item = await locked(tx, existing.id, input.revision, ["draft", "returned", "published", "submitted", "scheduled"]);
    const saved = await updateItem(tx, item.id, {
      draft: input.data,
      revision: item.revision + 1,
      state: "draft",
      publishAt: null,
      scheduledBy: null,
      updatedBy: input.userId,
    });
    await recordAudit(tx, entry(by, "saved", item, saved));
    return saved;
  });
}

/** Sends a draft for review (its agency's approvers are told); refused while anything needed for publishing is missing. */
export async function submitDraft(
  db: Db,
  kind: ContentKind,
  id: number,
  revision: number,
  by: Auditor,
  notices?: ContentNotices,
): Promise<Item> {
  return inTransaction(db, async (tx) => {
    const item = await locked(tx, id, revision, ["draft", "returned"]);
    const problems = await problemsOf(kind, item.draft, tx, item);
    if (problems.length) throw new IncompleteError(problems);
    const done = await updateItem(tx, id, { state: "submitted", reviewComment: null });
    await recordAudit(tx, entry(by, "submitted", item, done));
    await notices?.submitted(tx, done, by.actor.id);
    return done;
  });
}

/** An approver sends a submitted draft back with comments (the editor who last saved it is told). */
export async function returnDraft(
  db: Db,
  id: number,
  revision: number,
  comment: string,
  by: Auditor,
  notices?: ContentNotices,
): Promise<Item> {
  return inTransaction(db, async (tx) => {
    const item = await locked(tx, id, revision, ["submitted"]);
    const done = await updateItem(tx, id, { state: "returned", reviewComment: comment });
    await recordAudit(tx, entry(by, "returned", item, done));
    await notices?.returned(tx, done, comment, by.actor.id);
    return done;
  });
}

/** Keeps the draft as a new version, writes it to the catalogue, marks it reviewed and tells every instance. */
async function publishLocked(
  tx: Db,
  kind: ContentKind,
  item: Item,
  userId: string,
  now: Date,
): Promise<{ done: Item; version: number }> {
  const problems = await problemsOf(kind, item.draft, tx, item);
  if (problems.length) throw new IncompleteError(problems);
  const version = await addVersion(tx, item.id, item.draft, userId);
  await kind.apply(tx, item.agency, item.slug, item.draft, dohaDate(now));
  await bumpVersion(tx, CATALOGUE_VERSION);
  const done = await updateItem(tx, item.id, {
    state: "published",
    live: true,
    publishAt: null,
    scheduledBy: null,
    reviewComment: null,
    unpublishReason: null,
  });
  return { done, version: version.number };
}

/**
 * An approver publishes a submitted draft now, or schedules it for `at`
 * (a later moment; the workspace job publishes it then).
 */
export async function publishDraft(
  db: Db,
  kind: ContentKind,
  input: { id: number; revision: number; at?: Date | undefined; userId: string; now: Date },
  by: Auditor,
  notices?: ContentNotices,
): Promise<Item> {
  return inTransaction(db, async (tx) => {
    const item = await locked(tx, input.id, input.revision, ["submitted"]);
    await requireSecondPerson(tx, item, input.userId);
    if (input.at && input.at.getTime() > input.now.getTime()) {
      const problems = await problemsOf(kind, item.draft, tx, item);
      if (problems.length) throw new IncompleteError(problems);
      const scheduled = await updateItem(tx, item.id, { state: "scheduled", publishAt: input.at, scheduledBy: input.userId });
      await recordAudit(tx, entry(by, "scheduled", item, scheduled));
      return scheduled;
    }
    const { done: published, version } = await publishLocked(tx, kind, item, input.userId, input.now);
    await recordAudit(tx, entry(by, "published", item, published, { version }));
    await notices?.published(tx, published, input.userId);
    return published;
  });
}

/**
 * Publishes every scheduled item whose time has come; each is claimed by one
 * instance only (a row lock, then an update that only a still-scheduled row
 * passes). One item's failure is reported and the others still go. Returns how many were published.
 */
export async function publishDue(
  db: Db,
  kindOf: (name: string) => ContentKind | undefined,
  now: Date,
  onError: (error: unknown, id: number) => void,
  notices?: ContentNotices,
): Promise<number> {
  let published = 0;
  for (const id of await dueIds(db, now)) {
    const done = await inTransaction(db, async (tx) => {
      const before = await lockItem(tx, id);
      const claimed = before && (await claimDue(tx, id, now));
      const kind = claimed ? kindOf(claimed.kind) : undefined;
      if (!before || !claimed || !kind) return undefined;
      const userId = before.scheduledBy ?? before.updatedBy;
      const { done: result, version } = await publishLocked(tx, kind, claimed, userId, now);
      const by = { actor: { id: userId, roles: [] }, requestId: null };
      await recordAudit(tx, entry(by, "published.scheduled", before, result, { version }));
      await notices?.published(tx, result, userId);
      return result;
    }).catch((error: unknown) => {
      onError(error, id);
      return undefined;
    });
    if (done) published += 1;
  }
  return published;
}

/** An approver takes a published item off the public site, saying why. */
export async function unpublishItem(
  db: Db,
  kind: ContentKind,
  input: { id: number; revision: number; reason: string },
  by: Auditor,
): Promise<Item> {
  return inTransaction(db, async (tx) => {
    const item = await locked(tx, input.id, input.revision, ["draft", "returned", "submitted", "scheduled", "published"]);
    if (!item.live || !kind.creatable) throw new WrongStateError();
    await kind.unapply(tx, item.agency, item.slug);
    await bumpVersion(tx, CATALOGUE_VERSION);
    const after = await updateItem(tx, item.id, { live: false, unpublishReason: input.reason });
    await recordAudit(tx, entry(by, "unpublished", item, after));
    return after;
  });
}

/** Makes an earlier version the draft again (a new draft, to be reviewed and published like any other). */
export async function restoreVersion(
  db: Db,
  input: { id: number; revision: number; version: number; userId: string },
  by: Auditor,
): Promise<Item> {
  return inTransaction(db, async (tx) => {
    const item = await locked(tx, input.id, input.revision, ["draft", "returned", "published", "submitted", "scheduled"]);
    const version = await findVersion(tx, item.id, input.version);
    if (!version) throw new WrongStateError();
    const restored = await updateItem(tx, item.id, {
      draft: version.data,
      revision: item.revision + 1,
      state: "draft",
      publishAt: null,
      scheduledBy: null,
      updatedBy: input.userId,
    });
    await recordAudit(tx, entry(by, "restored", item, restored, { restoredVersion: version.number }));
    return restored;
  });
}
