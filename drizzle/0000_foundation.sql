CREATE TABLE "page_views" (
	"path" text NOT NULL,
	"locale" text NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "page_views_path_locale_day_pk" PRIMARY KEY("path","locale","day")
);
--> statement-breakpoint
CREATE TABLE "page_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"locale" text NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"commented_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "page_feedback_path_idx" ON "page_feedback" USING btree ("path","locale");