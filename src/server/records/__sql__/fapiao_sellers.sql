-- fapiao_sellers: the record engine's statements, written by src/server/records/sql-snapshots.test.ts

-- admin · default page · list (typed columns)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, "fapiao_sellers"."name", "fapiao_sellers"."tax_id", "fapiao_sellers"."address_phone", "fapiao_sellers"."bank_account", "fapiao_sellers"."is_default", "fapiao_sellers"."active", "fapiao_sellers"."created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "fapiao_sellers"."created_by" AND true) AS "_ref_created_by" FROM "fapiao_sellers"
    WHERE true AND true ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: []

-- admin · default page · list (JSON rows)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "fapiao_sellers"."id" AS id, "fapiao_sellers"."name" AS "name", "fapiao_sellers"."tax_id" AS "tax_id", "fapiao_sellers"."address_phone" AS "address_phone", "fapiao_sellers"."bank_account" AS "bank_account", "fapiao_sellers"."is_default" AS "is_default", "fapiao_sellers"."active" AS "active", "fapiao_sellers"."created_by" AS "created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "fapiao_sellers"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "fapiao_sellers"
    WHERE true AND true ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: []

-- admin · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "fapiao_sellers" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · name contains, sorted by it · list (typed columns)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."name"::text AS _sort, "fapiao_sellers"."name", "fapiao_sellers"."tax_id", "fapiao_sellers"."address_phone", "fapiao_sellers"."bank_account", "fapiao_sellers"."is_default", "fapiao_sellers"."active", "fapiao_sellers"."created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "fapiao_sellers"."created_by" AND true) AS "_ref_created_by" FROM "fapiao_sellers"
    WHERE true AND "fapiao_sellers"."name" ILIKE $1 AND true ORDER BY "fapiao_sellers"."name" ASC, "fapiao_sellers"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · list (JSON rows)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."name"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "fapiao_sellers"."id" AS id, "fapiao_sellers"."name" AS "name", "fapiao_sellers"."tax_id" AS "tax_id", "fapiao_sellers"."address_phone" AS "address_phone", "fapiao_sellers"."bank_account" AS "bank_account", "fapiao_sellers"."is_default" AS "is_default", "fapiao_sellers"."active" AS "active", "fapiao_sellers"."created_by" AS "created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "fapiao_sellers"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "fapiao_sellers"
    WHERE true AND "fapiao_sellers"."name" ILIKE $1 AND true ORDER BY "fapiao_sellers"."name" ASC, "fapiao_sellers"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "fapiao_sellers" WHERE true AND "fapiao_sellers"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme%",1001]

-- admin · next page · list (typed columns)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, "fapiao_sellers"."name", "fapiao_sellers"."tax_id", "fapiao_sellers"."address_phone", "fapiao_sellers"."bank_account", "fapiao_sellers"."is_default", "fapiao_sellers"."active", "fapiao_sellers"."created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "fapiao_sellers"."created_by" AND true) AS "_ref_created_by" FROM "fapiao_sellers"
    WHERE true AND ("fapiao_sellers"."created_at", "fapiao_sellers"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · list (JSON rows)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "fapiao_sellers"."id" AS id, "fapiao_sellers"."name" AS "name", "fapiao_sellers"."tax_id" AS "tax_id", "fapiao_sellers"."address_phone" AS "address_phone", "fapiao_sellers"."bank_account" AS "bank_account", "fapiao_sellers"."is_default" AS "is_default", "fapiao_sellers"."active" AS "active", "fapiao_sellers"."created_by" AS "created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "fapiao_sellers"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "fapiao_sellers"
    WHERE true AND ("fapiao_sellers"."created_at", "fapiao_sellers"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "fapiao_sellers" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · q · list (typed columns)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, "fapiao_sellers"."name", "fapiao_sellers"."tax_id", "fapiao_sellers"."address_phone", "fapiao_sellers"."bank_account", "fapiao_sellers"."is_default", "fapiao_sellers"."active", "fapiao_sellers"."created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "fapiao_sellers"."created_by" AND true) AS "_ref_created_by" FROM "fapiao_sellers"
    WHERE true AND "fapiao_sellers"."name" ILIKE $1 AND true ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · list (JSON rows)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "fapiao_sellers"."id" AS id, "fapiao_sellers"."name" AS "name", "fapiao_sellers"."tax_id" AS "tax_id", "fapiao_sellers"."address_phone" AS "address_phone", "fapiao_sellers"."bank_account" AS "bank_account", "fapiao_sellers"."is_default" AS "is_default", "fapiao_sellers"."active" AS "active", "fapiao_sellers"."created_by" AS "created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "fapiao_sellers"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "fapiao_sellers"
    WHERE true AND "fapiao_sellers"."name" ILIKE $1 AND true ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: ["%acme 张伟%"]

-- admin · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "fapiao_sellers" WHERE true AND "fapiao_sellers"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme 张伟%",1001]

-- own, bank_account hidden · default page · list (typed columns)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, "fapiao_sellers"."name", "fapiao_sellers"."tax_id", "fapiao_sellers"."address_phone", "fapiao_sellers"."is_default", "fapiao_sellers"."active", "fapiao_sellers"."created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "fapiao_sellers"."created_by" AND true) AS "_ref_created_by" FROM "fapiao_sellers"
    WHERE true AND true ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: []

-- own, bank_account hidden · default page · list (JSON rows)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "fapiao_sellers"."id" AS id, "fapiao_sellers"."name" AS "name", "fapiao_sellers"."tax_id" AS "tax_id", "fapiao_sellers"."address_phone" AS "address_phone", "fapiao_sellers"."is_default" AS "is_default", "fapiao_sellers"."active" AS "active", "fapiao_sellers"."created_by" AS "created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "fapiao_sellers"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "fapiao_sellers"
    WHERE true AND true ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: []

-- own, bank_account hidden · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "fapiao_sellers" WHERE true LIMIT $1) x;
-- params: [1001]

-- own, bank_account hidden · name contains, sorted by it · list (typed columns)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."name"::text AS _sort, "fapiao_sellers"."name", "fapiao_sellers"."tax_id", "fapiao_sellers"."address_phone", "fapiao_sellers"."is_default", "fapiao_sellers"."active", "fapiao_sellers"."created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "fapiao_sellers"."created_by" AND true) AS "_ref_created_by" FROM "fapiao_sellers"
    WHERE true AND "fapiao_sellers"."name" ILIKE $1 AND true ORDER BY "fapiao_sellers"."name" ASC, "fapiao_sellers"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, bank_account hidden · name contains, sorted by it · list (JSON rows)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."name"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "fapiao_sellers"."id" AS id, "fapiao_sellers"."name" AS "name", "fapiao_sellers"."tax_id" AS "tax_id", "fapiao_sellers"."address_phone" AS "address_phone", "fapiao_sellers"."is_default" AS "is_default", "fapiao_sellers"."active" AS "active", "fapiao_sellers"."created_by" AS "created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "fapiao_sellers"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "fapiao_sellers"
    WHERE true AND "fapiao_sellers"."name" ILIKE $1 AND true ORDER BY "fapiao_sellers"."name" ASC, "fapiao_sellers"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, bank_account hidden · name contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "fapiao_sellers" WHERE true AND "fapiao_sellers"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme%",1001]

-- own, bank_account hidden · next page · list (typed columns)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, "fapiao_sellers"."name", "fapiao_sellers"."tax_id", "fapiao_sellers"."address_phone", "fapiao_sellers"."is_default", "fapiao_sellers"."active", "fapiao_sellers"."created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "fapiao_sellers"."created_by" AND true) AS "_ref_created_by" FROM "fapiao_sellers"
    WHERE true AND ("fapiao_sellers"."created_at", "fapiao_sellers"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- own, bank_account hidden · next page · list (JSON rows)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "fapiao_sellers"."id" AS id, "fapiao_sellers"."name" AS "name", "fapiao_sellers"."tax_id" AS "tax_id", "fapiao_sellers"."address_phone" AS "address_phone", "fapiao_sellers"."is_default" AS "is_default", "fapiao_sellers"."active" AS "active", "fapiao_sellers"."created_by" AS "created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "fapiao_sellers"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "fapiao_sellers"
    WHERE true AND ("fapiao_sellers"."created_at", "fapiao_sellers"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- own, bank_account hidden · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "fapiao_sellers" WHERE true LIMIT $1) x;
-- params: [1001]

-- own, bank_account hidden · q · list (typed columns)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, "fapiao_sellers"."name", "fapiao_sellers"."tax_id", "fapiao_sellers"."address_phone", "fapiao_sellers"."is_default", "fapiao_sellers"."active", "fapiao_sellers"."created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "fapiao_sellers"."created_by" AND true) AS "_ref_created_by" FROM "fapiao_sellers"
    WHERE true AND "fapiao_sellers"."name" ILIKE $1 AND true ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: ["%acme 张伟%"]

-- own, bank_account hidden · q · list (JSON rows)
SELECT "fapiao_sellers"."id" AS _id, "fapiao_sellers"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "fapiao_sellers"."id" AS id, "fapiao_sellers"."name" AS "name", "fapiao_sellers"."tax_id" AS "tax_id", "fapiao_sellers"."address_phone" AS "address_phone", "fapiao_sellers"."is_default" AS "is_default", "fapiao_sellers"."active" AS "active", "fapiao_sellers"."created_by" AS "created_by", to_char("fapiao_sellers"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("fapiao_sellers"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "fapiao_sellers"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "fapiao_sellers"
    WHERE true AND "fapiao_sellers"."name" ILIKE $1 AND true ORDER BY "fapiao_sellers"."created_at" DESC, "fapiao_sellers"."id" DESC LIMIT 51;
-- params: ["%acme 张伟%"]

-- own, bank_account hidden · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "fapiao_sellers" WHERE true AND "fapiao_sellers"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme 张伟%",1001]
