-- activities: the record engine's statements, written by src/server/records/sql-snapshots.test.ts

-- admin · default page · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", "activities"."body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE true AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: []

-- admin · default page · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", "activities"."body" AS "body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE true AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: []

-- admin · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · subject contains, sorted by it · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."subject"::text AS _sort, "activities"."kind", "activities"."subject", "activities"."body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE true AND "activities"."subject" ILIKE $1 AND true ORDER BY "activities"."subject" ASC, "activities"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · subject contains, sorted by it · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."subject"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", "activities"."body" AS "body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE true AND "activities"."subject" ILIKE $1 AND true ORDER BY "activities"."subject" ASC, "activities"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · subject contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE true AND "activities"."subject" ILIKE $1 LIMIT $2) x;
-- params: ["%acme%",1001]

-- admin · next page · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", "activities"."body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE true AND ("activities"."occurred_at", "activities"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", "activities"."body" AS "body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE true AND ("activities"."occurred_at", "activities"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · kind eq · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", "activities"."body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE true AND "activities"."kind" = $1 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: ["call"]

-- admin · kind eq · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", "activities"."body" AS "body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE true AND "activities"."kind" = $1 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: ["call"]

-- admin · kind eq · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE true AND "activities"."kind" = $1 LIMIT $2) x;
-- params: ["call",1001]

-- admin · related list (contact_id eq) · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", "activities"."body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE true AND "activities"."contact_id" = $1 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [1]

-- admin · related list (contact_id eq) · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", "activities"."body" AS "body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE true AND "activities"."contact_id" = $1 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [1]

-- admin · related list (contact_id eq) · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE true AND "activities"."contact_id" = $1 LIMIT $2) x;
-- params: [1,1001]

-- admin · q · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", "activities"."body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE true AND "activities"."subject" ILIKE $1 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", "activities"."body" AS "body", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE true AND "activities"."subject" ILIKE $1 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE true AND "activities"."subject" ILIKE $1 LIMIT $2) x;
-- params: ["%acme 张伟%",1001]

-- own, body hidden · default page · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE "activities"."owner_id" = $1 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102]

-- own, body hidden · default page · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE "activities"."owner_id" = $1 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102]

-- own, body hidden · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE "activities"."owner_id" = $1 LIMIT $2) x;
-- params: [102,1001]

-- own, body hidden · subject contains, sorted by it · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."subject"::text AS _sort, "activities"."kind", "activities"."subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE "activities"."owner_id" = $1 AND "activities"."subject" ILIKE $2 AND true ORDER BY "activities"."subject" ASC, "activities"."id" ASC LIMIT 51;
-- params: [102,"%acme%"]

-- own, body hidden · subject contains, sorted by it · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."subject"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE "activities"."owner_id" = $1 AND "activities"."subject" ILIKE $2 AND true ORDER BY "activities"."subject" ASC, "activities"."id" ASC LIMIT 51;
-- params: [102,"%acme%"]

-- own, body hidden · subject contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE "activities"."owner_id" = $1 AND "activities"."subject" ILIKE $2 LIMIT $3) x;
-- params: [102,"%acme%",1001]

-- own, body hidden · next page · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE "activities"."owner_id" = $1 AND ("activities"."occurred_at", "activities"."id") < (CAST($2 AS timestamptz), $3) ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102,"2024-05-01T08:00:00.000Z",10]

-- own, body hidden · next page · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE "activities"."owner_id" = $1 AND ("activities"."occurred_at", "activities"."id") < (CAST($2 AS timestamptz), $3) ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102,"2024-05-01T08:00:00.000Z",10]

-- own, body hidden · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE "activities"."owner_id" = $1 LIMIT $2) x;
-- params: [102,1001]

-- own, body hidden · kind eq · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE "activities"."owner_id" = $1 AND "activities"."kind" = $2 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102,"call"]

-- own, body hidden · kind eq · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE "activities"."owner_id" = $1 AND "activities"."kind" = $2 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102,"call"]

-- own, body hidden · kind eq · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE "activities"."owner_id" = $1 AND "activities"."kind" = $2 LIMIT $3) x;
-- params: [102,"call",1001]

-- own, body hidden · related list (contact_id eq) · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE "activities"."owner_id" = $1 AND "activities"."contact_id" = $2 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102,1]

-- own, body hidden · related list (contact_id eq) · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE "activities"."owner_id" = $1 AND "activities"."contact_id" = $2 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102,1]

-- own, body hidden · related list (contact_id eq) · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE "activities"."owner_id" = $1 AND "activities"."contact_id" = $2 LIMIT $3) x;
-- params: [102,1,1001]

-- own, body hidden · q · list (typed columns)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, "activities"."kind", "activities"."subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes", "activities"."contact_id", "activities"."account_id", "activities"."owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "activities"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "activities"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "activities"."owner_id" AND true) AS "_ref_owner_id" FROM "activities"
    WHERE "activities"."owner_id" = $1 AND "activities"."subject" ILIKE $2 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102,"%acme 张伟%"]

-- own, body hidden · q · list (JSON rows)
SELECT "activities"."id" AS _id, "activities"."occurred_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "activities"."id" AS id, "activities"."kind" AS "kind", "activities"."subject" AS "subject", to_char("activities"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurred_at", "activities"."duration_minutes"::float8 AS "duration_minutes", "activities"."contact_id" AS "contact_id", "activities"."account_id" AS "account_id", "activities"."owner_id" AS "owner_id", to_char("activities"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("activities"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "activities"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "activities"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "activities"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "activities"
    WHERE "activities"."owner_id" = $1 AND "activities"."subject" ILIKE $2 AND true ORDER BY "activities"."occurred_at" DESC, "activities"."id" DESC LIMIT 51;
-- params: [102,"%acme 张伟%"]

-- own, body hidden · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "activities" WHERE "activities"."owner_id" = $1 AND "activities"."subject" ILIKE $2 LIMIT $3) x;
-- params: [102,"%acme 张伟%",1001]
