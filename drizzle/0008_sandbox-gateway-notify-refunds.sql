CREATE TABLE "sandbox_gateway_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"merchant" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_gateway_refund_idempotency" UNIQUE("merchant","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "sandbox_gateway_payments" ADD COLUMN "notify_url" text;--> statement-breakpoint
CREATE INDEX "sandbox_gateway_refunds_payment_idx" ON "sandbox_gateway_refunds" USING btree ("payment_id");