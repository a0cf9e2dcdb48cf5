ALTER TABLE "applications" ADD COLUMN "candidate_notified_at" timestamp with time zone;--> statement-breakpoint
-- Applications validated before this column existed have had their invitation already.
UPDATE "applications" SET "candidate_notified_at" = "updated_at" WHERE "state" <> 'draft';
