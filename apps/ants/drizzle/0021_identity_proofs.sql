CREATE TABLE "candidate_mobile_changes" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"new_mobile" text NOT NULL,
	"code_hash" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "mobile_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "credentials_via" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "identity_via" text;--> statement-breakpoint
ALTER TABLE "candidate_mobile_changes" ADD CONSTRAINT "candidate_mobile_changes_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Accounts linked to FranceConnect before: their état civil is the pivot (decision 0012 linked only a whole-pivot match).
UPDATE "candidates" SET "identity_via" = 'franceconnect' WHERE "france_connect_sub" IS NOT NULL;--> statement-breakpoint
-- Sessions a candidate password opened before its proof was kept (its activation link may have reached a mobile a school typed) end; such a password opens nothing until reset by mail or FranceConnect.
DELETE FROM "sessions" WHERE "subject_type" = 'candidate' AND "subject_id" IN (SELECT "id" FROM "candidates" WHERE "credentials_via" IS NULL);
