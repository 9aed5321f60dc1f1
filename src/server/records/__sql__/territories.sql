-- territories: the record engine's statements, written by src/server/records/sql-snapshots.test.ts

-- admin · default page · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: []

-- admin · default page · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: []

-- admin · default page · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: []

-- admin · default page · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: []

-- admin · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · name contains, sorted by it · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true AND "territories"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme%",1001]

-- admin · next page · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND ("territories"."sort_key", "territories"."id") > ($1, $2) ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: []

-- admin · next page · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND ("territories"."sort_key", "territories"."id") > ($1, $2) ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: []

-- admin · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · related list (parent_id eq) · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."parent_id" = $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: [1]

-- admin · related list (parent_id eq) · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."parent_id" = $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: [1]

-- admin · related list (parent_id eq) · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."parent_id" = $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: [1]

-- admin · related list (parent_id eq) · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."parent_id" = $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: [1]

-- admin · related list (parent_id eq) · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true AND "territories"."parent_id" = $1 LIMIT $2) x;
-- params: [1,1001]

-- admin · q · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."description", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."description" AS "description", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true AND "territories"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme 张伟%",1001]

-- own, description hidden · default page · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: []

-- own, description hidden · default page · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: []

-- own, description hidden · default page · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: []

-- own, description hidden · default page · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: []

-- own, description hidden · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true LIMIT $1) x;
-- params: [1001]

-- own, description hidden · name contains, sorted by it · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, description hidden · name contains, sorted by it · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, description hidden · name contains, sorted by it · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, description hidden · name contains, sorted by it · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, description hidden · name contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true AND "territories"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme%",1001]

-- own, description hidden · next page · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND ("territories"."sort_key", "territories"."id") > ($1, $2) ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- own, description hidden · next page · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: []

-- own, description hidden · next page · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND ("territories"."sort_key", "territories"."id") > ($1, $2) ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- own, description hidden · next page · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: []

-- own, description hidden · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true LIMIT $1) x;
-- params: [1001]

-- own, description hidden · related list (parent_id eq) · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."parent_id" = $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: [1]

-- own, description hidden · related list (parent_id eq) · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."parent_id" = $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: [1]

-- own, description hidden · related list (parent_id eq) · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."parent_id" = $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: [1]

-- own, description hidden · related list (parent_id eq) · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."parent_id" = $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: [1]

-- own, description hidden · related list (parent_id eq) · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true AND "territories"."parent_id" = $1 LIMIT $2) x;
-- params: [1,1001]

-- own, description hidden · q · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["%acme 张伟%"]

-- own, description hidden · q · list (typed columns)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, "territories"."name", "territories"."code", "territories"."parent_id", "territories"."manager_id", "territories"."priority", "territories"."active", "territories"."depth", "territories"."created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "territories" r WHERE r.id = "territories"."parent_id" AND true) AS "_ref_parent_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."manager_id" AND true) AS "_ref_manager_id", (SELECT r."name" FROM "users" r WHERE r.id = "territories"."created_by" AND true) AS "_ref_created_by" FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: ["%acme 张伟%"]

-- own, description hidden · q · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NOT NULL ORDER BY "territories"."sort_key" ASC, "territories"."id" ASC LIMIT 51;
-- params: ["%acme 张伟%"]

-- own, description hidden · q · list (JSON rows)
SELECT "territories"."id" AS _id, "territories"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "territories"."id" AS id, "territories"."name" AS "name", "territories"."code" AS "code", "territories"."parent_id" AS "parent_id", "territories"."manager_id" AS "manager_id", "territories"."priority"::float8 AS "priority", "territories"."active" AS "active", "territories"."depth"::float8 AS "depth", "territories"."created_by" AS "created_by", to_char("territories"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("territories"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('parent_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "territories" r
        WHERE r.id = "territories"."parent_id" AND "r"."name" IS NOT NULL AND true), 'manager_id', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."manager_id" AND "r"."name" IS NOT NULL AND true), 'created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "territories"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "territories"
    WHERE true AND "territories"."name" ILIKE $1 AND "territories"."sort_key" IS NULL ORDER BY "territories"."id" ASC LIMIT 51;
-- params: ["%acme 张伟%"]

-- own, description hidden · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "territories" WHERE true AND "territories"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme 张伟%",1001]
