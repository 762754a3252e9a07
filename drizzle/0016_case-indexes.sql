CREATE INDEX "eservice_cases_decided_idx" ON "eservice_cases" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "eservice_cases_status_idx" ON "eservice_cases" USING btree ("status");