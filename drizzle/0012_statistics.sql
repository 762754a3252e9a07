CREATE TABLE "transaction_counts" (
	"service_slug" text NOT NULL,
	"month" text NOT NULL,
	"channel" text NOT NULL,
	"count" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transaction_counts_service_slug_month_channel_pk" PRIMARY KEY("service_slug","month","channel"),
	CONSTRAINT "transaction_counts_month_check" CHECK ("transaction_counts"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "transaction_counts_channel_check" CHECK ("transaction_counts"."channel" in ('online', 'other')),
	CONSTRAINT "transaction_counts_count_check" CHECK ("transaction_counts"."count" >= 0)
);
