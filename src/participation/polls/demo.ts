import { randomUUID } from "node:crypto";
import type { Db } from "../../platform/db/client.js";
import type { Audience } from "../tables.js";
import { pollChoices, pollOptions, polls, pollVotes } from "../tables.js";

const DAY = 86_400_000;
/** The demo polls' author: no account (demo content is the portal's own). */
const DEMO_AUTHOR = "00000000-0000-4000-8000-00000000d0e1";

interface DemoPoll {
  slug: string;
  agency: string;
  kind: "poll" | "referendum";
  question: { ar: string; en: string };
  description: { ar: string; en: string };
  options: { ar: string; en: string }[];
  maxChoices?: number;
  audience: Audience;
  showResults: "after-vote" | "after-close";
  /** Days from now: negative in the past. */
  opens: number;
  closes: number;
  closedEarly?: number;
  /** Votes already cast: the options chosen (by position) and how many people chose them so. */
  votes: [number[], number][];
}

const demoPolls: DemoPoll[] = [
  {
    slug: "municipal-service-centre-hours",
    agency: "ministry-of-municipality",
    kind: "poll",
    question: {
      ar: "ما أوقات العمل الأنسب لك في مراكز خدمات البلدية؟",
      en: "Which opening hours would suit you best at municipal service centres?",
    },
    description: {
      ar: "تراجع الوزارة أوقات عمل مراكز خدمات البلدية لتناسب من يعملون في النهار. اختر ما يناسبك أكثر، وسنأخذ النتائج في الحسبان عند إعداد جدول العام المقبل.\n\nتبقى الخدمات الإلكترونية متاحة على مدار الساعة مهما كانت النتيجة.",
      en: "The ministry is reviewing the hours of its municipal service centres so that they suit people who work during the day. Choose what suits you best; the results will inform next year’s timetable.\n\nOnline services stay available around the clock whatever the result.",
    },
    options: [
      { ar: "صباحاً فقط، من 7 إلى 2 (كما هو الآن)", en: "Mornings only, 7 am to 2 pm (as now)" },
      { ar: "فترتان: صباحية ومسائية من 4 إلى 8", en: "Two shifts: mornings, and evenings from 4 pm to 8 pm" },
      { ar: "دوام متصل من 7 صباحاً إلى 7 مساءً", en: "Continuously from 7 am to 7 pm" },
      { ar: "صباح السبت أيضاً", en: "Saturday mornings as well" },
    ],
    audience: "any",
    showResults: "after-vote",
    opens: -10,
    closes: 20,
    votes: [
      [[0], 48],
      [[1], 73],
      [[2], 39],
      [[3], 21],
    ],
  },
  {
    slug: "national-sport-day-long-weekend",
    agency: "ministry-of-sports-and-youth",
    kind: "referendum",
    question: {
      ar: "هل تؤيد نقل عطلة اليوم الرياضي للدولة إلى يوم خميس لتصبح عطلة نهاية أسبوع طويلة؟",
      en: "Should the National Sport Day holiday move to a Thursday, to make a long weekend?",
    },
    description: {
      ar: "يُحتفل باليوم الرياضي للدولة في يوم ثلاثاء من شهر فبراير. تسأل الوزارة المواطنين عن رأيهم في نقله إلى يوم خميس. النتائج تُنشر عند إغلاق التصويت.",
      en: "National Sport Day is held on a Tuesday in February. The ministry is asking citizens whether it should move to a Thursday. The results will be published when voting closes.",
    },
    options: [
      { ar: "نعم، انقلوه إلى يوم خميس", en: "Yes, move it to a Thursday" },
      { ar: "لا، أبقوه يوم ثلاثاء", en: "No, keep it on a Tuesday" },
    ],
    audience: "citizens",
    showResults: "after-close",
    opens: -5,
    closes: 25,
    votes: [
      [[0], 212],
      [[1], 147],
    ],
  },
  {
    slug: "bus-stop-improvements",
    agency: "ministry-of-transport",
    kind: "poll",
    question: {
      ar: "ما أهم تحسينين تريدهما في مواقف الحافلات؟",
      en: "Which two improvements to bus stops matter most to you?",
    },
    description: {
      ar: "سألنا الركاب عن أولوياتهم قبل تجديد مواقف الحافلات في المدن. شكراً لكل من شارك؛ تبدأ الأعمال بالمظلات والتبريد.",
      en: "We asked passengers for their priorities before bus stops in the cities are renewed. Thank you to everyone who took part; the work begins with shade and cooling.",
    },
    options: [
      { ar: "مظلات وتبريد", en: "Shade and cooling" },
      { ar: "شاشات بمواعيد الوصول الفعلية", en: "Screens with live arrival times" },
      { ar: "إنارة أفضل", en: "Better lighting" },
      { ar: "وصول دون درجات لذوي الإعاقة والعربات", en: "Step-free access for wheelchairs and pushchairs" },
      { ar: "أماكن لركن الدراجات", en: "Bicycle parking" },
    ],
    maxChoices: 2,
    audience: "any",
    showResults: "after-vote",
    opens: -60,
    closes: -14,
    votes: [
      [[0, 1], 141],
      [[0, 2], 96],
      [[0], 58],
      [[1, 3], 71],
      [[1], 44],
      [[2, 3], 37],
      [[3], 29],
      [[0, 4], 22],
      [[4], 12],
    ],
  },
];

async function loadPoll(tx: Db, p: DemoPoll, now: Date) {
  const id = randomUUID();
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  await tx.insert(polls).values({
    id,
    slug: p.slug,
    agency: p.agency,
    kind: p.kind,
    questionAr: p.question.ar,
    questionEn: p.question.en,
    descriptionAr: p.description.ar,
    descriptionEn: p.description.en,
    multiple: Boolean(p.maxChoices),
    maxChoices: p.maxChoices ?? null,
    audience: p.audience,
    showResults: p.showResults,
    status: "published",
    opensAt: at(p.opens),
    closesAt: at(p.closes),
    closedAt: p.closedEarly === undefined ? null : at(p.closedEarly),
    createdBy: DEMO_AUTHOR,
    createdAt: at(p.opens - 3),
    updatedAt: at(p.opens - 3),
  });
  const optionIds = p.options.map(() => randomUUID());
  await tx
    .insert(pollOptions)
    .values(p.options.map((o, i) => ({ id: optionIds[i] ?? "", pollId: id, position: i + 1, labelAr: o.ar, labelEn: o.en })));
  // Votes from made-up voters, so the results have something to show.
  const ballots = p.votes.flatMap(([chosen, n]) => Array.from({ length: n }, () => chosen));
  const votedAt = (i: number) => at(p.opens + ((Math.min(p.closes, 0) - p.opens) * (i + 1)) / (ballots.length + 1));
  const rows = await tx
    .insert(pollVotes)
    .values(ballots.map((_, i) => ({ pollId: id, userId: randomUUID(), createdAt: votedAt(i) })))
    .returning({ id: pollVotes.id });
  const choices = rows.flatMap((vote, i) =>
    (ballots[i] ?? []).map((position) => ({ voteId: vote.id, pollId: id, optionId: optionIds[position] ?? "" })),
  );
  if (choices.length) await tx.insert(pollChoices).values(choices);
}

/** The demo's polls: an open one with results after voting, a citizens' referendum, and a closed one with results. */
export async function loadDemoPolls(tx: Db, now: Date): Promise<void> {
  for (const p of demoPolls) await loadPoll(tx, p, now);
}
