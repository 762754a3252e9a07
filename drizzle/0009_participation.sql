CREATE TABLE "consultation_comment_reports" (
	"comment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_comment_reports_comment_id_user_id_pk" PRIMARY KEY("comment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_sections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"heading_ar" text NOT NULL,
	"heading_en" text NOT NULL,
	"body_ar" text NOT NULL,
	"body_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"agency" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_ar" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"response_ar" text,
	"response_en" text,
	"responded_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "poll_choices" (
	"vote_id" integer NOT NULL,
	"poll_id" uuid NOT NULL,
	"option_id" uuid NOT NULL,
	CONSTRAINT "poll_choices_vote_id_option_id_pk" PRIMARY KEY("vote_id","option_id")
);
--> statement-breakpoint
CREATE TABLE "poll_options" (
	"id" uuid PRIMARY KEY NOT NULL,
	"poll_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label_ar" text NOT NULL,
	"label_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_votes" (
	"id" serial PRIMARY KEY NOT NULL,
	"poll_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_votes_one_per_person" UNIQUE("poll_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"agency" text NOT NULL,
	"kind" text DEFAULT 'poll' NOT NULL,
	"question_ar" text NOT NULL,
	"question_en" text NOT NULL,
	"description_ar" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"multiple" boolean DEFAULT false NOT NULL,
	"max_choices" integer,
	"audience" text DEFAULT 'any' NOT NULL,
	"show_results" text DEFAULT 'after-vote' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polls_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"user_id" uuid,
	"respondent_key" text NOT NULL,
	"answers" jsonb NOT NULL,
	"month" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_one_per_person" UNIQUE("survey_id","respondent_key")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"agency" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text NOT NULL,
	"intro_ar" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"anonymous" boolean DEFAULT true NOT NULL,
	"questions" jsonb NOT NULL,
	"audience" text DEFAULT 'any' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE INDEX "consultation_comments_section_idx" ON "consultation_comments" USING btree ("section_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_comments_status_idx" ON "consultation_comments" USING btree ("consultation_id","status");--> statement-breakpoint
CREATE INDEX "consultation_sections_idx" ON "consultation_sections" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE INDEX "consultations_agency_idx" ON "consultations" USING btree ("agency");--> statement-breakpoint
CREATE INDEX "poll_choices_poll_idx" ON "poll_choices" USING btree ("poll_id","option_id");--> statement-breakpoint
CREATE INDEX "poll_options_poll_idx" ON "poll_options" USING btree ("poll_id","position");--> statement-breakpoint
CREATE INDEX "polls_agency_idx" ON "polls" USING btree ("agency");--> statement-breakpoint
CREATE INDEX "polls_period_idx" ON "polls" USING btree ("status","opens_at","closes_at");--> statement-breakpoint
CREATE INDEX "surveys_agency_idx" ON "surveys" USING btree ("agency");