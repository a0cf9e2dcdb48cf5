CREATE TABLE "former_holders" (
	"application_id" uuid NOT NULL,
	"pro_account_id" uuid NOT NULL,
	"left_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "former_holders_application_id_pro_account_id_pk" PRIMARY KEY("application_id","pro_account_id")
);
--> statement-breakpoint
ALTER TABLE "former_holders" ADD CONSTRAINT "former_holders_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "former_holders" ADD CONSTRAINT "former_holders_pro_account_id_pro_accounts_id_fk" FOREIGN KEY ("pro_account_id") REFERENCES "public"."pro_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "former_holders_account_left_idx" ON "former_holders" USING btree ("pro_account_id","left_at","application_id");--> statement-breakpoint
-- Applications transferred before this table existed: their last former holder keeps its row.
INSERT INTO "former_holders" ("application_id", "pro_account_id", "left_at") SELECT "id", "previous_pro_account_id", "updated_at" FROM "applications" WHERE "previous_pro_account_id" IS NOT NULL AND "previous_pro_account_id" <> "pro_account_id";
