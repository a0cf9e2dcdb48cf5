ALTER TABLE "offices" ADD COLUMN "ants_credentials_check" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "ants_credentials_checked_at" timestamp with time zone;