DROP INDEX "online_applications_number_idx";--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "ants_last_heard_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "online_applications" ADD COLUMN "sent" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "online_applications_office_number_idx" ON "online_applications" USING btree ("school_id","office_id","number");--> statement-breakpoint
CREATE INDEX "online_applications_number_idx" ON "online_applications" USING btree ("school_id","number");