-- One writer of an office's counters at a time. A statement's own upsert locks its counters in a
-- fixed order, but a transaction can write an office's counters more than once (an INSERT … ON
-- CONFLICT DO UPDATE fires the UPDATE trigger and then the INSERT trigger; a transaction can run
-- several statements), each time a different set: two such transactions crossing on one office
-- deadlocked. Each write now first takes the office's lock, held to the transaction's end, in a
-- fixed order when a statement touches several offices: whoever holds one of an office's counters
-- holds its lock, so no one waits on a counter while holding another of that office.
CREATE OR REPLACE FUNCTION office_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_advisory_xact_lock(k) FROM (
      SELECT DISTINCT hashtext('office_counts:' || office_id) AS k FROM new_rows ORDER BY 1
    ) locks;
    INSERT INTO office_counts (office_id, type, state, count)
      SELECT office_id, type, state, count(*)::int FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (office_id, type, state) DO UPDATE SET count = office_counts.count + excluded.count;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM pg_advisory_xact_lock(k) FROM (
      SELECT hashtext('office_counts:' || office_id) AS k FROM old_rows
      UNION SELECT hashtext('office_counts:' || office_id) FROM new_rows ORDER BY 1
    ) locks;
    INSERT INTO office_counts (office_id, type, state, count)
      SELECT office_id, type, state, sum(delta)::int FROM (
        SELECT office_id, type, state, -1 AS delta FROM old_rows
        UNION ALL SELECT office_id, type, state, 1 FROM new_rows
      ) changes GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (office_id, type, state) DO UPDATE SET count = office_counts.count + excluded.count;
  ELSE
    PERFORM pg_advisory_xact_lock(k) FROM (
      SELECT DISTINCT hashtext('office_counts:' || office_id) AS k FROM old_rows ORDER BY 1
    ) locks;
    INSERT INTO office_counts (office_id, type, state, count)
      SELECT office_id, type, state, -count(*)::int FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (office_id, type, state) DO UPDATE SET count = office_counts.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
