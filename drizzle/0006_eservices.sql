CREATE TABLE "eservice_case_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"message" text,
	"files" jsonb,
	"visible_to_applicant" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eservice_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"draft_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"eservice" text NOT NULL,
	"version" integer NOT NULL,
	"agency" text NOT NULL,
	"queue" text NOT NULL,
	"answers" jsonb NOT NULL,
	"status" text NOT NULL,
	"assigned_to" uuid,
	"fee_amount" numeric(12, 2) DEFAULT '0' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eservice_cases_reference_unique" UNIQUE("reference"),
	CONSTRAINT "eservice_cases_draft_id_unique" UNIQUE("draft_id")
);
--> statement-breakpoint
CREATE TABLE "eservice_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"eservice" text NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "eservice_definitions" (
	"slug" text NOT NULL,
	"version" integer NOT NULL,
	"agency" text NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eservice_definitions_slug_version_pk" PRIMARY KEY("slug","version")
);
--> statement-breakpoint
CREATE TABLE "eservice_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"draft_id" uuid,
	"case_id" uuid,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eservice_uploads_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "eservice_case_events" ADD CONSTRAINT "eservice_case_events_case_id_eservice_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."eservice_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eservice_case_events_case_idx" ON "eservice_case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "eservice_cases_user_idx" ON "eservice_cases" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "eservice_cases_queue_idx" ON "eservice_cases" USING btree ("agency","status","due_at");--> statement-breakpoint
CREATE INDEX "eservice_drafts_user_idx" ON "eservice_drafts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "eservice_drafts_expiry_idx" ON "eservice_drafts" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "eservice_uploads_owner_idx" ON "eservice_uploads" USING btree ("owner_id");