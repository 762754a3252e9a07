import { randomUUID } from "node:crypto";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { AnswerValue } from "../../forms/engine/answers.js";
import type { Db } from "../../platform/db/client.js";
import { bumpVersion } from "../../platform/db/versions.js";
import { type Audience, surveyResponses, surveys } from "../tables.js";
import { PARTICIPATION_VERSION } from "../version.js";
import { loadQuestions, type SurveyQuestion } from "./questions.js";
import { monthOf, recordedAt } from "./respondent.js";

type Bilingual = { ar: string; en: string };

/** A survey as its pages use it, with its questions checked again as e-service questions. */
export interface Survey {
  id: string;
  slug: string;
  agency: string;
  title: Bilingual;
  intro: Bilingual;
  anonymous: boolean;
  questions: SurveyQuestion[];
  audience: Audience;
  status: string;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  createdBy: string;
}

/** What staff write: everything but the slug and the record-keeping. */
export interface SurveyFields {
  agency: string;
  title: Bilingual;
  intro: Bilingual;
  anonymous: boolean;
  questions: SurveyQuestion[];
  audience: Audience;
  status: "draft" | "published";
  opensAt: Date;
  closesAt: Date;
}

export interface SurveyResponse {
  id: string;
  userId: string | null;
  answers: Record<string, AnswerValue>;
  month: string;
  createdAt: Date;
}

function toSurvey(r: typeof surveys.$inferSelect): Survey {
  return {
    id: r.id,
    slug: r.slug,
    agency: r.agency,
    title: { ar: r.titleAr, en: r.titleEn },
    intro: { ar: r.introAr, en: r.introEn },
    anonymous: r.anonymous,
    questions: loadQuestions(r.questions),
    audience: r.audience,
    status: r.status,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    closedAt: r.closedAt,
    createdBy: r.createdBy,
  };
}

const columns = (f: SurveyFields) => ({
  agency: f.agency,
  titleAr: f.title.ar,
  titleEn: f.title.en,
  introAr: f.intro.ar,
  introEn: f.intro.en,
  anonymous: f.anonymous,
  questions: f.questions,
  audience: f.audience,
  status: f.status,
  opensAt: f.opensAt,
  closesAt: f.closesAt,
});

export async function findSurvey(db: Db, slug: string): Promise<Survey | undefined> {
  const [row] = await db.select().from(surveys).where(eq(surveys.slug, slug));
  return row ? toSurvey(row) : undefined;
}

/** A slug from the English title: lower-case words joined by hyphens ("survey" when none are left). */
export function slugFrom(title: string): string {
  const words = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9\s-]/g, " ")
    .split(/[\s-]+/)
    .filter(Boolean);
  let slug = "";
  for (const w of words) {
    if (`${slug}-${w}`.length > 60) break;
    slug = slug ? `${slug}-${w}` : w;
  }
  return !slug || slug === "new" || !/^[a-z0-9]/.test(slug) ? `survey${slug ? `-${slug}` : ""}` : slug;
}

/** Creates a survey under a slug made from its English title (numbered when taken). */
export async function createSurvey(db: Db, fields: SurveyFields, createdBy: string): Promise<Survey> {
  const base = slugFrom(fields.title.en);
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [row] = await db
      .insert(surveys)
      .values({ id: randomUUID(), slug, createdBy, ...columns(fields) })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await bumpVersion(db, PARTICIPATION_VERSION);
      return toSurvey(row);
    }
  }
  throw new Error(`no free slug for ${base}`);
}

/** Saves a draft's changes; false when it is no longer a draft (published meanwhile). */
export async function updateDraft(db: Db, id: string, fields: SurveyFields): Promise<boolean> {
  const rows = await db
    .update(surveys)
    .set({ ...columns(fields), updatedAt: new Date() })
    .where(and(eq(surveys.id, id), eq(surveys.status, "draft")))
    .returning({ id: surveys.id });
  if (rows.length) await bumpVersion(db, PARTICIPATION_VERSION);
  return rows.length > 0;
}

/** Closes a published survey now (before its closing date). */
export async function closeSurvey(db: Db, id: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(surveys)
    .set({ closedAt: now, updatedAt: now })
    .where(and(eq(surveys.id, id), eq(surveys.status, "published"), isNull(surveys.closedAt)))
    .returning({ id: surveys.id });
  if (rows.length) await bumpVersion(db, PARTICIPATION_VERSION);
  return rows.length > 0;
}

export async function hasResponded(db: Db, surveyId: string, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.respondentKey, key)));
  return Boolean(row);
}

/**
 * Records a response: for an identified survey with the person and the
 * moment; for an anonymous one with neither (the month only). The unique
 * (survey, respondent key) index keeps it to one per person, whatever
 * arrives at the same time: false when the person had answered already.
 */
export async function addResponse(
  db: Db,
  survey: Pick<Survey, "id" | "anonymous">,
  response: { userId: string; key: string; answers: Record<string, AnswerValue> },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .insert(surveyResponses)
    .values({
      id: randomUUID(),
      surveyId: survey.id,
      userId: survey.anonymous ? null : response.userId,
      respondentKey: response.key,
      answers: response.answers,
      month: monthOf(now),
      createdAt: recordedAt(survey.anonymous, now),
    })
    .onConflictDoNothing({ target: [surveyResponses.surveyId, surveyResponses.respondentKey] })
    .returning({ id: surveyResponses.id });
  return rows.length > 0;
}

/** Every response to a survey, oldest first. */
export async function responsesOf(db: Db, surveyId: string): Promise<SurveyResponse[]> {
  const rows = await db
    .select({
      id: surveyResponses.id,
      userId: surveyResponses.userId,
      answers: surveyResponses.answers,
      month: surveyResponses.month,
      createdAt: surveyResponses.createdAt,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .orderBy(asc(surveyResponses.createdAt), asc(surveyResponses.id));
  return rows.map((r) => ({ ...r, answers: r.answers as Record<string, AnswerValue> }));
}

export async function countResponses(db: Db, surveyId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
  return Number(row?.n ?? 0);
}
