import { findUser, logDataAccess, type User } from "../accounts/service.js";
import type { Answers, FileRef } from "../forms/engine/answers.js";
import { applicableAnswers, firstIncomplete, visibleQuestions } from "../forms/engine/conditions.js";
import { allQuestions, type Definition, type Page, type prefillFields, type Question } from "../forms/engine/definition.js";
import { computeFee } from "../forms/engine/fees.js";
import { checkFile } from "../forms/engine/files.js";
import { readPage } from "../forms/engine/page.js";
import { sourcesAfterPage } from "../forms/engine/sources.js";
import { moneyBoth } from "../forms/money.js";
import type { Problem } from "../forms/problems.js";
import type { FileKind } from "../forms/upload.js";
import type { Notifier } from "../notifications/notifier.js";
import type { NotificationValues } from "../notifications/service.js";
import type { NotificationEvent } from "../notifications/templates.js";
import { type Db, inTransaction } from "../platform/db/client.js";
import type { IncomingFile, ReadForm } from "../platform/http/multipart.js";
import { formatDate } from "../platform/i18n/format.js";
import type { Locale } from "../platform/i18n/locales.js";
import type { FileStorage } from "../platform/storage/file-storage.js";
import { requestPath } from "./paths.js";
import { advanceCase, type Case, caseFromDraft, lastInfoRequest, submitCase } from "./repository/cases.js";
import { findDefinition } from "./repository/definitions.js";
import {
  claimDraftReminders,
  createDraft,
  type Draft,
  deleteDraft,
  removeExpiredDrafts,
  saveDraft,
} from "./repository/drafts.js";
import { removeDraftUploads, removeUploads, storeUpload } from "./repository/uploads.js";

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

/** A question's label in the page's language, for the messages about it. */
export type LabelOf = (q: Pick<Question, "label">) => string;

/**
 * Applications from start to case, and the one door for their writes: drafts
 * with what the profile already knows, each page's answers and files, a draft
 * discarded, submission, files sent with an answer to the agency, and the
 * messages the applicant receives. Route files read input, call it, render.
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

  /** Saves answers carried from elsewhere (a renewal's earlier request) into a draft just started. */
  async carryInto(draft: Draft, answers: Answers): Promise<Draft> {
    await saveDraft(this.db, draft, answers, this.keepDays);
    return { ...draft, answers };
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
   * Reads one page into the draft: files marked for removal removed, new ones
   * checked and stored at once, the answers read. The draft is saved either
   * way: with the answers (and where each came from) when the page is
   * accepted, with only the accepted files when it is refused.
   */
  async answerPage(draft: Draft, page: Page, form: ReadForm, label: LabelOf): Promise<{ answers: Answers; errors: Problem[] }> {
    const questions = visibleQuestions(page, draft.answers);
    const taken = await this.takeFiles(draft, questions, form, label);
    const outcome = readPage(page, draft.answers, form.fields, label, taken.files, taken.errors);
    if (outcome.errors.length) {
      // Keep the files that were accepted; everything typed is shown again beside its message.
      const withFiles = { ...draft.answers, ...taken.files };
      await saveDraft(this.db, draft, withFiles, this.keepDays);
      return { answers: withFiles, errors: outcome.errors };
    }
    const sources = sourcesAfterPage(questions, draft.answers, outcome.answers, draft.sources);
    await saveDraft(this.db, draft, outcome.answers, this.keepDays, sources);
    return { answers: outcome.answers, errors: [] };
  }

  /** Files a page's file questions now hold: those kept, plus new ones that pass their checks (stored at once). */
  private async takeFiles(
    draft: Draft,
    questions: Question[],
    form: ReadForm,
    label: LabelOf,
  ): Promise<{ files: Record<string, FileRef[]>; errors: Problem[] }> {
    const files: Record<string, FileRef[]> = {};
    const errors: Problem[] = [];
    for (const q of questions) {
      if (q.type !== "file") continue;
      const had = (draft.answers[q.id] as FileRef[] | undefined) ?? [];
      const removing = new Set([form.fields[`${q.id}-remove`] ?? []].flat());
      await removeUploads(
        this.db,
        this.storage,
        draft.userId,
        had.filter((f) => removing.has(f.id)).map((f) => f.id),
      );
      const kept = had.filter((f) => !removing.has(f.id));
      for (const incoming of form.files[q.id] ?? []) {
        if (kept.length >= q.maxFiles) {
          errors.push({ field: q.id, key: "forms.errors.tooManyFiles", values: { label: label(q), max: q.maxFiles } });
          break;
        }
        const checked = await checkFile(incoming, q, label(q));
        if ("error" in checked) errors.push({ field: q.id, ...checked.error });
        else kept.push(await storeUpload(this.db, this.storage, draft.userId, { draftId: draft.id }, incoming, checked.kind));
      }
      files[q.id] = kept;
    }
    return { files, errors };
  }

  /** Deletes the person's draft and the files only it held. */
  async discard(user: User, draft: Draft): Promise<void> {
    await deleteDraft(this.db, user.id, draft.id);
    await removeDraftUploads(this.db, this.storage, [draft.id]);
  }

  /** The request a draft of this person's became, once submitted (a double click, a refresh, a retry finds it). */
  async submitted(user: User, draftId: string): Promise<Case | undefined> {
    return caseFromDraft(this.db, user.id, draftId);
  }

  /**
   * The applicant's answer to the agency's request for information, with
   * its checked files: the files stored, the case back in review, its due
   * date moved on by the time the agency waited. Undefined when the case was
   * no longer waiting for the answer.
   */
  async provideInformation(
    user: User,
    kase: Case,
    answer: string,
    files: { file: IncomingFile; kind: FileKind }[],
  ): Promise<Case | undefined> {
    const stored: FileRef[] = [];
    for (const f of files) stored.push(await storeUpload(this.db, this.storage, user.id, { caseId: kase.id }, f.file, f.kind));
    // The clock stopped while the agency waited: the due date moves on by that time.
    const askedAt = await lastInfoRequest(this.db, kase.id);
    const waited = askedAt ? Date.now() - askedAt.getTime() : 0;
    return advanceCase(
      this.db,
      kase.id,
      ["info-requested"],
      { status: "in-review", dueAt: new Date(kase.dueAt.getTime() + waited) },
      { kind: "info-provided", actorId: user.id, message: answer, files: stored },
    );
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
    return inTransaction(this.db, async (tx) => {
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
