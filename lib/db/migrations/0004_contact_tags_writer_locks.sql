-- The tag counts (contact_tags) are rows shared by all of a user's contacts. A transaction that
-- writes contacts in several statements (an import's chunks, a merge) locks those rows
-- statement by statement, so across the transaction not in one global order; another
-- transaction writing the same user's tagged contacts at the same time could lock them in the
-- opposite order, and Postgres would abort one of the two as a deadlock. So before touching
-- the counts, each trigger takes a per-user transaction-level lock (held until commit): writers
-- of one user's tag counts take turns, and users in one statement are locked in id order.
-- Statements that change no tags take no lock.
CREATE FUNCTION "contact_tags_lock_users"(user_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  owner uuid;
BEGIN
  FOR owner IN SELECT DISTINCT u FROM unnest(user_ids) AS u ORDER BY u LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('contact_tags:' || owner::text, 0));
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "contact_tags_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM contact_tags_lock_users(
    ARRAY(SELECT i.user_id FROM inserted_contacts i WHERE cardinality(i.tags) > 0));
  INSERT INTO contact_tags (user_id, tag, contacts)
  SELECT i.user_id, t.tag, count(*)::int
  FROM inserted_contacts i, unnest(i.tags) AS t(tag)
  GROUP BY i.user_id, t.tag
  ORDER BY i.user_id, t.tag
  ON CONFLICT (user_id, tag) DO UPDATE SET contacts = contact_tags.contacts + excluded.contacts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "contact_tags_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM contact_tags_lock_users(
    ARRAY(SELECT d.user_id FROM deleted_contacts d WHERE cardinality(d.tags) > 0));
  UPDATE contact_tags c SET contacts = c.contacts - gone.n
  FROM (
    SELECT d.user_id, t.tag, count(*)::int AS n
    FROM deleted_contacts d, unnest(d.tags) AS t(tag)
    GROUP BY d.user_id, t.tag
  ) gone
  WHERE c.user_id = gone.user_id AND c.tag = gone.tag;
  DELETE FROM contact_tags c
  WHERE c.contacts <= 0 AND c.user_id IN (SELECT DISTINCT user_id FROM deleted_contacts);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "contact_tags_count_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (names, last contacted) leave the tags alone: nothing to count then.
  IF NOT EXISTS (
    SELECT 1 FROM new_contacts n JOIN old_contacts o ON o.id = n.id
    WHERE n.tags IS DISTINCT FROM o.tags OR n.user_id IS DISTINCT FROM o.user_id
  ) THEN
    RETURN NULL;
  END IF;
  PERFORM contact_tags_lock_users(
    ARRAY(SELECT n.user_id FROM new_contacts n UNION SELECT o.user_id FROM old_contacts o));
  INSERT INTO contact_tags (user_id, tag, contacts)
  SELECT x.user_id, x.tag, sum(x.n)::int
  FROM (
    SELECT n.user_id, t.tag, 1 AS n FROM new_contacts n, unnest(n.tags) AS t(tag)
    UNION ALL
    SELECT o.user_id, t.tag, -1 FROM old_contacts o, unnest(o.tags) AS t(tag)
  ) x
  GROUP BY x.user_id, x.tag
  HAVING sum(x.n) <> 0
  ORDER BY x.user_id, x.tag
  ON CONFLICT (user_id, tag) DO UPDATE SET contacts = contact_tags.contacts + excluded.contacts;
  DELETE FROM contact_tags c
  WHERE c.contacts <= 0 AND c.user_id IN (SELECT DISTINCT user_id FROM old_contacts);
  RETURN NULL;
END;
$$;
