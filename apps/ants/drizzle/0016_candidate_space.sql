ALTER TABLE "candidate_tokens" ADD COLUMN "new_email" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "france_connect_sub" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "last_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "previous_login_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_france_connect_idx" ON "candidates" USING btree ("france_connect_sub");