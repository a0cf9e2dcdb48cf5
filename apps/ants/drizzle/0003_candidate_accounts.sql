CREATE TABLE "candidate_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"candidate_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"text" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "mobile" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "login_id" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "secret_question" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "secret_answer_hash" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "candidate_tokens" ADD CONSTRAINT "candidate_tokens_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidate_tokens_candidate_idx" ON "candidate_tokens" USING btree ("candidate_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_login_idx" ON "candidates" USING btree ("login_id");