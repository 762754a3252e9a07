CREATE TABLE "search_agency_names" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_slug" text NOT NULL,
	"names" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_agency_names_agency_slug_unique" UNIQUE("agency_slug")
);
