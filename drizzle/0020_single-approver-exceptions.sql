CREATE TABLE "single_approver_exceptions" (
	"agency" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"allowed_by" uuid NOT NULL,
	"allowed_at" timestamp with time zone DEFAULT now() NOT NULL
);
