-- condition trees as records/conditions.ts compiles them, written by src/server/records/condition-snapshots.test.ts

-- accounts · admin · and / or / not
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE ("accounts"."industry" ILIKE $1 AND NOT coalesce(("accounts"."employees" >= $2 OR "accounts"."tags" && $3::text[]), false));
-- params: ["%retail%",100,["vip","new"]]

-- accounts · admin · a task due in the last 90 days
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE (EXISTS (SELECT 1 FROM "tasks" AS "cond_1" WHERE "cond_1"."account_id" = "accounts"."id" AND true AND ("cond_1"."due_at" >= $1)));
-- params: ["2024-02-01T00:00:00.000Z"]

-- accounts · admin · no open task
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE (NOT EXISTS (SELECT 1 FROM "tasks" AS "cond_1" WHERE "cond_1"."account_id" = "accounts"."id" AND true AND ("cond_1"."status" = $1)));
-- params: ["open"]

-- accounts · admin · more than 2 activities
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE ((SELECT count(*) FROM "activities" AS "cond_1" WHERE "cond_1"."account_id" = "accounts"."id" AND true AND true) > $1);
-- params: [2]

-- accounts · admin · activity minutes over 60
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE ((SELECT coalesce(sum("cond_1"."duration_minutes"), 0) FROM "activities" AS "cond_1" WHERE "cond_1"."account_id" = "accounts"."id" AND true AND true) > CAST($1 AS numeric));
-- params: ["60"]

-- accounts · own records · and / or / not
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE ("accounts"."industry" ILIKE $1 AND NOT coalesce(("accounts"."employees" >= $2 OR "accounts"."tags" && $3::text[]), false));
-- params: ["%retail%",100,["vip","new"]]

-- accounts · own records · a task due in the last 90 days
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE (EXISTS (SELECT 1 FROM "tasks" AS "cond_1" WHERE "cond_1"."account_id" = "accounts"."id" AND "cond_1"."owner_id" = $1 AND ("cond_1"."due_at" >= $2)));
-- params: [102,"2024-02-01T00:00:00.000Z"]

-- accounts · own records · no open task
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE (NOT EXISTS (SELECT 1 FROM "tasks" AS "cond_1" WHERE "cond_1"."account_id" = "accounts"."id" AND "cond_1"."owner_id" = $1 AND ("cond_1"."status" = $2)));
-- params: [102,"open"]

-- accounts · own records · more than 2 activities
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE ((SELECT count(*) FROM "activities" AS "cond_1" WHERE "cond_1"."account_id" = "accounts"."id" AND "cond_1"."owner_id" = $1 AND true) > $2);
-- params: [102,2]

-- accounts · own records · activity minutes over 60
SELECT "accounts"."id" FROM "accounts" AS "accounts" WHERE ((SELECT coalesce(sum("cond_1"."duration_minutes"), 0) FROM "activities" AS "cond_1" WHERE "cond_1"."account_id" = "accounts"."id" AND "cond_1"."owner_id" = $1 AND true) > CAST($2 AS numeric));
-- params: [102,"60"]
