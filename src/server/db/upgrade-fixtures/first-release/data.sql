-- Representative data of a first-release install, written in that release's schema (001 and the
-- ORIGINAL 002 beside this file, taken from the first commit): the roles its bootstrap created
-- (a field rule added by an administrator), users in every role (password "first-release-pw1"),
-- teams, custom fields of every type with the indexes that release created, records in
-- Simplified Chinese, Traditional Chinese and English with its search documents (text tokens),
-- activities, tasks, a saved view, an API key, an import with its file and errors, a merge and a
-- delete as that release audited them. Ids are explicit; sequences are moved past them at the end.
INSERT INTO roles (key, name, permissions) VALUES
  ('admin', 'Administrator', '{"visibility":{"*":"all"},"can":{"admin":true,"write":true,"import":true,"export":true,"delete":true}}'),
  ('manager', 'Sales manager', '{"visibility":{"*":"team"},"can":{"write":true,"import":true,"export":true,"delete":true}}'),
  ('sales', 'Sales rep', '{"visibility":{"*":"own"},"can":{"write":true,"export":true},"field_rules":{"contacts":{"credit_limit":"hidden"}}}'),
  ('service', 'Service agent', '{"visibility":{"*":"own"},"can":{"write":true}}'),
  ('marketing', 'Marketing', '{"visibility":{"*":"all"},"can":{"write":true,"import":true,"export":true}}'),
  ('readonly', 'Read-only', '{"visibility":{"*":"all"},"can":{}}');

INSERT INTO teams (id, name) VALUES (1, '华东销售'), (2, '北區業務');
INSERT INTO users (id, email, name, password_hash, role, team_id, locale) VALUES
  (1, 'admin@first.example', '管理员', 'scrypt$16384$8$1$Z3VhbnhpLWZpcnN0LXJlbA==$ieu9t7E/6tPhh+i8AnAYhVwVZM+k3kwLKbbShviiWCY=', 'admin', NULL, 'zh-CN'),
  (2, 'manager@first.example', '王经理', 'scrypt$16384$8$1$Z3VhbnhpLWZpcnN0LXJlbA==$ieu9t7E/6tPhh+i8AnAYhVwVZM+k3kwLKbbShviiWCY=', 'manager', 1, 'zh-CN'),
  (3, 'sales@first.example', '李销售', 'scrypt$16384$8$1$Z3VhbnhpLWZpcnN0LXJlbA==$ieu9t7E/6tPhh+i8AnAYhVwVZM+k3kwLKbbShviiWCY=', 'sales', 1, 'zh-CN'),
  (4, 'service@first.example', '陳客服', 'scrypt$16384$8$1$Z3VhbnhpLWZpcnN0LXJlbA==$ieu9t7E/6tPhh+i8AnAYhVwVZM+k3kwLKbbShviiWCY=', 'service', 2, 'zh-TW'),
  (5, 'marketing@first.example', 'Mary Market', 'scrypt$16384$8$1$Z3VhbnhpLWZpcnN0LXJlbA==$ieu9t7E/6tPhh+i8AnAYhVwVZM+k3kwLKbbShviiWCY=', 'marketing', NULL, 'en'),
  (6, 'readonly@first.example', 'Rita Reader', 'scrypt$16384$8$1$Z3VhbnhpLWZpcnN0LXJlbA==$ieu9t7E/6tPhh+i8AnAYhVwVZM+k3kwLKbbShviiWCY=', 'readonly', NULL, 'en');
UPDATE teams SET manager_id = 2 WHERE id = 1;
INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('00aa', 1, now() + interval '7 days');
-- Token "gx_firstreleaseapikey0000000000000000" (sha256 below).
INSERT INTO api_keys (id, user_id, name, prefix, token_hash) VALUES
  (1, 5, 'newsletter sync', 'gx_first', 'f1211c08ee0208f79a695e7bec1f569e45ae10eed49f9504af2b730df920498f');
INSERT INTO login_history (user_id, email, success, ip) VALUES (1, 'admin@first.example', true, '127.0.0.1'), (NULL, 'nobody@first.example', false, '127.0.0.1');

INSERT INTO custom_fields (id, object, key, label, labels, type, options, required, link, position) VALUES
  (1, 'contacts', 'cf_nickname', 'Nickname', '{"zh-CN":"昵称","zh-TW":"暱稱"}', 'text', '[]', false, NULL, 1),
  (2, 'contacts', 'cf_bio', 'Bio', '{}', 'longtext', '[]', false, NULL, 2),
  (3, 'contacts', 'cf_points', 'Points', '{}', 'number', '[]', false, NULL, 3),
  (4, 'contacts', 'cf_deposit', 'Deposit', '{}', 'money', '[]', false, NULL, 4),
  (5, 'contacts', 'cf_first_visit', 'First visit', '{}', 'date', '[]', false, NULL, 5),
  (6, 'contacts', 'cf_vip', 'VIP', '{}', 'boolean', '[]', false, NULL, 6),
  (7, 'contacts', 'cf_channel', 'Channel', '{}', 'select', '[{"value":"wechat","labels":{"zh-CN":"微信"}},{"value":"shop"}]', false, NULL, 7),
  (8, 'contacts', 'cf_hobbies', 'Hobbies', '{}', 'multiselect', '[{"value":"tea"},{"value":"golf"}]', false, NULL, 8),
  (9, 'contacts', 'cf_referrer', 'Referred by', '{}', 'link', '[]', false, 'accounts', 9);
CREATE INDEX IF NOT EXISTS contacts_cf_nickname_idx ON contacts (((custom ->> 'cf_nickname')), id);
CREATE INDEX IF NOT EXISTS contacts_cf_points_idx ON contacts (((custom ->> 'cf_points')::numeric), id);
CREATE INDEX IF NOT EXISTS contacts_cf_deposit_idx ON contacts (((custom ->> 'cf_deposit')::numeric), id);
CREATE INDEX IF NOT EXISTS contacts_cf_first_visit_idx ON contacts (((custom ->> 'cf_first_visit')), id);
CREATE INDEX IF NOT EXISTS contacts_cf_vip_idx ON contacts (((custom ->> 'cf_vip')), id);
CREATE INDEX IF NOT EXISTS contacts_cf_channel_idx ON contacts (((custom ->> 'cf_channel')), id);
CREATE INDEX IF NOT EXISTS contacts_cf_referrer_idx ON contacts (((custom ->> 'cf_referrer')), id);

INSERT INTO accounts (id, name, city, phone, phone_key, credit_limit, owner_id, tags, search_text, search_tokens, created_by) VALUES
  (1, '上海贸易有限公司', '上海', '021 6888 1234', '02168881234', 500000, 3, '{重点}', '上海贸易有限公司 上海', '{上海,贸易,有限,公司,shanghai}', 1),
  (2, '臺北貿易股份有限公司', '臺北', '02 2345 6789', '0223456789', NULL, 4, '{}', '臺北貿易股份有限公司 臺北', '{臺北,貿易,股份,有限,公司}', 1),
  (3, 'Acme Trading Ltd', 'London', NULL, NULL, NULL, 5, '{}', 'acme trading ltd london', '{acme,trading,ltd,london}', 5);

INSERT INTO contacts (id, name, family_name, given_name, name_order, mobile, mobile_key, email, account_id, credit_limit, owner_id, tags, custom, search_text, search_tokens, created_by) VALUES
  (1, '张三', '张', '三', 'eastern', '139 1234 5678', '13912345678', NULL, 1, 20000, 3, '{老客户}',
   '{"cf_nickname":"小张","cf_bio":"喜欢喝茶","cf_points":120,"cf_deposit":"99.50","cf_first_visit":"2025-03-01","cf_vip":true,"cf_channel":"wechat","cf_hobbies":["tea"],"cf_referrer":2}',
   '张三 zhangsan', '{张三,张,三,zhangsan}', 3),
  (2, '陳大文', '陳', '大文', 'eastern', '0912 345 678', '0912345678', 'tai.man@example.tw', 2, NULL, 4, '{}', '{}', '陳大文 chen', '{陳大文,陳,大文}', 4),
  (3, 'John Smith', 'Smith', 'John', 'western', NULL, NULL, 'john@acme.example', 3, NULL, 5, '{}', '{"cf_points":7}', 'john smith', '{john,smith}', 5),
  (5, '王五', '王', '五', 'eastern', NULL, NULL, NULL, NULL, NULL, 2, '{}', '{}', '王五', '{王五}', 2);
INSERT INTO account_contacts (account_id, contact_id, role, is_primary) VALUES (1, 1, '采购', true), (2, 2, '經理', true), (3, 3, 'Buyer', true);

INSERT INTO activities (id, kind, subject, body, contact_id, account_id, owner_id, created_by) VALUES
  (1, 'call', '回访张三', '谈了新订单', 1, 1, 3, 3),
  (2, 'meeting', '拜訪陳先生', NULL, 2, 2, 4, 4),
  (3, 'email', 'Quote sent', NULL, 3, 3, 5, 5);
INSERT INTO tasks (id, title, status, priority, due_at, contact_id, account_id, owner_id, created_by) VALUES
  (1, '寄样品', 'open', 'high', now() + interval '3 days', 1, 1, 3, 3),
  (2, '電話跟進', 'done', 'normal', now() - interval '1 day', 2, 2, 4, 4),
  (3, 'Send contract', 'open', 'normal', NULL, 3, 3, 5, 5);
INSERT INTO timeline_events (occurred_at, kind, title, contact_id, account_id, ref_type, ref_id, actor_id) VALUES
  (now(), 'activity', '回访张三', 1, 1, 'activities', 1, 3),
  (now(), 'activity', '拜訪陳先生', 2, 2, 'activities', 2, 4);
INSERT INTO saved_views (id, user_id, object, name, filters, sort, columns, shared) VALUES
  (1, 3, 'contacts', '我的上海客户', '[{"field":"city","op":"eq","value":"上海"}]', '-created_at', '["name","mobile"]', true);

-- An import: its uploaded file, and a rejected line.
INSERT INTO files (id, name, content_type, size, created_by) VALUES (1, 'contacts.csv', 'text/csv', 24, 5);
INSERT INTO file_chunks (file_id, seq, data) VALUES (1, 0, convert_to(E'name,mobile\n赵六,13800000000\n,\n', 'UTF8'));
INSERT INTO imports (id, object, file_id, file_name, format, status, headers, mapping, total_rows, processed_rows, created, failed, created_by, started_at, finished_at) VALUES
  (1, 'contacts', 1, 'contacts.csv', 'csv', 'done', '["name","mobile"]', '{"name":"name","mobile":"mobile"}', 2, 2, 1, 1, 5, now(), now());
INSERT INTO import_errors (import_id, line, reason) VALUES (1, 3, 'name: Required');
INSERT INTO contacts (id, name, mobile, mobile_key, owner_id, search_text, search_tokens, created_by) VALUES (6, '赵六', '13800000000', '13800000000', 5, '赵六', '{赵六}', 5);

-- A merge of contact 4 ("张三", a duplicate with an e-mail) into contact 1, as that release audited it:
-- before-images with every column but the search document (name_order included), what moved, what was filled.
INSERT INTO activities (id, kind, subject, contact_id, owner_id, created_by) VALUES (4, 'note', '重复记录上的备注', 1, 3, 3);
UPDATE contacts SET email = 'zhangsan@example.cn' WHERE id = 1;
INSERT INTO audit_log (id, actor_id, action, object, record_id, changes) VALUES
  (1, 1, 'merge', 'contacts', 1, '{
    "primary_before": {"id": 1, "name": "张三", "family_name": "张", "given_name": "三", "name_order": "eastern", "mobile": "139 1234 5678", "mobile_key": "13912345678", "phone": null, "phone_key": null, "email": null, "account_id": 1, "credit_limit": "20000.00", "owner_id": 3, "tags": ["老客户"], "custom": {"cf_nickname":"小张","cf_bio":"喜欢喝茶","cf_points":120,"cf_deposit":"99.50","cf_first_visit":"2025-03-01","cf_vip":true,"cf_channel":"wechat","cf_hobbies":["tea"],"cf_referrer":2}, "created_by": 3, "created_at": "2026-11-22T19:10:00.000Z", "updated_at": "2026-11-22T19:10:00.000Z"},
    "duplicates": [{"id": 4, "name": "张三", "family_name": "张", "given_name": "三", "name_order": "eastern", "mobile": null, "mobile_key": null, "phone": null, "phone_key": null, "email": "zhangsan@example.cn", "account_id": null, "credit_limit": null, "owner_id": 3, "tags": [], "custom": {}, "created_by": 3, "created_at": "2026-11-22T19:11:00.000Z", "updated_at": "2026-11-22T19:11:00.000Z"}],
    "moved": [{"table": "activities", "column": "contact_id", "from": 4, "keys": [4], "keyColumn": "id"}],
    "filled": ["email"]
  }'),
  (2, 1, 'delete', 'contacts', 4, '{"merged_into": 1}'),
  (3, 2, 'delete', 'contacts', 7, '{"before": {"id": 7, "name": "李四", "name_order": "eastern", "owner_id": 2, "tags": [], "custom": {}}}'),
  (4, 5, 'import', 'contacts', NULL, '{"import_id": 1, "created": 1, "failed": 1}');

SELECT setval(pg_get_serial_sequence('teams', 'id'), 10);
SELECT setval(pg_get_serial_sequence('users', 'id'), 10);
SELECT setval(pg_get_serial_sequence('api_keys', 'id'), 10);
SELECT setval(pg_get_serial_sequence('custom_fields', 'id'), 10);
SELECT setval(pg_get_serial_sequence('accounts', 'id'), 10);
SELECT setval(pg_get_serial_sequence('contacts', 'id'), 10);
SELECT setval(pg_get_serial_sequence('activities', 'id'), 10);
SELECT setval(pg_get_serial_sequence('tasks', 'id'), 10);
SELECT setval(pg_get_serial_sequence('saved_views', 'id'), 10);
SELECT setval(pg_get_serial_sequence('files', 'id'), 10);
SELECT setval(pg_get_serial_sequence('imports', 'id'), 10);
SELECT setval(pg_get_serial_sequence('audit_log', 'id'), 10);
