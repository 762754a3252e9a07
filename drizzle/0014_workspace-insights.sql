CREATE TABLE "content_review_reminders" (
	"service_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"agency" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_review_reminders_service_id_due_on_pk" PRIMARY KEY("service_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "content_review_reminders" ADD CONSTRAINT "content_review_reminders_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_review_reminders_agency_idx" ON "content_review_reminders" USING btree ("agency");