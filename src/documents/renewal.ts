import type { User } from "../accounts/service.js";
import type { Applications, Draft } from "../eservices/service.js";
import { findCaseById, findDefinition, latestDefinition } from "../eservices/service.js";
import type { Answers, AnswerValue } from "../forms/engine/answers.js";
import { allQuestions, type Definition, type Question, type SimpleQuestion } from "../forms/engine/definition.js";
import type { Db } from "../platform/db/client.js";
import type { IssuedDocument } from "./repository.js";

const isEmpty = (v: AnswerValue | undefined) => v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** An earlier answer, if it still fits the question asked now (same kind; choices still offered); files are never carried. */
function carried(to: Question, from: Question, value: AnswerValue): AnswerValue | undefined {
  if (to.type !== from.type || to.type === "file" || to.type === "declaration") return undefined;
  if (to.type === "group" && from.type === "group") {
    const items = (value as Record<string, AnswerValue>[])
      .map((item) => simpleItems(to.questions, from.questions, item))
      .filter((item) => Object.keys(item).length > 0);
    return items.length ? items : undefined;
  }
  return simpleValue(to as SimpleQuestion, value);
}

function simpleValue(to: SimpleQuestion, value: AnswerValue): AnswerValue | undefined {
  if (to.type === "file" || to.type === "declaration") return undefined;
  if (to.type === "radios" || to.type === "select") return to.options.some((o) => o.value === value) ? value : undefined;
  if (to.type === "checkboxes") {
    const kept = (value as string[]).filter((v) => to.options.some((o) => o.value === v));
    return kept.length ? kept : undefined;
  }
  return value;
}

function simpleItems(to: SimpleQuestion[], from: SimpleQuestion[], item: Record<string, AnswerValue>) {
  const out: Record<string, AnswerValue> = {};
  for (const q of to) {
    const before = from.find((f) => f.id === q.id && f.type === q.type);
    const value = item[q.id];
    if (!before || isEmpty(value)) continue;
    const kept = simpleValue(q, value as AnswerValue);
    if (kept !== undefined) out[q.id] = kept;
  }
  return out;
}

/**
 * The answers of an earlier request that a new e-service asks again: the
 * questions with the same id and kind, with answers that still fit. Files
 * and declarations are asked afresh.
 */
export function carryOverAnswers(from: Definition, answers: Answers, to: Definition): Answers {
  const before = new Map(allQuestions(from).map(({ question }) => [question.id, question]));
  const out: Answers = {};
  for (const { question } of allQuestions(to)) {
    const earlier = before.get(question.id);
    const value = answers[question.id];
    if (!earlier || isEmpty(value)) continue;
    const kept = carried(question, earlier, value as AnswerValue);
    if (kept !== undefined) out[question.id] = kept;
  }
  return out;
}

/**
 * Starts the renewal of a document: a draft of the e-service that renews
 * it (started as any application is, with what the profile holds), with the
 * answers of the request that issued it carried over and the expiry date
 * filled in. What the profile gives now wins over what was said before.
 */
export async function startRenewal(
  db: Db,
  applications: Applications,
  user: User,
  doc: IssuedDocument,
  def: Definition,
): Promise<Draft> {
  const kase = doc.caseId ? await findCaseById(db, doc.caseId) : undefined;
  const original = kase ? await findDefinition(db, kase.eservice, kase.version) : undefined;
  const draft = await applications.start(user, def);
  const earlier = kase && original ? carryOverAnswers(original, kase.answers, def) : {};
  const expiry: Answers = {};
  const expiryQuestion = original?.issues?.expiryQuestion;
  if (expiryQuestion && doc.validUntil) {
    const asked = allQuestions(def).find(({ question }) => question.id === expiryQuestion)?.question;
    if (asked?.type === "date") expiry[expiryQuestion] = doc.validUntil;
  }
  const answers: Answers = { ...earlier, ...draft.answers, ...expiry };
  return applications.carryInto(draft, answers);
}

/** The e-service that renews a document, in its newest version. */
export async function renewalDefinition(db: Db, doc: IssuedDocument): Promise<Definition | undefined> {
  return doc.renewWith ? latestDefinition(db, doc.renewWith) : undefined;
}
