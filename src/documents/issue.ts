import { randomUUID } from "node:crypto";
import { findUser } from "../accounts/service.js";
import type { Case } from "../eservices/service.js";
import { type DocumentDesk, findDefinition } from "../eservices/service.js";
import { answerPlain } from "../forms/answer-plain.js";
import type { AnswerValue } from "../forms/engine/answers.js";
import { allQuestions, type Definition, type Issues, type Question } from "../forms/engine/definition.js";
import type { Db } from "../platform/db/client.js";
import { translator } from "../platform/i18n/messages.js";
import { dohaDate } from "../platform/time/doha.js";
import { documentPath, newDocumentCode } from "./codes.js";
import { findDocumentOfCase, type IssuedDocument, insertDocument } from "./repository.js";
import { type SignableRow, signContent, signedContentOf } from "./signing.js";
import type { DocumentField } from "./tables.js";
import { validityStart, validUntilFrom } from "./validity.js";

/** The person a document is issued to (their account). */
export interface Holder {
  id: string;
  nameAr: string;
  nameEn: string;
  qid: string | null;
}

type Bilingual = { ar: string; en: string };

const isEmpty = (v: AnswerValue | undefined) => v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

function answerIn(question: Question, value: AnswerValue): Bilingual {
  return {
    ar: answerPlain(question, value, "ar", translator("ar")),
    en: answerPlain(question, value, "en", translator("en")),
  };
}

/** What the document states, line by line, from the request's answers; lines with no answer are left out. */
export function documentFields(issues: Issues, def: Definition, kase: Case, holder: Holder): DocumentField[] {
  const questions = new Map(allQuestions(def).map(({ question }) => [question.id, question]));
  const out: DocumentField[] = [];
  for (const field of issues.fields) {
    let value: Bilingual | undefined;
    switch (field.from) {
      case "reference":
        value = { ar: kase.reference, en: kase.reference };
        break;
      case "applicant-name":
        value = { ar: holder.nameAr, en: holder.nameEn };
        break;
      case "applicant-qid":
        value = holder.qid ? { ar: holder.qid, en: holder.qid } : undefined;
        break;
      default: {
        const question = questions.get(field.from);
        const answer = kase.answers[field.from];
        if (question && !isEmpty(answer)) value = answerIn(question, answer as AnswerValue);
      }
    }
    if (value) out.push({ label: field.label, value });
  }
  return out;
}

/** The holder's name as the document gives it: the first answered of the named questions, else the applicant's. */
function holderNames(issues: Issues, kase: Case, holder: Holder): Bilingual {
  const first = (ids: string[] | undefined) =>
    ids?.map((id) => kase.answers[id]).find((v): v is string => typeof v === "string" && v.trim() !== "");
  return { ar: first(issues.holder?.ar) ?? holder.nameAr, en: first(issues.holder?.en) ?? holder.nameEn };
}

/** The current document's expiry the renewal was asked with (a YYYY-MM-DD answer), if the definition names one. */
function currentExpiry(issues: Issues, kase: Case): string | undefined {
  const answer = issues.expiryQuestion ? kase.answers[issues.expiryQuestion] : undefined;
  return typeof answer === "string" && /^\d{4}-\d{2}-\d{2}$/.test(answer) ? answer : undefined;
}

/** How many months the document is valid for, if it expires. */
function monthsValid(issues: Issues, kase: Case): number | undefined {
  if (issues.validForYearsFrom) {
    const years = Number(kase.answers[issues.validForYearsFrom]);
    if (Number.isInteger(years) && years > 0 && years <= 10) return years * 12;
  }
  return issues.validForMonths;
}

/**
 * Issues the document of an approved request, in the caller's transaction:
 * a short unique code, the content signed with the portal's newest key, and
 * the expiry. A request has at most one document (its case is unique among
 * documents): issuing again returns the one already there.
 */
export async function issueDocument(
  tx: Db,
  { kase, definition, holder, now = new Date() }: { kase: Case; definition: Definition; holder: Holder; now?: Date },
): Promise<IssuedDocument> {
  const issues = definition.issues;
  if (!issues) throw new Error(`${definition.slug} issues no document`);
  const existing = await findDocumentOfCase(tx, kase.id);
  if (existing) return existing;
  const names = holderNames(issues, kase, holder);
  const months = monthsValid(issues, kase);
  const base = {
    type: issues.type,
    titleAr: issues.title.ar,
    titleEn: issues.title.en,
    holderAr: names.ar,
    holderEn: names.en,
    fields: documentFields(issues, definition, kase, holder),
    issuedAt: now,
    validUntil: months ? validUntilFrom(validityStart(dohaDate(now), currentExpiry(issues, kase)), months) : null,
    caseId: kase.id,
    agency: definition.agency,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    const row: SignableRow = { ...base, code: newDocumentCode() };
    const { signature, keyId } = await signContent(tx, signedContentOf(row));
    const created = await insertDocument(tx, {
      ...row,
      id: randomUUID(),
      userId: holder.id,
      renewWith: issues.renewWith ?? null,
      signature,
      keyId,
    });
    if (created) return created;
    const already = await findDocumentOfCase(tx, kase.id);
    if (already) return already;
    // The code was taken (about one chance in billions): try another.
  }
  throw new Error("could not find a free document code");
}

/**
 * What the officer's approval calls, in the transaction of the decision:
 * the document, when the case was approved and its e-service issues one;
 * undefined otherwise.
 */
export async function issueOnApproval(tx: Db, kase: Case, definition?: Definition): Promise<IssuedDocument | undefined> {
  if (kase.status !== "approved") return undefined;
  const def = definition ?? (await findDefinition(tx, kase.eservice, kase.version));
  if (!def?.issues) return undefined;
  const holder = await findUser(tx, kase.userId);
  if (!holder) return undefined;
  return issueDocument(tx, { kase, definition: def, holder });
}

/** What a "document issued" notification names, and where it leads. */
export function issuedNotice(doc: IssuedDocument): { values: { document: Bilingual; code: string }; link: string } {
  return { values: { document: { ar: doc.titleAr, en: doc.titleEn }, code: doc.code }, link: documentPath(doc.code) };
}

/** The documents area's part in the officer's decision (eservices' DocumentDesk), wired by the server. */
export const documentDesk: DocumentDesk = {
  async issueOnApproval(tx, kase) {
    const issued = await issueOnApproval(tx, kase);
    return issued ? issuedNotice(issued) : undefined;
  },
};
