import { createHash, randomUUID } from "node:crypto";
import { findUserByEmail } from "../../accounts/service.js";
import type { AnswerValue } from "../../forms/engine/answers.js";
import type { Db } from "../../platform/db/client.js";
import { addDays, dohaMoment, dohaToday } from "../../platform/time/doha.js";
import { surveyResponses, surveys } from "../tables.js";
import type { SurveyQuestion } from "./questions.js";
import { monthOf, recordedAt } from "./respondent.js";

/** Who the demo surveys say created them (no account: demo content). */
const DEMO_AUTHOR = "00000000-0000-4000-8000-00000000d5a1";
const DAY = 86_400_000;

/** A day some days from today in Doha, at an hour of Doha time. */
function dayAt(now: Date, days: number, hour: number): Date {
  return dohaMoment(addDays(dohaToday(now), days), `${String(hour).padStart(2, "0")}:00`);
}

const opt = (value: string, ar: string, en: string) => ({ value, label: { ar, en } });

/** An open, anonymous survey of the Ministry of Public Health about visits to health centres. */
const healthQuestions: SurveyQuestion[] = [
  {
    id: "q1",
    type: "select",
    required: true,
    label: { ar: "في أي بلدية يقع المركز الصحي الذي زرته؟", en: "Which municipality is the health centre you visited in?" },
    options: [
      opt("o1", "الدوحة", "Doha"),
      opt("o2", "الريان", "Al Rayyan"),
      opt("o3", "الوكرة", "Al Wakrah"),
      opt("o4", "الخور والذخيرة", "Al Khor and Al Thakhira"),
      opt("o5", "بلدية أخرى", "Another municipality"),
    ],
  },
  {
    id: "q2",
    type: "radios",
    required: true,
    label: { ar: "ما مدى رضاك عن زيارتك بشكل عام؟", en: "Overall, how satisfied were you with your visit?" },
    options: [
      opt("o1", "راضٍ جداً", "Very satisfied"),
      opt("o2", "راضٍ", "Satisfied"),
      opt("o3", "محايد", "Neither satisfied nor dissatisfied"),
      opt("o4", "غير راضٍ", "Dissatisfied"),
      opt("o5", "غير راضٍ إطلاقاً", "Very dissatisfied"),
    ],
  },
  {
    id: "q3",
    type: "number",
    required: true,
    integer: true,
    min: 0,
    max: 300,
    label: {
      ar: "كم دقيقة انتظرت تقريباً بعد موعدك حتى قابلت الطبيب؟",
      en: "About how many minutes did you wait after your appointment time to see the doctor?",
    },
    hint: { ar: "اكتب صفراً إن لم تنتظر.", en: "Enter 0 if you did not wait." },
  },
  {
    id: "q4",
    type: "yes-no",
    required: true,
    label: { ar: "هل حجزت موعدك عبر الإنترنت؟", en: "Did you book your appointment online?" },
  },
  {
    id: "q5",
    type: "checkboxes",
    required: false,
    label: { ar: "ما الذي ينبغي أن نحسّنه أولاً؟", en: "What should we improve first?" },
    options: [
      opt("o1", "أوقات الانتظار", "Waiting times"),
      opt("o2", "حجز المواعيد", "Booking appointments"),
      opt("o3", "شرح العلاج والأدوية", "Explaining treatment and medicines"),
      opt("o4", "مواقف السيارات", "Parking"),
      opt("o5", "ساعات العمل", "Opening hours"),
    ],
  },
  {
    id: "q6",
    type: "text",
    required: false,
    multiline: true,
    maxLength: 2000,
    label: { ar: "هل تود إخبارنا بشيء آخر عن زيارتك؟", en: "Is there anything else you would like to tell us about your visit?" },
  },
];

/** A closed, identified survey of the Ministry of Municipality about neighbourhood parks. */
const parkQuestions: SurveyQuestion[] = [
  {
    id: "q1",
    type: "radios",
    required: true,
    label: { ar: "كم مرة تزور حديقة عامة؟", en: "How often do you visit a public park?" },
    options: [
      opt("o1", "مرة في الأسبوع أو أكثر", "Once a week or more"),
      opt("o2", "مرة في الشهر تقريباً", "About once a month"),
      opt("o3", "بضع مرات في السنة", "A few times a year"),
      opt("o4", "لا أزورها", "Never"),
    ],
  },
  {
    id: "q2",
    type: "checkboxes",
    required: true,
    label: { ar: "أي المرافق ستستخدمها في حديقة حيّك؟", en: "Which facilities would you use in your neighbourhood park?" },
    options: [
      opt("o1", "مسار للمشي", "A walking track"),
      opt("o2", "ملعب للأطفال", "A children’s playground"),
      opt("o3", "مقاعد مظللة", "Shaded seating"),
      opt("o4", "أجهزة رياضية في الهواء الطلق", "An outdoor gym"),
      opt("o5", "مسار للدراجات", "A cycling path"),
    ],
  },
  {
    id: "q3",
    type: "number",
    required: true,
    integer: true,
    min: 0,
    max: 120,
    label: {
      ar: "كم دقيقة تحتاج سيراً على الأقدام للوصول إلى أقرب حديقة من بيتك؟",
      en: "How many minutes does it take you to walk to the nearest park from your home?",
    },
  },
  {
    id: "q4",
    type: "date",
    required: false,
    past: true,
    future: false,
    hijri: true,
    label: { ar: "متى زرت حديقة عامة آخر مرة؟", en: "When did you last visit a public park?" },
  },
  {
    id: "q5",
    type: "text",
    required: false,
    multiline: false,
    maxLength: 300,
    label: { ar: "ما الحديقة التي تزورها أكثر من غيرها؟", en: "Which park do you visit most?" },
  },
];

const healthAnswers: Record<string, AnswerValue>[] = [
  { q1: "o1", q2: "o1", q3: 5, q4: "yes", q5: ["o4"], q6: "الطبيب شرح لي كل شيء بوضوح، شكراً." },
  { q1: "o2", q2: "o2", q3: 20, q4: "yes", q5: ["o1", "o4"] },
  { q1: "o1", q2: "o3", q3: 45, q4: "no", q5: ["o1", "o2"], q6: "Booking by phone took three calls." },
  { q1: "o3", q2: "o2", q3: 10, q4: "yes", q5: ["o5"], q6: "أتمنى أن يفتح المركز مساء يوم الجمعة." },
  {
    q1: "o2",
    q2: "o4",
    q3: 70,
    q4: "no",
    q5: ["o1"],
    q6: "The waiting room was full, and nobody told us how long the delay would be.",
  },
  { q1: "o1", q2: "o1", q3: 0, q4: "yes" },
  { q1: "o4", q2: "o2", q3: 15, q4: "yes", q5: ["o3"] },
  { q1: "o5", q2: "o3", q3: 30, q4: "no", q5: ["o2", "o5"], q6: "Please add Urdu to the booking app." },
];

/** The park survey's answers; `lastVisit` is days before the response (the date question's answer). */
const parkAnswers: (Record<string, AnswerValue> & { lastVisit?: number })[] = [
  { q1: "o1", q2: ["o1", "o3"], q3: 5, lastVisit: 2, q5: "حديقة الحي القريبة من المدرسة" },
  { q1: "o2", q2: ["o2", "o3"], q3: 12, q5: "The park by the corniche" },
  { q1: "o1", q2: ["o1", "o4", "o5"], q3: 8, lastVisit: 1 },
  { q1: "o3", q2: ["o2"], q3: 25 },
  { q1: "o4", q2: ["o3"], q3: 40, q5: "لا توجد حديقة قريبة من بيتي" },
  { q1: "o2", q2: ["o1", "o2", "o3"], q3: 10, lastVisit: 9 },
];

/** A made-up respondent's key: unique and traced to no one. */
const madeUpKey = () => createHash("sha256").update(randomUUID()).digest("hex");

/** Loads the demo surveys with a few made-up responses each (both languages). */
export async function loadDemoSurveys(tx: Db, now: Date): Promise<void> {
  const health = randomUUID();
  await tx.insert(surveys).values({
    id: health,
    slug: "health-centre-visit",
    agency: "ministry-of-public-health",
    titleAr: "زيارتك للمركز الصحي: كيف كانت تجربتك؟",
    titleEn: "Your visit to a health centre: how did we do?",
    introAr:
      "نريد أن نعرف كيف كانت زيارتك الأخيرة لمركز صحي حكومي، لنحسّن المواعيد والانتظار والتواصل مع المرضى.\n\nيستغرق الاستبيان نحو ثلاث دقائق.",
    introEn:
      "Tell us how your last visit to a government health centre went, so that we can improve appointments, waiting and how we talk with patients.\n\nThe survey takes about three minutes.",
    anonymous: true,
    questions: healthQuestions,
    audience: "any",
    status: "published",
    opensAt: dayAt(now, -12, 8),
    closesAt: dayAt(now, 45, 23),
    createdBy: DEMO_AUTHOR,
  });
  for (const [i, answers] of healthAnswers.entries()) {
    const at = new Date(now.getTime() - (11 - i) * DAY);
    await tx.insert(surveyResponses).values({
      id: randomUUID(),
      surveyId: health,
      userId: null,
      respondentKey: madeUpKey(),
      answers,
      month: monthOf(at),
      createdAt: recordedAt(true, at),
    });
  }

  const parks = randomUUID();
  const opensAt = dayAt(now, -70, 8);
  await tx.insert(surveys).values({
    id: parks,
    slug: "neighbourhood-parks",
    agency: "ministry-of-municipality",
    titleAr: "حدائق الأحياء: ما الذي تحتاجه فيها؟",
    titleEn: "Neighbourhood parks: what do you need in them?",
    introAr:
      "نخطط لتجديد حدائق الأحياء. أخبرنا كم مرة تزورها والمرافق التي ستستخدمها. نحتفظ باسمك مع إجاباتك لنتواصل معك إن احتجنا إلى توضيح.",
    introEn:
      "We are planning to renew neighbourhood parks. Tell us how often you go and which facilities you would use. We keep your name with your answers so that we can contact you if we need to ask more.",
    anonymous: false,
    questions: parkQuestions,
    audience: "any",
    status: "published",
    opensAt,
    closesAt: dayAt(now, -20, 23),
    createdBy: DEMO_AUTHOR,
  });
  // Demo people answer when they are there already (npm start loads them first); made-up people otherwise.
  const people = await Promise.all(
    ["citizen@demo.hukoomi.example", "resident@demo.hukoomi.example"].map((email) => findUserByEmail(tx, email)),
  );
  for (const [i, { lastVisit, ...answers }] of parkAnswers.entries()) {
    const at = new Date(opensAt.getTime() + (i * 7 + 2) * DAY);
    if (lastVisit !== undefined) answers.q4 = new Date(at.getTime() - lastVisit * DAY).toISOString().slice(0, 10);
    await tx.insert(surveyResponses).values({
      id: randomUUID(),
      surveyId: parks,
      userId: people[i]?.id ?? randomUUID(),
      respondentKey: madeUpKey(),
      answers,
      month: monthOf(at),
      createdAt: at,
    });
  }
}
