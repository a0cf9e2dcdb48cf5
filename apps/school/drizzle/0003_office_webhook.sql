ALTER TABLE "offices" ADD COLUMN "webhook_url" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "webhook_secret_sealed" text;