-- tasks: the record engine's statements, written by src/server/records/sql-snapshots.test.ts

-- admin · default page · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."description", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE true AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: []

-- admin · default page · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."description" AS "description", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE true AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: []

-- admin · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · title contains, sorted by it · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."title"::text AS _sort, "tasks"."title", "tasks"."description", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE true AND "tasks"."title" ILIKE $1 AND true ORDER BY "tasks"."title" ASC, "tasks"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · title contains, sorted by it · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."title"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."description" AS "description", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE true AND "tasks"."title" ILIKE $1 AND true ORDER BY "tasks"."title" ASC, "tasks"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · title contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE true AND "tasks"."title" ILIKE $1 LIMIT $2) x;
-- params: ["%acme%",1001]

-- admin · next page · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."description", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE true AND ("tasks"."created_at", "tasks"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."description" AS "description", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE true AND ("tasks"."created_at", "tasks"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · status eq · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."description", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE true AND "tasks"."status" = $1 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: ["open"]

-- admin · status eq · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."description" AS "description", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE true AND "tasks"."status" = $1 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: ["open"]

-- admin · status eq · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE true AND "tasks"."status" = $1 LIMIT $2) x;
-- params: ["open",1001]

-- admin · related list (contact_id eq) · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."description", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE true AND "tasks"."contact_id" = $1 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [1]

-- admin · related list (contact_id eq) · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."description" AS "description", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE true AND "tasks"."contact_id" = $1 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [1]

-- admin · related list (contact_id eq) · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE true AND "tasks"."contact_id" = $1 LIMIT $2) x;
-- params: [1,1001]

-- admin · q · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."description", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND true) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND true) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE true AND "tasks"."title" ILIKE $1 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."description" AS "description", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND true), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND true), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE true AND "tasks"."title" ILIKE $1 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE true AND "tasks"."title" ILIKE $1 LIMIT $2) x;
-- params: ["%acme 张伟%",1001]

-- own, description hidden · default page · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102]

-- own, description hidden · default page · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102]

-- own, description hidden · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE "tasks"."owner_id" = $1 LIMIT $2) x;
-- params: [102,1001]

-- own, description hidden · title contains, sorted by it · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."title"::text AS _sort, "tasks"."title", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND "tasks"."title" ILIKE $2 AND true ORDER BY "tasks"."title" ASC, "tasks"."id" ASC LIMIT 51;
-- params: [102,"%acme%"]

-- own, description hidden · title contains, sorted by it · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."title"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND "tasks"."title" ILIKE $2 AND true ORDER BY "tasks"."title" ASC, "tasks"."id" ASC LIMIT 51;
-- params: [102,"%acme%"]

-- own, description hidden · title contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE "tasks"."owner_id" = $1 AND "tasks"."title" ILIKE $2 LIMIT $3) x;
-- params: [102,"%acme%",1001]

-- own, description hidden · next page · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND ("tasks"."created_at", "tasks"."id") < (CAST($2 AS timestamptz), $3) ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102,"2024-05-01T08:00:00.000Z",10]

-- own, description hidden · next page · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND ("tasks"."created_at", "tasks"."id") < (CAST($2 AS timestamptz), $3) ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102,"2024-05-01T08:00:00.000Z",10]

-- own, description hidden · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE "tasks"."owner_id" = $1 LIMIT $2) x;
-- params: [102,1001]

-- own, description hidden · status eq · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND "tasks"."status" = $2 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102,"open"]

-- own, description hidden · status eq · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND "tasks"."status" = $2 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102,"open"]

-- own, description hidden · status eq · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE "tasks"."owner_id" = $1 AND "tasks"."status" = $2 LIMIT $3) x;
-- params: [102,"open",1001]

-- own, description hidden · related list (contact_id eq) · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND "tasks"."contact_id" = $2 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102,1]

-- own, description hidden · related list (contact_id eq) · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND "tasks"."contact_id" = $2 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102,1]

-- own, description hidden · related list (contact_id eq) · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE "tasks"."owner_id" = $1 AND "tasks"."contact_id" = $2 LIMIT $3) x;
-- params: [102,1,1001]

-- own, description hidden · q · list (typed columns)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, "tasks"."title", "tasks"."status", "tasks"."priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id", "tasks"."account_id", "tasks"."owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "contacts" r WHERE r.id = "tasks"."contact_id" AND "r"."owner_id" = 102) AS "_ref_contact_id", (SELECT r."name" FROM "accounts" r WHERE r.id = "tasks"."account_id" AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))) AS "_ref_account_id", (SELECT r."name" FROM "users" r WHERE r.id = "tasks"."owner_id" AND true) AS "_ref_owner_id" FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND "tasks"."title" ILIKE $2 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102,"%acme 张伟%"]

-- own, description hidden · q · list (JSON rows)
SELECT "tasks"."id" AS _id, "tasks"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "tasks"."id" AS id, "tasks"."title" AS "title", "tasks"."status" AS "status", "tasks"."priority" AS "priority", to_char("tasks"."due_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "due_at", to_char("tasks"."reminder_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reminder_at", "tasks"."contact_id" AS "contact_id", "tasks"."account_id" AS "account_id", "tasks"."owner_id" AS "owner_id", to_char("tasks"."completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completed_at", to_char("tasks"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("tasks"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('contact_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "contacts" r
        WHERE r.id = "tasks"."contact_id" AND "r"."name" IS NOT NULL AND "r"."owner_id" = 102), 'account_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "accounts" r
        WHERE r.id = "tasks"."account_id" AND "r"."name" IS NOT NULL AND ("r"."owner_id" = 102 OR "r"."territory_id" IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = 102
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = 102 AND m.role = 'manager'))))), 'owner_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "tasks"."owner_id" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "tasks"
    WHERE "tasks"."owner_id" = $1 AND "tasks"."title" ILIKE $2 AND true ORDER BY "tasks"."created_at" DESC, "tasks"."id" DESC LIMIT 51;
-- params: [102,"%acme 张伟%"]

-- own, description hidden · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "tasks" WHERE "tasks"."owner_id" = $1 AND "tasks"."title" ILIKE $2 LIMIT $3) x;
-- params: [102,"%acme 张伟%",1001]
