CREATE TABLE "opendata_datasets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"agency" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text NOT NULL,
	"description_ar" text NOT NULL,
	"description_en" text NOT NULL,
	"theme" text NOT NULL,
	"keywords_ar" text DEFAULT '' NOT NULL,
	"keywords_en" text DEFAULT '' NOT NULL,
	"licence" text NOT NULL,
	"frequency" text NOT NULL,
	"temporal_start" date,
	"temporal_end" date,
	"spatial_ar" text DEFAULT '' NOT NULL,
	"spatial_en" text DEFAULT '' NOT NULL,
	"spatial_uri" text,
	"issued" date NOT NULL,
	"modified" date NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"generator" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opendata_datasets_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "opendata_resources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dataset_id" uuid NOT NULL,
	"format" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"storage_key" text,
	"size_bytes" bigint,
	"row_count" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"modified" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opendata_resources_format_uq" UNIQUE("dataset_id","format")
);
--> statement-breakpoint
ALTER TABLE "opendata_resources" ADD CONSTRAINT "opendata_resources_dataset_id_opendata_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."opendata_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opendata_datasets_agency_idx" ON "opendata_datasets" USING btree ("agency");--> statement-breakpoint
CREATE INDEX "opendata_datasets_theme_idx" ON "opendata_datasets" USING btree ("theme");--> statement-breakpoint
CREATE INDEX "opendata_resources_dataset_idx" ON "opendata_resources" USING btree ("dataset_id","position");