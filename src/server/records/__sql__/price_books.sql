-- price_books: the record engine's statements, written by src/server/records/sql-snapshots.test.ts

-- admin · default page · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."description", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND true ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: []

-- admin · default page · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."description" AS "description", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND true ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: []

-- admin · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "price_books" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · name contains, sorted by it · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."sort_key"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."description", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND "price_books"."name" ILIKE $1 AND "price_books"."sort_key" IS NOT NULL ORDER BY "price_books"."sort_key" ASC, "price_books"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."sort_key"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."description", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND "price_books"."name" ILIKE $1 AND "price_books"."sort_key" IS NULL ORDER BY "price_books"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."description" AS "description", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND "price_books"."name" ILIKE $1 AND "price_books"."sort_key" IS NOT NULL ORDER BY "price_books"."sort_key" ASC, "price_books"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."description" AS "description", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND "price_books"."name" ILIKE $1 AND "price_books"."sort_key" IS NULL ORDER BY "price_books"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- admin · name contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "price_books" WHERE true AND "price_books"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme%",1001]

-- admin · next page · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."description", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND ("price_books"."created_at", "price_books"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."description" AS "description", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND ("price_books"."created_at", "price_books"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- admin · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "price_books" WHERE true LIMIT $1) x;
-- params: [1001]

-- admin · q · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."description", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND ("price_books"."search_tokens" @> $1::int4[] AND "price_books"."search_text" LIKE ALL ($2::text[])) AND true ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: [[1949938739,631437122,-165019253],["%acme%","%张伟%"]]

-- admin · q · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."description" AS "description", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND ("price_books"."search_tokens" @> $1::int4[] AND "price_books"."search_text" LIKE ALL ($2::text[])) AND true ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: [[1949938739,631437122,-165019253],["%acme%","%张伟%"]]

-- admin · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "price_books" WHERE true AND ("price_books"."search_tokens" @> $1::int4[] AND "price_books"."search_text" LIKE ALL ($2::text[])) LIMIT $3) x;
-- params: [[1949938739,631437122,-165019253],["%acme%","%张伟%"],1001]

-- admin · global search
(SELECT id, "name" AS title, "price_books"."currency" AS "s0"
    FROM "price_books" WHERE split_part(search_text, E'\x01', 1) = $1 AND true
    ORDER BY id DESC LIMIT $2) UNION ALL (SELECT id, "name" AS title, "price_books"."currency" AS "s0"
    FROM "price_books" WHERE split_part(search_text, E'\x01', 1) ~>=~ $3 AND split_part(search_text, E'\x01', 1) ~<~ $4 AND true
    ORDER BY split_part(search_text, E'\x01', 1), id LIMIT $5) UNION ALL (SELECT id, "name" AS title, "price_books"."currency" AS "s0"
    FROM "price_books" WHERE ("price_books"."search_tokens" @> $6::int4[] AND "price_books"."search_text" LIKE ALL ($7::text[])) AND true
    ORDER BY id DESC LIMIT $8);
-- params: ["acme 张伟",20,"acme 张伟","acme 张伟􏿿",20,[1949938739,631437122,-165019253],["%acme%","%张伟%"],200]

-- own, description hidden · default page · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND true ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: []

-- own, description hidden · default page · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND true ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: []

-- own, description hidden · default page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "price_books" WHERE true LIMIT $1) x;
-- params: [1001]

-- own, description hidden · name contains, sorted by it · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."sort_key"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND "price_books"."name" ILIKE $1 AND "price_books"."sort_key" IS NOT NULL ORDER BY "price_books"."sort_key" ASC, "price_books"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, description hidden · name contains, sorted by it · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."sort_key"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND "price_books"."name" ILIKE $1 AND "price_books"."sort_key" IS NULL ORDER BY "price_books"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, description hidden · name contains, sorted by it · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND "price_books"."name" ILIKE $1 AND "price_books"."sort_key" IS NOT NULL ORDER BY "price_books"."sort_key" ASC, "price_books"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, description hidden · name contains, sorted by it · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."sort_key"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND "price_books"."name" ILIKE $1 AND "price_books"."sort_key" IS NULL ORDER BY "price_books"."id" ASC LIMIT 51;
-- params: ["%acme%"]

-- own, description hidden · name contains, sorted by it · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "price_books" WHERE true AND "price_books"."name" ILIKE $1 LIMIT $2) x;
-- params: ["%acme%",1001]

-- own, description hidden · next page · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND ("price_books"."created_at", "price_books"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- own, description hidden · next page · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND ("price_books"."created_at", "price_books"."id") < (CAST($1 AS timestamptz), $2) ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: ["2024-05-01T08:00:00.000Z",10]

-- own, description hidden · next page · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "price_books" WHERE true LIMIT $1) x;
-- params: [1001]

-- own, description hidden · q · list (typed columns)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, "price_books"."name", "price_books"."currency", "price_books"."valid_from", "price_books"."valid_to", "price_books"."active", "price_books"."is_default", "price_books"."priority", "price_books"."created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", (SELECT r."name" FROM "users" r WHERE r.id = "price_books"."created_by" AND true) AS "_ref_created_by" FROM "price_books"
    WHERE true AND ("price_books"."search_tokens" @> $1::int4[] AND regexp_replace("price_books"."search_text", $2, '', 'g') LIKE ALL ($3::text[])) AND true ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: [[1949938739,631437122,-165019253],"\u0001(?:HRM|(?![A-Z]))[^\u0001]*",["%acme%","%张伟%"]]

-- own, description hidden · q · list (JSON rows)
SELECT "price_books"."id" AS _id, "price_books"."created_at"::text AS _sort, (SELECT row_to_json(x) FROM (SELECT "price_books"."id" AS id, "price_books"."name" AS "name", "price_books"."currency" AS "currency", "price_books"."valid_from" AS "valid_from", "price_books"."valid_to" AS "valid_to", "price_books"."active" AS "active", "price_books"."is_default" AS "is_default", "price_books"."priority"::float8 AS "priority", "price_books"."created_by" AS "created_by", to_char("price_books"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "created_at", to_char("price_books"."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updated_at", json_strip_nulls(json_build_object('created_by', (SELECT json_build_object('id', r.id, 'title', "r"."name") FROM "users" r
        WHERE r.id = "price_books"."created_by" AND "r"."name" IS NOT NULL AND true))) AS refs) x)::text AS _json FROM "price_books"
    WHERE true AND ("price_books"."search_tokens" @> $1::int4[] AND regexp_replace("price_books"."search_text", $2, '', 'g') LIKE ALL ($3::text[])) AND true ORDER BY "price_books"."created_at" DESC, "price_books"."id" DESC LIMIT 51;
-- params: [[1949938739,631437122,-165019253],"\u0001(?:HRM|(?![A-Z]))[^\u0001]*",["%acme%","%张伟%"]]

-- own, description hidden · q · count
SELECT count(*)::int AS n FROM (SELECT 1 FROM "price_books" WHERE true AND ("price_books"."search_tokens" @> $1::int4[] AND regexp_replace("price_books"."search_text", $2, '', 'g') LIKE ALL ($3::text[])) LIMIT $4) x;
-- params: [[1949938739,631437122,-165019253],"\u0001(?:HRM|(?![A-Z]))[^\u0001]*",["%acme%","%张伟%"],1001]

-- own, description hidden · global search
(SELECT id, "name" AS title, "price_books"."currency" AS "s0"
    FROM "price_books" WHERE split_part(search_text, E'\x01', 1) = $1 AND true
    ORDER BY id DESC LIMIT $2) UNION ALL (SELECT id, "name" AS title, "price_books"."currency" AS "s0"
    FROM "price_books" WHERE split_part(search_text, E'\x01', 1) ~>=~ $3 AND split_part(search_text, E'\x01', 1) ~<~ $4 AND true
    ORDER BY split_part(search_text, E'\x01', 1), id LIMIT $5) UNION ALL (SELECT id, "name" AS title, "price_books"."currency" AS "s0"
    FROM "price_books" WHERE ("price_books"."search_tokens" @> $6::int4[] AND regexp_replace("price_books"."search_text", $7, '', 'g') LIKE ALL ($8::text[])) AND true
    ORDER BY id DESC LIMIT $9);
-- params: ["acme 张伟",20,"acme 张伟","acme 张伟􏿿",20,[1949938739,631437122,-165019253],"\u0001(?:HRM|(?![A-Z]))[^\u0001]*",["%acme%","%张伟%"],200]
