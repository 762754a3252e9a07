CREATE TABLE "workspace_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"agency" text NOT NULL,
	"slug" text NOT NULL,
	"draft" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"state" text NOT NULL,
	"live" boolean DEFAULT false NOT NULL,
	"review_comment" text,
	"unpublish_reason" text,
	"publish_at" timestamp with time zone,
	"scheduled_by" uuid,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_items_kind_slug" UNIQUE("kind","slug")
);
--> statement-breakpoint
CREATE TABLE "workspace_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"number" integer NOT NULL,
	"data" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_versions_item_number" UNIQUE("item_id","number")
);
--> statement-breakpoint
ALTER TABLE "workspace_versions" ADD CONSTRAINT "workspace_versions_item_id_workspace_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."workspace_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workspace_items_agency_idx" ON "workspace_items" USING btree ("agency","kind");--> statement-breakpoint
CREATE INDEX "workspace_items_due_idx" ON "workspace_items" USING btree ("state","publish_at");