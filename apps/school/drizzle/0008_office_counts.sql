CREATE TABLE "office_counts" (
	"office_id" uuid NOT NULL,
	"type" text NOT NULL,
	"state" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "office_counts_office_id_type_state_pk" PRIMARY KEY("office_id","type","state")
);
--> statement-breakpoint
ALTER TABLE "office_counts" ADD CONSTRAINT "office_counts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The counts follow every write to online_applications, once per statement (transition tables):
-- one grouped upsert of the changes, in a fixed order (two writers never lock two counters in
-- opposite orders), and nothing written when a statement moves no application between counters
-- (an unchanged re-sync).
CREATE FUNCTION office_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO office_counts (office_id, type, state, count)
      SELECT office_id, type, state, count(*)::int FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (office_id, type, state) DO UPDATE SET count = office_counts.count + excluded.count;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO office_counts (office_id, type, state, count)
      SELECT office_id, type, state, sum(delta)::int FROM (
        SELECT office_id, type, state, -1 AS delta FROM old_rows
        UNION ALL SELECT office_id, type, state, 1 FROM new_rows
      ) changes GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (office_id, type, state) DO UPDATE SET count = office_counts.count + excluded.count;
  ELSE
    INSERT INTO office_counts (office_id, type, state, count)
      SELECT office_id, type, state, -count(*)::int FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (office_id, type, state) DO UPDATE SET count = office_counts.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER office_counts_insert AFTER INSERT ON online_applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION office_counts_follow();
--> statement-breakpoint
CREATE TRIGGER office_counts_update AFTER UPDATE ON online_applications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION office_counts_follow();
--> statement-breakpoint
CREATE TRIGGER office_counts_delete AFTER DELETE ON online_applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION office_counts_follow();
--> statement-breakpoint
INSERT INTO office_counts (office_id, type, state, count)
  SELECT office_id, type, state, count(*)::int FROM online_applications GROUP BY 1, 2, 3;
