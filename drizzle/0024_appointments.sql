CREATE TABLE "appointment_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"check_in_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"service_slug" text NOT NULL,
	"slot_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"status" text NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"case_id" uuid,
	"locale" text DEFAULT 'ar' NOT NULL,
	"reminded_day_before" boolean DEFAULT false NOT NULL,
	"reminded_hours_before" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_bookings_reference_unique" UNIQUE("reference"),
	CONSTRAINT "appointment_bookings_check_in_code_unique" UNIQUE("check_in_code")
);
--> statement-breakpoint
CREATE TABLE "appointment_centre_services" (
	"centre_id" uuid NOT NULL,
	"service_slug" text NOT NULL,
	"minutes" integer NOT NULL,
	"counters" integer NOT NULL,
	"per_person" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appointment_centre_services_centre_id_service_slug_pk" PRIMARY KEY("centre_id","service_slug"),
	CONSTRAINT "appointment_centre_services_sane" CHECK ("appointment_centre_services"."minutes" between 5 and 480 and "appointment_centre_services"."counters" between 1 and 200 and "appointment_centre_services"."per_person" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "appointment_centres" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"agency" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"address_ar" text DEFAULT '' NOT NULL,
	"address_en" text DEFAULT '' NOT NULL,
	"area" text NOT NULL,
	"map_url" text DEFAULT '' NOT NULL,
	"hours" jsonb NOT NULL,
	"book_ahead_days" integer DEFAULT 30 NOT NULL,
	"change_cutoff_hours" integer DEFAULT 2 NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_centres_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "appointment_closures" (
	"centre_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason_ar" text DEFAULT '' NOT NULL,
	"reason_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_closures_centre_id_day_pk" PRIMARY KEY("centre_id","day")
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"service_slug" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"places" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_one" UNIQUE("centre_id","service_slug","starts_at"),
	CONSTRAINT "appointment_slots_within_places" CHECK ("appointment_slots"."taken" >= 0 and "appointment_slots"."taken" <= "appointment_slots"."places")
);
--> statement-breakpoint
CREATE TABLE "appointment_waitlist" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"service_slug" text NOT NULL,
	"day" date NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"booking_id" uuid,
	"locale" text DEFAULT 'ar' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "appointment_bookings_user_idx" ON "appointment_bookings" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "appointment_bookings_day_idx" ON "appointment_bookings" USING btree ("centre_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_bookings_slot_idx" ON "appointment_bookings" USING btree ("slot_id","status");--> statement-breakpoint
CREATE INDEX "appointment_bookings_holds_idx" ON "appointment_bookings" USING btree ("status","hold_expires_at");--> statement-breakpoint
CREATE INDEX "appointment_bookings_reminders_idx" ON "appointment_bookings" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_centre_services_service_idx" ON "appointment_centre_services" USING btree ("service_slug");--> statement-breakpoint
CREATE INDEX "appointment_centres_agency_idx" ON "appointment_centres" USING btree ("agency");--> statement-breakpoint
CREATE INDEX "appointment_waitlist_queue_idx" ON "appointment_waitlist" USING btree ("centre_id","service_slug","day","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_waitlist_one_per_person" ON "appointment_waitlist" USING btree ("user_id","centre_id","service_slug","day") WHERE status in ('waiting', 'offered');