CREATE TYPE "public"."application_state" AS ENUM('draft', 'awaiting_candidate', 'refused_by_candidate', 'deleted', 'under_instruction', 'to_complete', 'rejected', 'accepted');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"pro_account_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"state" "application_state" DEFAULT 'draft' NOT NULL,
	"pro_account_id" uuid NOT NULL,
	"previous_pro_account_id" uuid,
	"candidate_id" uuid NOT NULL,
	"candidate" jsonb NOT NULL,
	"legal_representative" jsonb,
	"dossier" jsonb NOT NULL,
	"paper_mandate" boolean DEFAULT false NOT NULL,
	"neph" text,
	"idempotency_key" text,
	"request_hash" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"sex" text NOT NULL,
	"birth_name" text NOT NULL,
	"usage_name" text DEFAULT '' NOT NULL,
	"first_name" text NOT NULL,
	"other_first_names" text DEFAULT '' NOT NULL,
	"birth_date" text NOT NULL,
	"birth_city" text NOT NULL,
	"birth_department" text DEFAULT '' NOT NULL,
	"birth_country" text NOT NULL,
	"neph" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "piece_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"storage_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"pages" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_pro_account_id_pro_accounts_id_fk" FOREIGN KEY ("pro_account_id") REFERENCES "public"."pro_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_pro_account_id_pro_accounts_id_fk" FOREIGN KEY ("pro_account_id") REFERENCES "public"."pro_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_previous_pro_account_id_pro_accounts_id_fk" FOREIGN KEY ("previous_pro_account_id") REFERENCES "public"."pro_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "piece_files" ADD CONSTRAINT "piece_files_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_account_idx" ON "api_tokens" USING btree ("pro_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number_idx" ON "applications" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_idempotency_idx" ON "applications" USING btree ("pro_account_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "applications_account_updated_idx" ON "applications" USING btree ("pro_account_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "applications_previous_account_idx" ON "applications" USING btree ("previous_pro_account_id");--> statement-breakpoint
CREATE INDEX "applications_candidate_idx" ON "applications" USING btree ("candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_email_idx" ON "candidates" USING btree ("email");--> statement-breakpoint
CREATE INDEX "candidates_identity_idx" ON "candidates" USING btree ("birth_name","first_name","birth_date");--> statement-breakpoint
CREATE INDEX "piece_files_application_idx" ON "piece_files" USING btree ("application_id","kind");