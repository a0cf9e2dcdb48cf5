ALTER TABLE "ephoto_codes" ADD COLUMN "candidate_id" uuid;--> statement-breakpoint
ALTER TABLE "ephoto_codes" ADD CONSTRAINT "ephoto_codes_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Codes attached before this column existed belong to the candidate of their application.
UPDATE "ephoto_codes" SET "candidate_id" = "applications"."candidate_id" FROM "applications" WHERE "applications"."id" = "ephoto_codes"."application_id";
