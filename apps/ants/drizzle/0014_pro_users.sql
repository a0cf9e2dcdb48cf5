CREATE TABLE "pro_user_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"pro_user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pro_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pro_account_id" uuid NOT NULL,
	"login" text NOT NULL,
	"password_hash" text,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"email" text NOT NULL,
	"manager" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "pro_accounts_agrement_login_idx";--> statement-breakpoint
-- Each account's login and password become its first user, its manager; its tokens and sessions are theirs.
INSERT INTO "pro_users" ("pro_account_id", "login", "password_hash", "email", "manager", "active", "created_at")
  SELECT "id", "login", "password_hash", "email", true, "active", "created_at" FROM "pro_accounts";--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "pro_user_id" uuid;--> statement-breakpoint
UPDATE "api_tokens" SET "pro_user_id" = "pro_users"."id" FROM "pro_users" WHERE "pro_users"."pro_account_id" = "api_tokens"."pro_account_id";--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "pro_user_id" SET NOT NULL;--> statement-breakpoint
UPDATE "sessions" SET "subject_id" = "pro_users"."id" FROM "pro_users" WHERE "sessions"."subject_type" = 'pro' AND "pro_users"."pro_account_id" = "sessions"."subject_id";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_user_id" uuid;--> statement-breakpoint
ALTER TABLE "pro_user_tokens" ADD CONSTRAINT "pro_user_tokens_pro_user_id_pro_users_id_fk" FOREIGN KEY ("pro_user_id") REFERENCES "public"."pro_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pro_users" ADD CONSTRAINT "pro_users_pro_account_id_pro_accounts_id_fk" FOREIGN KEY ("pro_account_id") REFERENCES "public"."pro_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pro_users_account_login_idx" ON "pro_users" USING btree ("pro_account_id","login");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_pro_user_id_pro_users_id_fk" FOREIGN KEY ("pro_user_id") REFERENCES "public"."pro_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("pro_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pro_accounts_agrement_idx" ON "pro_accounts" USING btree ("agrement_number");--> statement-breakpoint
ALTER TABLE "pro_accounts" DROP COLUMN "login";--> statement-breakpoint
ALTER TABLE "pro_accounts" DROP COLUMN "password_hash";