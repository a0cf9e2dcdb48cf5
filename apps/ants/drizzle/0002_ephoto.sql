CREATE TABLE "ephoto_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"booth_id" uuid NOT NULL,
	"photo" "bytea" NOT NULL,
	"signature" "bytea" NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"application_id" uuid,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "photo_booths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"api_key_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ephoto_codes" ADD CONSTRAINT "ephoto_codes_booth_id_photo_booths_id_fk" FOREIGN KEY ("booth_id") REFERENCES "public"."photo_booths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ephoto_codes" ADD CONSTRAINT "ephoto_codes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ephoto_codes_application_idx" ON "ephoto_codes" USING btree ("application_id");