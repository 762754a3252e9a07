ALTER TABLE "opendata_datasets" ADD COLUMN "column_labels" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "opendata_datasets" ADD COLUMN "chart" jsonb;