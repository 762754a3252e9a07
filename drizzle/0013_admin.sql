CREATE TABLE "home_highlights" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"service_slug" text,
	"path" text,
	"title_ar" text NOT NULL,
	"title_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
