import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/**
 * E-participation: polls and referendums, surveys, public consultations.
 * Each belongs to an agency, is drafted by its staff in both languages,
 * published for an open period (opens_at … closes_at, or closed early with
 * closed_at) and keeps its results after closing.
 */

/** Who may take part: any signed-in person, citizens only, residents only. */
export type Audience = "any" | "citizens" | "residents";

export const polls = pgTable(
  "polls",
  {
    id: uuid("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    agency: text("agency").notNull(),
    /** poll or referendum (a referendum is shown as such; the rules are the same). */
    kind: text("kind").notNull().default("poll"),
    questionAr: text("question_ar").notNull(),
    questionEn: text("question_en").notNull(),
    descriptionAr: text("description_ar").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    /** Several choices may be ticked (up to max_choices), or one. */
    multiple: boolean("multiple").notNull().default(false),
    maxChoices: integer("max_choices"),
    audience: text("audience").$type<Audience>().notNull().default("any"),
    /** When results are shown: to a person once they voted ("after-vote"), or to everyone once closed ("after-close"). */
    showResults: text("show_results").notNull().default("after-vote"),
    /** draft (staff only) or published (public during and after its period). */
    status: text("status").notNull().default("draft"),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("polls_agency_idx").on(t.agency), index("polls_period_idx").on(t.status, t.opensAt, t.closesAt)],
);

export const pollOptions = pgTable(
  "poll_options",
  {
    id: uuid("id").primaryKey(),
    pollId: uuid("poll_id").notNull(),
    position: integer("position").notNull(),
    labelAr: text("label_ar").notNull(),
    labelEn: text("label_en").notNull(),
  },
  (t) => [index("poll_options_poll_idx").on(t.pollId, t.position)],
);

/** One vote per verified person per poll: the database refuses a second, whatever the page did. */
export const pollVotes = pgTable(
  "poll_votes",
  {
    id: serial("id").primaryKey(),
    pollId: uuid("poll_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("poll_votes_one_per_person").on(t.pollId, t.userId)],
);

/** The options a vote chose (one, or several in a multiple-choice poll). */
export const pollChoices = pgTable(
  "poll_choices",
  {
    voteId: integer("vote_id").notNull(),
    pollId: uuid("poll_id").notNull(),
    optionId: uuid("option_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.optionId] }), index("poll_choices_poll_idx").on(t.pollId, t.optionId)],
);

export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    agency: text("agency").notNull(),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en").notNull(),
    introAr: text("intro_ar").notNull().default(""),
    introEn: text("intro_en").notNull().default(""),
    /** Anonymous: responses keep no link to the person (one per person is still enforced, by a keyed hash). */
    anonymous: boolean("anonymous").notNull().default(true),
    /** The questions, as e-service questions (src/forms/engine/definition.ts SimpleQuestion). */
    questions: jsonb("questions").$type<unknown[]>().notNull(),
    audience: text("audience").$type<Audience>().notNull().default("any"),
    status: text("status").notNull().default("draft"),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("surveys_agency_idx").on(t.agency)],
);

export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey(),
    surveyId: uuid("survey_id").notNull(),
    /** The respondent, for an identified survey; null for an anonymous one. */
    userId: uuid("user_id"),
    /** HMAC of the person and the survey: one response each, without saying whose it is. */
    respondentKey: text("respondent_key").notNull(),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull(),
    /** Month of the response (YYYY-MM), kept for participation figures without the exact time of an anonymous answer. */
    month: text("month").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("survey_responses_one_per_person").on(t.surveyId, t.respondentKey)],
);

export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    agency: text("agency").notNull(),
    titleAr: text("title_ar").notNull(),
    titleEn: text("title_en").notNull(),
    summaryAr: text("summary_ar").notNull().default(""),
    summaryEn: text("summary_en").notNull().default(""),
    status: text("status").notNull().default("draft"),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The agency's published response, once the consultation has closed. */
    responseAr: text("response_ar"),
    responseEn: text("response_en"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consultations_agency_idx").on(t.agency)],
);

export const consultationSections = pgTable(
  "consultation_sections",
  {
    id: uuid("id").primaryKey(),
    consultationId: uuid("consultation_id").notNull(),
    position: integer("position").notNull(),
    headingAr: text("heading_ar").notNull(),
    headingEn: text("heading_en").notNull(),
    bodyAr: text("body_ar").notNull(),
    bodyEn: text("body_en").notNull(),
  },
  (t) => [index("consultation_sections_idx").on(t.consultationId, t.position)],
);

/**
 * A comment on a section. published: shown at once; approved: a moderator
 * kept it (reports no longer hide it); held: hidden because several people
 * reported it, until a moderator decides; hidden: a moderator removed it.
 */
export const consultationComments = pgTable(
  "consultation_comments",
  {
    id: uuid("id").primaryKey(),
    consultationId: uuid("consultation_id").notNull(),
    sectionId: uuid("section_id").notNull(),
    userId: uuid("user_id").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull().default("published"),
    reports: integer("reports").notNull().default(0),
    moderatedBy: uuid("moderated_by"),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consultation_comments_section_idx").on(t.sectionId, t.createdAt),
    index("consultation_comments_status_idx").on(t.consultationId, t.status),
  ],
);

/** Who reported which comment: one report per person per comment. */
export const commentReports = pgTable(
  "consultation_comment_reports",
  {
    commentId: uuid("comment_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);
