ALTER TABLE "applications" ADD COLUMN "pieces_sent" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The demands made before: the kinds their files already cover.
UPDATE "applications" SET "pieces_sent" = "sent"."kinds" FROM (SELECT "application_id", array_agg(DISTINCT "kind" ORDER BY "kind") AS "kinds" FROM "piece_files" GROUP BY "application_id") AS "sent" WHERE "sent"."application_id" = "applications"."id";
