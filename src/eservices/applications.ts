import { findUser, logDataAccess, type User } from "../accounts/repository.js";
import type { Answers, FileRef } from "../forms/engine/answers.js";
import { applicableAnswers, firstIncomplete } from "../forms/engine/conditions.js";
import { allQuestions, type Definition, type prefillFields } from "../forms/engine/definition.js";
import { computeFee } from "../forms/engine/fees.js";
import { moneyBoth } from "../forms/views/answer-text.js";
import type { Notifier } from "../notifications/notifier.js";
import type { NotificationValues } from "../notifications/tables.js";
import type { NotificationEvent } from "../notifications/templates.js";
import type { Db } from "../platform/db/client.js";
import { formatDate } from "../platform/i18n/format.js";
import type { Locale } from "../platform/i18n/locales.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { type Case, submitCase } from "./repository/cases.js";
import { findDefinition } from "./repository/definitions.js";
import { claimDraftReminders, createDraft, type Draft, removeExpiredDrafts } from "./repository/drafts.js";
import { removeDraftUploads } from "./repository/uploads.js";
import { requestPath } from "./views/paths.js";

/** What the profile gives to questions that ask for it. */
function profileValue(user: User, field: (typeof prefillFields)[number]): string | undefined {
  switch (field) {
    case "nameAr":
      return user.nameAr;
    case "nameEn":
      return user.nameEn;
    case "qid":
      return user.qid ?? undefined;
    case "phone":
      return user.phone;
    case "email":
      return user.email;
    case "nationality":
      return user.nationality;
  }
}

export function localeOf(user: User): Locale {
  return user.locale === "en" ? "en" : "ar";
}

/** Files anywhere in a set of answers. */
export function filesIn(def: Definition, answers: Answers): FileRef[] {
  return allQuestions(def).flatMap(({ question }) =>
    question.type === "file" ? ((answers[question.id] as FileRef[] | undefined) ?? []) : [],
  );
}

/** What every message about a case names: the service in both languages, the reference, the next steps. */
export function caseValues(c: Case, def: Definition, message?: string): NotificationValues {
  return {
    service: def.title,
    reference: c.reference,
    nextSteps: def.nextSteps,
    message: message ?? "",
    amount: moneyBoth(c.feeAmount),
  };
}

/**
 * Applications from start to case: drafts with what the profile already
 * knows, submission, and the messages the applicant receives.
 */
export class Applications {
  constructor(
    private readonly db: Db,
    private readonly storage: FileStorage,
    readonly notifier: Notifier,
    /** Days a draft is kept after its last change. */
    readonly keepDays: number,
    /** Days before expiry the applicant is reminded. */
    private readonly reminderDays: number,
  ) {}

  /**
   * Starts a draft on the definition's current version, filling in what the
   * profile already holds. The agency has read the person's data in doing
   * so, and the person sees that on their dashboard.
   */
  async start(user: User, def: Definition): Promise<Draft> {
    const answers: Answers = {};
    for (const { question } of allQuestions(def)) {
      if (question.prefill && question.type !== "group") {
        const value = profileValue(user, question.prefill);
        if (value) answers[question.id] = value;
      }
    }
    const draft = await createDraft(this.db, user.id, def.slug, def.version, answers, this.keepDays);
    if (Object.keys(answers).length) {
      await logDataAccess(this.db, {
        subjectId: user.id,
        agency: def.agency,
        who: { ar: def.title.ar, en: def.title.en },
        action: "accounts.access.profilePrefilled",
      });
    }
    return draft;
  }

  /**
   * Submits a complete draft. Returns undefined when something is still
   * missing (the caller sends the person back to it).
   */
  async submit(user: User, draft: Draft, def: Definition): Promise<{ case: Case; created: boolean } | undefined> {
    if (firstIncomplete(def, draft.answers)) return undefined;
    const answers = applicableAnswers(def, draft.answers);
    const result = await submitCase(
      this.db,
      {
        draftId: draft.id,
        userId: user.id,
        eservice: def.slug,
        version: def.version,
        // A request about another body goes to that body's queue (the answer is one of the agencies' slugs).
        agency: (def.routeTo && typeof answers[def.routeTo] === "string" ? (answers[def.routeTo] as string) : "") || def.agency,
        queue: def.queue,
        answers,
        fee: computeFee(def.fee, answers).amount,
        targetDays: def.targetDays,
        files: filesIn(def, answers),
        sources: draft.sources,
      },
      (tx, created) => this.tell(tx, user, created, def, created.status === "payment-due" ? "payment-due" : "submitted"),
    );
    // Files dropped with answers that no longer apply are not kept.
    if (result.created) await removeDraftUploads(this.db, this.storage, [draft.id]);
    return result;
  }

  /**
   * Tells the applicant about their request, inside the transaction that
   * changed it: the notification and its messages are saved with the change
   * and sent by the outbox after.
   */
  async tell(tx: Db, user: User, c: Case, def: Definition, event: NotificationEvent, message?: string): Promise<void> {
    await this.notifier.record(tx, user, event, caseValues(c, def, message), requestPath(c.reference));
  }

  /** Reminds people of drafts about to expire (each once; safe with several instances). */
  async remindDrafts(): Promise<number> {
    return this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const due = await claimDraftReminders(tx, this.reminderDays);
      for (const draft of due) {
        const [user, def] = await Promise.all([findUser(tx, draft.userId), findDefinition(tx, draft.eservice, draft.version)]);
        if (!user || !def) continue;
        const date = { ar: formatDate(draft.expiresAt, "ar"), en: formatDate(draft.expiresAt, "en") };
        await this.notifier.record(tx, user, "draft-reminder", { service: def.title, date }, "/my");
      }
      return due.length;
    });
  }

  /** Deletes expired drafts and the files only they held. */
  async removeExpired(): Promise<number> {
    const gone = await removeExpiredDrafts(this.db);
    await removeDraftUploads(
      this.db,
      this.storage,
      gone.map((d) => d.id),
    );
    return gone.length;
  }
}
