CREATE TABLE "contact_tags" (
	"user_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"contacts" integer NOT NULL,
	CONSTRAINT "contact_tags_user_id_tag_pk" PRIMARY KEY("user_id","tag")
);
--> statement-breakpoint
ALTER TABLE "contact_tags" ADD CONSTRAINT "contact_tags_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_user_sample_idx" ON "companies" USING btree ("user_id") WHERE is_sample;--> statement-breakpoint
CREATE INDEX "contacts_user_sample_idx" ON "contacts" USING btree ("user_id") WHERE is_sample;--> statement-breakpoint
-- contact_tags follows contacts.tags through statement-level triggers with transition tables:
-- one grouped upsert per statement, so a 1,000-row import insert costs one statement here.
-- Decrements only ever UPDATE existing rows (never INSERT), so the cascade from a deleted
-- user to their contacts cannot trip the foreign key; rows that reach zero are removed.
CREATE FUNCTION "contact_tags_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE FUNCTION "contact_tags_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE FUNCTION "contact_tags_count_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (names, last contacted) leave the tags alone: nothing to count then.
  IF NOT EXISTS (
    SELECT 1 FROM new_contacts n JOIN old_contacts o ON o.id = n.id
    WHERE n.tags IS DISTINCT FROM o.tags OR n.user_id IS DISTINCT FROM o.user_id
  ) THEN
    RETURN NULL;
  END IF;
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
--> statement-breakpoint
CREATE TRIGGER "contacts_tags_inserted" AFTER INSERT ON "contacts"
  REFERENCING NEW TABLE AS inserted_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION "contact_tags_count_inserted"();
--> statement-breakpoint
CREATE TRIGGER "contacts_tags_deleted" AFTER DELETE ON "contacts"
  REFERENCING OLD TABLE AS deleted_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION "contact_tags_count_deleted"();
--> statement-breakpoint
CREATE TRIGGER "contacts_tags_updated" AFTER UPDATE ON "contacts"
  REFERENCING OLD TABLE AS old_contacts NEW TABLE AS new_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION "contact_tags_count_updated"();
--> statement-breakpoint
INSERT INTO "contact_tags" ("user_id", "tag", "contacts")
SELECT c.user_id, t.tag, count(*)::int
FROM "contacts" c, unnest(c.tags) AS t(tag)
GROUP BY c.user_id, t.tag;
