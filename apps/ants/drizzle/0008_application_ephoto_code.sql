ALTER TABLE "applications" ADD COLUMN "ephoto_code" text;--> statement-breakpoint
UPDATE "applications" a SET "ephoto_code" = c."code" FROM "ephoto_codes" c WHERE c."application_id" = a."id";
