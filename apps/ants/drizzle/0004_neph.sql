CREATE TABLE "neph_sequences" (
	"year" text NOT NULL,
	"department" text NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "neph_sequences_idx" ON "neph_sequences" USING btree ("year","department");